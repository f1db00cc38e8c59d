// A problem as its owner sees it: analysis, corrective actions, linked cases, recurrence, timeline.
import type { ProblemStatus } from '../../contracts/problems.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { linkCounts } from './case-problem.repo.ts';
import { problemRecurrence } from './measure-problem.ts';
import { findProblem, listActions, listProblemEvents, listProblems } from './problem.repo.ts';

export async function getProblem(ctx: Ctx, problemId: string) {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const problem = await findProblem(db, problemId);
  if (!problem) throw notFound(`Problem ${problemId}`);
  const [actions, counts, recurrence, timeline] = await Promise.all([
    listActions(db, [problem.id]),
    linkCounts(db, [problem.id]),
    problemRecurrence(db, problem.id, ctx.now()),
    listProblemEvents(db, problem.id),
  ]);
  return {
    problem,
    correctiveActions: actions,
    linkedCases: counts.get(problem.id) ?? 0,
    recurrence,
    timeline,
  };
}

export async function listProblemsWithCounts(ctx: Ctx, status?: ProblemStatus | 'open') {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const rows = await listProblems(db, status);
  const counts = await linkCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, linkedCases: counts.get(r.id) ?? 0 }));
}
