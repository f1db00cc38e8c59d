// R21: a problem is the shared cause behind cases. It starts under investigation.
import { CreateProblemInput } from '../../contracts/problems.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { resolveOwner } from './owner.ts';
import { recordProblemEvent } from './problem-timeline.ts';
import { insertProblem } from './problem.repo.ts';

export async function createProblem(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'problems.manage');
  const input = parseInput(CreateProblemInput, raw);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await insertProblem(tx, {
      title: input.title,
      category: input.category ?? null,
      analysis: input.analysis ?? null,
      whys: input.whys,
      ownerId: await resolveOwner(tx, ctx, input.ownerId),
      status: 'investigating',
      statusChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await recordProblemEvent(tx, ctx, row.id, 'problem_created', {
      title: row.title,
      category: row.category,
      ownerId: row.ownerId,
    });
    return row;
  });
}
