// R8: offer one or more solutions and record the customer's own idea of a fair fix.
// Offering before the feelings are acknowledged works, but returns and records a nudge (R4).
import { OfferInput } from '../../contracts/cases.ts';
import { doneSteps, updateCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { markStepDone } from '../playbook/mark-step.ts';
import { solutionNudge } from '../playbook/playbook.rules.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { insertOptions } from './resolution.repo.ts';

export async function offerSolutions(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(OfferInput, raw);
  return mutateCase(ctx, caseId, async (c) => {
    const { tx, row, now, settings } = c;
    const nudge = solutionNudge(settings.playbook, await doneSteps(tx, row.id));
    const options = await insertOptions(
      tx,
      input.options.map((description) => ({
        caseId: row.id,
        description,
        offeredBy: actorId(ctx),
        offeredAt: now,
      })),
    );
    const patch = {
      ...(input.customerIdea ? { customerIdea: input.customerIdea } : {}),
      ...(row.verdict === 'falls_short' ? { verdict: null, verdictAt: null } : {}),
      ...(row.status === 'new' ? { status: 'in_progress' } : {}),
    };
    if (Object.keys(patch).length > 0) await updateCase(tx, row.id, patch, now);
    await record(tx, ctx, row.id, 'solutions_offered', {
      options: options.map((o) => ({ id: o.id, description: o.description })),
      customerIdea: input.customerIdea,
    });
    if (nudge)
      await record(tx, ctx, row.id, 'nudge', { rule: 'feelings_before_solutions', message: nudge });
    await markStepDone(ctx, c, 'offer_solutions');
    return { options, nudge };
  });
}
