// R9: does the fix meet, exceed or fall short of what the customer expected? "Falls short"
// reopens the negotiation: the chosen option is dropped and the case goes back to work.
import { RefusalInput, VerdictInput } from '../../contracts/cases.ts';
import type { CaseStatus } from '../../contracts/enums.ts';
import { applyStatus } from '../cases/change-status.ts';
import { updateCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { markStepDone } from '../playbook/mark-step.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { clearChoice, listOptions } from './resolution.repo.ts';

export async function recordVerdict(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(VerdictInput, raw);
  return mutateCase(ctx, caseId, async (c) => {
    const { tx, row, now } = c;
    if ((await listOptions(tx, row.id)).length === 0) {
      throw new DomainError(
        'precondition_failed',
        'Offer a solution before asking the customer for a verdict.',
      );
    }
    let updated = await updateCase(
      tx,
      row.id,
      { verdict: input.verdict, verdictAt: now, refusalReason: null },
      now,
    );
    await record(tx, ctx, row.id, 'verdict_recorded', { verdict: input.verdict, note: input.note });
    if (input.verdict === 'falls_short') {
      await clearChoice(tx, row.id);
      if (row.status === 'resolved')
        updated = await applyStatus(
          ctx,
          { ...c, row: updated },
          'in_progress',
          'The fix falls short.',
        );
    } else {
      await markStepDone(ctx, c, 'confirm_acceptance');
    }
    return updated;
  });
}

/** The customer will not accept any fix: recorded with their reason, so the case can close honestly. */
export async function recordRefusal(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(RefusalInput, raw);
  return mutateCase(ctx, caseId, async (c) => {
    const updated = await updateCase(c.tx, c.row.id, { refusalReason: input.reason }, c.now);
    await record(c.tx, ctx, c.row.id, 'refusal_recorded', { reason: input.reason });
    await markStepDone(ctx, c, 'confirm_acceptance', 'The customer refused; reason recorded.');
    const status = updated.status as CaseStatus;
    return status === 'resolved'
      ? updated
      : applyStatus(ctx, { ...c, row: updated }, 'resolved', 'The customer refused the fix.');
  });
}
