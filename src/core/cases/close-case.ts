// Closure: the person, the problem and the system must all be dealt with. Closing early fails
// with the exact list of what is missing.
import { JOBS } from '../../contracts/jobs.ts';
import { involvedStaff } from '../debriefs/debrief.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { updateCase } from './case.repo.ts';
import { gapsFor } from './closure-facts.ts';
import { mutateCase } from './mutate-case.ts';
import { record } from './timeline.ts';

export async function closeCase(ctx: Ctx, caseId: string) {
  return mutateCase(ctx, caseId, async ({ tx, row, settings, now }) => {
    const missing = await gapsFor(tx, row, settings);
    if (missing.length > 0) {
      throw new DomainError(
        'precondition_failed',
        `Case ${row.reference} cannot close yet: ${missing.length} thing(s) are missing.`,
        missing.map((m) => ({ path: `${m.part}.${m.code}`, message: m.message })),
        { missing },
      );
    }
    const updated = await updateCase(tx, row.id, { status: 'closed', closedAt: now }, now);
    await record(tx, ctx, row.id, 'closed', {});
    // R24: the staff involved get their debriefs after closure, by a job queued right here.
    if ((await involvedStaff(tx, row.id)).length > 0) {
      await ctx.jobs.send(tx, [{ name: JOBS.debriefAssign.name, data: { caseId: row.id } }]);
    }
    return updated;
  });
}
