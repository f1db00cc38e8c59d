// Fix the system: every case names the cause behind it, or says why it was a one-off.
import { RootCauseInput } from '../../contracts/cases.ts';
import { updateCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { markStepDone } from './mark-step.ts';

export async function recordRootCause(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(RootCauseInput, raw);
  return mutateCase(ctx, caseId, async (c) => {
    const patch =
      'rootCauseCategory' in input
        ? { rootCauseCategory: input.rootCauseCategory, oneOffReason: null }
        : { oneOffReason: input.oneOffReason, rootCauseCategory: null };
    const updated = await updateCase(c.tx, c.row.id, patch, c.now);
    await record(c.tx, ctx, c.row.id, 'root_cause_recorded', patch);
    await markStepDone(ctx, c, 'fix_system');
    return updated;
  });
}
