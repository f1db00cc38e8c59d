// Every change to a problem writes one event on the problem's own timeline, in its transaction.
import type { DbOrTx } from '../../db/client.ts';
import { actorId, actorLabel, type Ctx } from '../shared/context.ts';
import { insertProblemEvent } from './problem.repo.ts';

export type ProblemEventType =
  | 'problem_created'
  | 'status_changed'
  | 'action_added'
  | 'action_shipped'
  | 'action_reminder'
  | 'action_overdue'
  | 'case_linked'
  | 'repeat_detected';

export async function recordProblemEvent(
  tx: DbOrTx,
  ctx: Ctx,
  problemId: string,
  type: ProblemEventType,
  data: Record<string, unknown> = {},
): Promise<void> {
  await insertProblemEvent(tx, {
    problemId,
    at: ctx.now(),
    actorId: actorId(ctx),
    actorLabel: actorLabel(ctx),
    type,
    data,
  });
}
