// The damage-control checklist: items are ticked with who and when; a few tick themselves when
// the fact behind them happens (statement published, apology sent).
import type { DbOrTx } from '../../db/client.ts';
import { actorId, actorLabel, type Ctx } from '../shared/context.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import { findChecklistItem, setChecklistItem } from './incident.repo.ts';

export async function autoTick(
  tx: DbOrTx,
  ctx: Ctx,
  incidentId: string,
  key: string,
): Promise<void> {
  const item = await findChecklistItem(tx, incidentId, key);
  if (!item || item.doneAt) return;
  await setChecklistItem(tx, incidentId, key, {
    by: actorId(ctx),
    label: actorLabel(ctx),
    at: ctx.now(),
  });
  await recordIncidentEvent(tx, ctx, incidentId, 'checklist_ticked', { key, isAutomatic: true });
}
