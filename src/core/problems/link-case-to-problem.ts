// Links a case to the problem behind it. R22: when the same customer already complained about
// this problem on another case, the link is flagged, the case timeline says so loudly and the
// supervisors are told — a second apology without a change is the one they will not forgive.
import { LinkProblemInput } from '../../contracts/problems.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import {
  earlierCasesOfCustomer,
  findLink,
  insertLink,
  lockCustomerProblem,
} from './case-problem.repo.ts';
import { recordProblemEvent } from './problem-timeline.ts';
import { findProblem } from './problem.repo.ts';

export async function linkCaseToProblem(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(LinkProblemInput, raw);
  // Past cases are linked too (that is how recurrence is counted), so closed ones are allowed.
  return mutateCase(
    ctx,
    caseId,
    async ({ tx, row, now }) => {
      const problem = await findProblem(tx, input.problemId);
      if (!problem) throw notFound(`Problem ${input.problemId}`);
      const existing = await findLink(tx, row.id, problem.id);
      // One click twice links once.
      if (existing) return { link: existing, isNew: false };
      await lockCustomerProblem(tx, row.customerId, problem.id);
      const earlier = await earlierCasesOfCustomer(tx, row.customerId, problem.id, row.id);
      const isRepeat = earlier.length > 0;
      const link = await insertLink(tx, {
        caseId: row.id,
        problemId: problem.id,
        linkedBy: actorId(ctx),
        linkedAt: now,
        isRepeatForCustomer: isRepeat,
      });
      const about = { problemId: problem.id, title: problem.title, status: problem.status };
      await record(tx, ctx, row.id, 'problem_linked', { ...about, isRepeatForCustomer: isRepeat });
      await recordProblemEvent(tx, ctx, problem.id, 'case_linked', {
        caseId: row.id,
        reference: row.reference,
        isRepeatForCustomer: isRepeat,
      });
      if (isRepeat) {
        const refs = earlier.map((c) => c.reference);
        await record(tx, ctx, row.id, 'repeat_apology_risk', { ...about, earlierCases: refs });
        await recordProblemEvent(tx, ctx, problem.id, 'repeat_detected', {
          caseId: row.id,
          reference: row.reference,
          earlierCases: refs,
        });
        await notify(tx, {
          role: 'supervisor',
          caseId: row.id,
          kind: 'repeat_apology_risk',
          message:
            `${row.reference}: this customer already complained about “${problem.title}” ` +
            `(${refs.join(', ')}). Say what changed, or when it will — not another apology.`,
        });
      }
      return { link, isNew: true };
    },
    { allowClosed: true },
  );
}
