import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cases, effects, promises } from '../../db/schema.ts';

export type PromiseRow = typeof promises.$inferSelect;

export async function insertPromise(
  tx: DbOrTx,
  row: typeof promises.$inferInsert,
): Promise<PromiseRow> {
  const [created] = await tx.insert(promises).values(row).returning();
  if (!created) throw new Error('insert into promises returned no row');
  return created;
}

export async function listPromises(tx: DbOrTx, caseId: string): Promise<PromiseRow[]> {
  return tx.select().from(promises).where(eq(promises.caseId, caseId)).orderBy(asc(promises.dueAt));
}

export async function lockPromise(tx: DbOrTx, id: string): Promise<PromiseRow | null> {
  const [row] = await tx.select().from(promises).where(eq(promises.id, id)).for('update');
  return row ?? null;
}

export async function caseOfPromise(tx: DbOrTx, id: string): Promise<string | null> {
  const [row] = await tx
    .select({ caseId: promises.caseId })
    .from(promises)
    .where(eq(promises.id, id));
  return row?.caseId ?? null;
}

export async function settle(tx: DbOrTx, id: string, status: 'kept' | 'broken', at: Date) {
  const [row] = await tx
    .update(promises)
    .set({ status, outcomeAt: at })
    .where(eq(promises.id, id))
    .returning();
  if (!row) throw new Error('promise vanished');
  return row;
}

/** Open promises already past due (for sweeps and reports). */
export async function overduePromises(tx: DbOrTx, now: Date) {
  return tx
    .select({ promise: promises, reference: cases.reference })
    .from(promises)
    .innerJoin(cases, eq(cases.id, promises.caseId))
    .where(and(eq(promises.status, 'open'), lt(promises.dueAt, now)));
}

/** Claims a one-time effect; false when it already happened (a duplicate job or a second worker). */
export async function claimEffect(tx: DbOrTx, key: string, at: Date): Promise<boolean> {
  const res = await tx
    .insert(effects)
    .values({ key, at })
    .onConflictDoNothing()
    .returning({ key: effects.key });
  return res.length > 0;
}

export async function countEffects(tx: DbOrTx, prefix: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ${effects} WHERE key LIKE ${prefix + '%'}`,
  );
  return res.rows[0]?.n ?? 0;
}
