// Every change to an incident writes one event on its own timeline, in the change's transaction.
import type { DbOrTx } from '../../db/client.ts';
import { actorId, actorLabel, type Ctx } from '../shared/context.ts';
import { insertIncidentEvent } from './incident.repo.ts';

export type IncidentEventType =
  | 'incident_declared'
  | 'update_posted'
  | 'status_changed'
  | 'statement_published'
  | 'cases_attached'
  | 'customers_imported'
  | 'broadcast_queued'
  | 'broadcast_finished'
  | 'checklist_ticked'
  | 'checklist_unticked'
  | 'checklist_item_added';

export async function recordIncidentEvent(
  tx: DbOrTx,
  ctx: Ctx,
  incidentId: string,
  type: IncidentEventType,
  data: Record<string, unknown> = {},
): Promise<void> {
  await insertIncidentEvent(tx, {
    incidentId,
    at: ctx.now(),
    actorId: actorId(ctx),
    actorLabel: actorLabel(ctx),
    type,
    data,
  });
}
