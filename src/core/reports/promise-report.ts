// R11: promises kept, broken and still open; a broken promise counts against the team.
import { authorize, type Ctx } from '../shared/context.ts';
import { promiseOutcomes } from './reports.repo.ts';

export async function promiseReport(ctx: Ctx) {
  authorize(ctx, 'case.read');
  const rows = await promiseOutcomes(ctx.database.db);
  const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const kept = count('kept');
  const broken = count('broken');
  return {
    open: count('open'),
    kept,
    broken,
    keptRate: kept + broken === 0 ? null : Math.round((kept / (kept + broken)) * 1000) / 1000,
  };
}
