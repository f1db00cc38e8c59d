// Retention of the customers who never complained, for a period start: read from the kept count
// (plus what changed since) or counted from scratch once and kept (docs/metrics.md, "Rollups").
import type { Database } from '../../db/client.ts';
import { neverComplainedCounts, type Cell, type Scope } from './metrics.repo.ts';
import { countQuiet, loadQuietCount, type QuietCount } from './rollup.repo.ts';

/** Counts from scratch and keeps the count for the period start. */
export function recountNeverComplained(
  database: Database,
  start: Date,
  now: Date,
): Promise<QuietCount> {
  return countQuiet(database, start, now, async (tx) => {
    const [cell] = await neverComplainedCounts(tx, [{ b: null, at: start }]);
    return { base: cell?.neverComplainedBase ?? 0, active: cell?.neverComplainedActive ?? 0 };
  });
}

export async function neverComplainedCells(database: Database, scope: Scope): Promise<Cell[]> {
  const start = scope.period.from;
  const c =
    (await loadQuietCount(database.db, start, scope.now)) ??
    (await recountNeverComplained(database, start, scope.now));
  return [
    { lvl: 3, b: null, g: null, neverComplainedBase: c.base, neverComplainedActive: c.active },
  ];
}
