// R24: take someone off the list of staff involved in a case, with its timeline event.
import { isUuid } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { involvedStaff, removeInvolved } from './debrief.repo.ts';

export async function uninvolveStaff(ctx: Ctx, caseId: string, userId: string) {
  return mutateCase(ctx, caseId, async ({ tx, row }) => {
    if (!isUuid(userId) || !(await removeInvolved(tx, row.id, userId))) {
      throw new DomainError('not_found', 'That person is not recorded as involved in this case.');
    }
    await record(tx, ctx, row.id, 'staff_involved_removed', { userId });
    return involvedStaff(tx, row.id);
  });
}
