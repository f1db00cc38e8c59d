// The queue: open cases first by their nearest deadline, with filters and text search.
import { ListCasesQuery } from '../../contracts/cases.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { searchCases } from './case-search.repo.ts';

export async function listCases(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'case.read');
  const q = parseInput(ListCasesQuery, raw ?? {});
  return searchCases(ctx.database.db, q);
}
