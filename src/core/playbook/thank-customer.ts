// R13: the complaint is free consulting; thanking the customer is part of closing well.
import { updateCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { markStepDone } from './mark-step.ts';

export async function thankCustomer(ctx: Ctx, caseId: string) {
  return mutateCase(ctx, caseId, async (c) => {
    if (c.row.thankedAt) return c.row;
    const updated = await updateCase(c.tx, c.row.id, { thankedAt: c.now }, c.now);
    await record(c.tx, ctx, c.row.id, 'thanked', {});
    await markStepDone(ctx, c, 'thank');
    return updated;
  });
}
