// R19: after the fix, a short survey: was the outcome fair, was the process fair, were you
// treated well (1–5 each), will you stay with us, anything else. One per case.
import { SurveyInput } from '../../contracts/portal.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { insertSurvey } from './portal.repo.ts';

/** `caseId` must come from a verified portal token (openPortalLink). */
export async function submitSurvey(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(SurveyInput, raw);
  return mutateCase(
    ctx,
    caseId,
    async ({ tx, row, now }) => {
      if (row.status !== 'resolved' && row.status !== 'closed')
        throw new DomainError('precondition_failed', 'The survey opens once the case is resolved.');
      const isNew = await insertSurvey(tx, {
        caseId: row.id,
        outcomeFair: input.outcomeFair,
        processFair: input.processFair,
        treatedWell: input.treatedWell,
        willStay: input.willStay,
        comment: input.comment ?? null,
        submittedAt: now,
      });
      if (!isNew) return { isNew: false };
      await record(tx, ctx, row.id, 'survey_answered', {
        outcomeFair: input.outcomeFair,
        processFair: input.processFair,
        treatedWell: input.treatedWell,
        willStay: input.willStay,
        hasComment: Boolean(input.comment),
      });
      return { isNew: true };
    },
    { allowClosed: true },
  );
}
