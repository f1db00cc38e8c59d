// R21: the specific change that removes the cause: what, owner, due date, and the sentence that
// tells customers what changed (used in closing messages).
import { CorrectiveActionInput } from '../../contracts/problems.ts';
import { JOBS } from '../../contracts/jobs.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { resolveOwner } from './owner.ts';
import { recordProblemEvent } from './problem-timeline.ts';
import { insertAction, lockProblem } from './problem.repo.ts';

export async function addCorrectiveAction(ctx: Ctx, problemId: string, raw: unknown) {
  authorize(ctx, 'problems.manage');
  const input = parseInput(CorrectiveActionInput, raw);
  const now = ctx.now();
  const dueAt = new Date(input.dueAt);
  if (dueAt <= now) {
    throw new DomainError('validation', 'Some fields are not valid.', [
      { path: 'dueAt', message: 'A corrective action must be due in the future.' },
    ]);
  }
  return ctx.database.db.transaction(async (tx) => {
    const problem = await lockProblem(tx, problemId);
    if (problem.status === 'verified') {
      throw new DomainError('precondition_failed', 'This problem is verified; reopen it first.');
    }
    const action = await insertAction(tx, {
      problemId: problem.id,
      what: input.what,
      ownerId: await resolveOwner(tx, ctx, input.ownerId),
      dueAt,
      customerFacingChange: input.customerFacingChange,
      status: 'planned',
      createdAt: now,
    });
    await recordProblemEvent(tx, ctx, problem.id, 'action_added', {
      actionId: action.id,
      what: action.what,
      dueAt: dueAt.toISOString(),
    });
    // The due date is a promise (R11): a reminder before it, an overdue check at it.
    const { promiseReminderMinutes } = await loadSettings(tx);
    const remindAt = new Date(dueAt.getTime() - promiseReminderMinutes * 60_000);
    await ctx.jobs.send(tx, [
      {
        name: JOBS.correctiveActionReminder.name,
        data: { actionId: action.id },
        startAfter: remindAt < now ? now : remindAt,
      },
      { name: JOBS.correctiveActionDue.name, data: { actionId: action.id }, startAfter: dueAt },
    ]);
    return action;
  });
}
