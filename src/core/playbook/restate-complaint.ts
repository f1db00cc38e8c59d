// R3: the agent restates the complaint in their own words; the customer confirms it.
import { RestatementInput } from '../../contracts/cases.ts';
import { updateCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { markStepDone } from './mark-step.ts';

export async function restateComplaint(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(RestatementInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row, now }) => {
    // A new wording needs a new confirmation.
    const updated = await updateCase(
      tx,
      row.id,
      { restatement: input.restatement, restatementConfirmedAt: null },
      now,
    );
    await record(tx, ctx, row.id, 'restatement_recorded', { restatement: input.restatement });
    return updated;
  });
}

export async function confirmRestatement(ctx: Ctx, caseId: string) {
  return mutateCase(ctx, caseId, async (c) => {
    const { tx, row, now } = c;
    if (!row.restatement) {
      throw new DomainError(
        'precondition_failed',
        'Restate the complaint before asking the customer to confirm it.',
      );
    }
    const updated = await updateCase(tx, row.id, { restatementConfirmedAt: now }, now);
    await record(tx, ctx, row.id, 'restatement_confirmed', {});
    await markStepDone(ctx, c, 'repeat_back');
    return updated;
  });
}
