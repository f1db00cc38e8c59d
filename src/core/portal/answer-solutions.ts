// R8, R9 from the customer's side: do the solutions offered exceed, meet or fall short of what
// they expected, and what would make it right? Recorded as the customer's own verdict; "falls
// short" reopens the negotiation exactly as when an agent records it.
import { PortalVerdictInput } from '../../contracts/portal.ts';
import { applyStatus } from '../cases/change-status.ts';
import { updateCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import { markStepDone } from '../playbook/mark-step.ts';
import { clearChoice, listOptions } from '../resolutions/resolution.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';

/** `caseId` must come from a verified portal token (openPortalLink). */
export async function answerSolutions(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(PortalVerdictInput, raw);
  return mutateCase(ctx, caseId, async (c) => {
    const { tx, row, now } = c;
    if ((await listOptions(tx, row.id)).length === 0)
      throw new DomainError('precondition_failed', 'No solution has been offered yet.');
    let updated = await updateCase(
      tx,
      row.id,
      {
        verdict: input.verdict,
        verdictAt: now,
        refusalReason: null,
        ...(input.suggestion ? { customerIdea: input.suggestion } : {}),
      },
      now,
    );
    await record(tx, ctx, row.id, 'verdict_recorded', {
      verdict: input.verdict,
      note: input.suggestion,
      madeBy: 'customer',
      via: 'portal',
    });
    if (input.verdict === 'falls_short') {
      await clearChoice(tx, row.id);
      if (row.status === 'resolved' || row.status === 'awaiting_customer')
        updated = await applyStatus(
          ctx,
          { ...c, row: updated },
          'in_progress',
          'The fix falls short.',
        );
      if (row.ownerId)
        await notify(tx, {
          userId: row.ownerId,
          caseId: row.id,
          kind: 'verdict_falls_short',
          message: `${row.reference}: the customer says the solution falls short.`,
        });
    } else {
      await markStepDone(ctx, c, 'confirm_acceptance', 'The customer answered on the portal.');
      if (row.status === 'awaiting_customer')
        updated = await applyStatus(
          ctx,
          { ...c, row: updated },
          'in_progress',
          'The customer answered.',
        );
    }
    return { verdict: updated.verdict };
  });
}
