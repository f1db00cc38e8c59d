// R4: the agent confirms or corrects the suggested feelings. The suggestion is kept beside the
// confirmation so the organisation can measure how good the suggestions are.
import { FeelingsInput } from '../../contracts/cases.ts';
import { updateCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { markStepDone } from './mark-step.ts';

export async function confirmFeelings(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(FeelingsInput, raw);
  return mutateCase(ctx, caseId, async (c) => {
    const { tx, row, now } = c;
    const suggested = (row.suggestedFeelings as Array<{ feeling: string }>).map((f) => f.feeling);
    const feelings = [...new Set(input.feelings)];
    const updated = await updateCase(tx, row.id, { confirmedFeelings: feelings }, now);
    await record(tx, ctx, row.id, 'feelings_confirmed', {
      feelings,
      suggested,
      added: feelings.filter((f) => !suggested.includes(f)),
      removed: suggested.filter((f) => !feelings.includes(f as (typeof feelings)[number])),
    });
    await markStepDone(ctx, c, 'acknowledge_feelings');
    return updated;
  });
}
