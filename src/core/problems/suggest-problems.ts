// Matching (R21): the three open problems most likely behind a case, with the evidence for each.
import { findCase } from '../cases/case.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { rankSuggestions, type Suggestion } from './match.rules.ts';
import { matchSignals } from './problem-match.repo.ts';

export async function suggestProblems(ctx: Ctx, caseId: string): Promise<Suggestion[]> {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const row = await findCase(db, caseId);
  if (!row) throw notFound(`Case ${caseId}`);
  return rankSuggestions(await matchSignals(db, row.id), 3);
}
