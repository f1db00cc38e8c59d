// Picks the solution the customer and agent agreed to carry out.
import { ChooseInput } from '../../contracts/cases.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { chooseOption as choose } from './resolution.repo.ts';

export async function chooseOption(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(ChooseInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row }) => {
    const option = await choose(tx, row.id, input.optionId);
    if (!option) {
      throw new DomainError('validation', 'Unknown option.', [
        { path: 'optionId', message: 'This case has no such option.' },
      ]);
    }
    await record(tx, ctx, row.id, 'option_chosen', {
      optionId: option.id,
      description: option.description,
    });
    return option;
  });
}
