// The change is live: its ship date starts the "after" side of the recurrence measure.
import { ShipActionInput } from '../../contracts/problems.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { recordProblemEvent } from './problem-timeline.ts';
import { lockAction, lockProblem, updateAction } from './problem.repo.ts';

export async function shipCorrectiveAction(ctx: Ctx, actionId: string, raw: unknown) {
  authorize(ctx, 'problems.manage');
  const input = parseInput(ShipActionInput, raw ?? {});
  const now = ctx.now();
  const shippedAt = input.shippedAt ? new Date(input.shippedAt) : now;
  if (shippedAt > now) {
    throw new DomainError('validation', 'Some fields are not valid.', [
      { path: 'shippedAt', message: 'Must not be in the future.' },
    ]);
  }
  return ctx.database.db.transaction(async (tx) => {
    const action = await lockAction(tx, actionId);
    await lockProblem(tx, action.problemId);
    if (action.status === 'shipped') {
      throw new DomainError('conflict', 'This corrective action has already shipped.');
    }
    const shipped = await updateAction(tx, action.id, { status: 'shipped', shippedAt });
    await recordProblemEvent(tx, ctx, action.problemId, 'action_shipped', {
      actionId: action.id,
      shippedAt: shippedAt.toISOString(),
      wasLate: shippedAt > action.dueAt,
    });
    return shipped;
  });
}
