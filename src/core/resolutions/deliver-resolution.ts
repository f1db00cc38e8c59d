// The chosen fix has been carried out: the problem is fixed, and the case is resolved.
import { applyStatus } from '../cases/change-status.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { CaseStatus } from '../../contracts/enums.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { listOptions, markDelivered } from './resolution.repo.ts';

export async function deliverResolution(ctx: Ctx, caseId: string) {
  return mutateCase(ctx, caseId, async (c) => {
    const chosen = (await listOptions(c.tx, c.row.id)).find((o) => o.isChosen);
    if (!chosen)
      throw new DomainError(
        'precondition_failed',
        'Choose a resolution before marking it delivered.',
      );
    if (chosen.deliveredAt)
      throw new DomainError('conflict', 'The chosen resolution is already delivered.');
    await markDelivered(c.tx, chosen.id, c.now);
    await record(c.tx, ctx, c.row.id, 'resolution_delivered', { optionId: chosen.id });
    const status = c.row.status as CaseStatus;
    return status === 'resolved'
      ? c.row
      : applyStatus(ctx, c, 'resolved', 'The chosen resolution was delivered.');
  });
}
