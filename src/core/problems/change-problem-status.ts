// Moves a problem through its lifecycle. `verified` needs proof: recurrence fell after the fix,
// and a refusal shows the numbers.
import { ProblemStatusInput, type ProblemStatus } from '../../contracts/problems.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { problemRecurrence } from './measure-problem.ts';
import { recordProblemEvent } from './problem-timeline.ts';
import { transitionIssues } from './problem.rules.ts';
import { listActions, lockProblem, updateProblem } from './problem.repo.ts';

export async function changeProblemStatus(ctx: Ctx, problemId: string, raw: unknown) {
  authorize(ctx, 'problems.manage');
  const input = parseInput(ProblemStatusInput, raw);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockProblem(tx, problemId);
    const from = row.status as ProblemStatus;
    const actions = await listActions(tx, [row.id]);
    const recurrence =
      input.status === 'verified' ? await problemRecurrence(tx, row.id, now) : null;
    const issues = transitionIssues(from, input.status, {
      hasWorkaround: Boolean(input.workaround ?? row.workaround),
      correctiveActions: actions.length,
      shippedActions: actions.filter((a) => a.status === 'shipped').length,
      recurrence,
    });
    if (issues.length > 0) {
      const message = issues.map((i) => i.message).join(' ');
      throw new DomainError(
        'precondition_failed',
        message,
        issues,
        recurrence ? { recurrence } : {},
      );
    }
    const updated = await updateProblem(
      tx,
      row.id,
      {
        status: input.status,
        statusChangedAt: now,
        ...(input.workaround ? { workaround: input.workaround } : {}),
        ...(input.status === 'verified' ? { verifiedAt: now } : {}),
      },
      now,
    );
    await recordProblemEvent(tx, ctx, row.id, 'status_changed', {
      from,
      to: input.status,
      note: input.note,
      workaround: input.workaround,
      ...(recurrence ? { recurrence } : {}),
    });
    return { problem: updated, recurrence };
  });
}
