// Category, severity and complainer type (R14), set or corrected by staff.
import { ClassifyInput } from '../../contracts/cases.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { updateCase } from './case.repo.ts';
import { mutateCase } from './mutate-case.ts';
import { record } from './timeline.ts';
import { routeAttention } from '../spokesperson/route-attention.ts';

export async function classifyCase(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(ClassifyInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row, now }) => {
    const updated = await updateCase(tx, row.id, input, now);
    const before = {
      category: row.category,
      severity: row.severity,
      complainerType: row.complainerType,
    };
    await record(tx, ctx, row.id, 'classified', { before, after: input });
    // Reclassified as an activist: route it as intake would have (R14).
    if (updated.complainerType === 'activist' && row.complainerType !== 'activist')
      await routeAttention(ctx, tx, updated, { isPublicFacing: false });
    return updated;
  });
}
