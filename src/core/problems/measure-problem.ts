// Did the fix work? Linked cases per ISO week before and after the last corrective action shipped.
import type { DbOrTx } from '../../db/client.ts';
import { linkedCaseTimes } from './case-problem.repo.ts';
import { measureRecurrence, type Recurrence } from './problem.rules.ts';
import { lastShippedAt } from './problem.repo.ts';

export async function problemRecurrence(
  tx: DbOrTx,
  problemId: string,
  now: Date,
): Promise<Recurrence | null> {
  const shippedAt = await lastShippedAt(tx, problemId);
  if (!shippedAt) return null;
  return measureRecurrence(await linkedCaseTimes(tx, problemId), shippedAt, now);
}
