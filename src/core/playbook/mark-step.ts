// Records a playbook step as done (once), with who and when, on the timeline.
import type { Tx } from '../../db/client.ts';
import { markStep } from '../cases/case.repo.ts';
import type { CaseChange } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { actorId, type Ctx } from '../shared/context.ts';

export async function markStepDone(
  ctx: Ctx,
  c: Pick<CaseChange, 'row' | 'settings' | 'now'> & { tx: Tx },
  stepKey: string,
  notes?: string,
): Promise<boolean> {
  if (!c.settings.playbook.some((s) => s.key === stepKey)) return false;
  const isNew = await markStep(c.tx, {
    caseId: c.row.id,
    stepKey,
    doneBy: actorId(ctx),
    doneAt: c.now,
    notes: notes ?? null,
  });
  if (isNew) await record(c.tx, ctx, c.row.id, 'step_completed', { step: stepKey, notes });
  return isNew;
}
