// Storage for cases and their timeline. Only repositories touch Drizzle tables.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseEvents, cases, caseSteps, idempotencyKeys, casePauses } from '../../db/schema.ts';
import { notFound } from '../shared/errors.ts';

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;

export async function insertCase(tx: DbOrTx, row: NewCaseRow): Promise<CaseRow> {
  const [created] = await tx.insert(cases).values(row).returning();
  if (!created) throw new Error('insert into cases returned no row');
  return created;
}

/** Locks the case row for the rest of the transaction so concurrent changes queue up. */
export async function lockCase(tx: DbOrTx, idOrRef: string): Promise<CaseRow> {
  const where = /^RD-\d+$/i.test(idOrRef)
    ? eq(cases.reference, idOrRef.toUpperCase())
    : isUuid(idOrRef)
      ? eq(cases.id, idOrRef)
      : null;
  if (!where) throw notFound(`Case ${idOrRef}`);
  const [row] = await tx.select().from(cases).where(where).for('update');
  if (!row) throw notFound(`Case ${idOrRef}`);
  return row;
}

export async function findCase(tx: DbOrTx, idOrRef: string): Promise<CaseRow | null> {
  const where = /^RD-\d+$/i.test(idOrRef)
    ? eq(cases.reference, idOrRef.toUpperCase())
    : isUuid(idOrRef)
      ? eq(cases.id, idOrRef)
      : null;
  if (!where) return null;
  const [row] = await tx.select().from(cases).where(where);
  return row ?? null;
}

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

export async function updateCase(
  tx: DbOrTx,
  id: string,
  patch: Partial<NewCaseRow>,
  now: Date,
): Promise<CaseRow> {
  const [row] = await tx
    .update(cases)
    .set({ ...patch, updatedAt: now })
    .where(eq(cases.id, id))
    .returning();
  if (!row) throw notFound(`Case ${id}`);
  return row;
}

export async function insertEvent(
  tx: DbOrTx,
  event: typeof caseEvents.$inferInsert,
): Promise<void> {
  await tx.insert(caseEvents).values(event);
}

export async function listEvents(tx: DbOrTx, caseId: string): Promise<CaseEventRow[]> {
  return tx
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
}

export async function doneSteps(tx: DbOrTx, caseId: string): Promise<Map<string, Date>> {
  const rows = await tx.select().from(caseSteps).where(eq(caseSteps.caseId, caseId));
  return new Map(rows.map((r) => [r.stepKey, r.doneAt]));
}

/** Marks a step done once; returns false when it was already done. */
export async function markStep(tx: DbOrTx, row: typeof caseSteps.$inferInsert): Promise<boolean> {
  const res = await tx.insert(caseSteps).values(row).onConflictDoNothing().returning();
  return res.length > 0;
}

export async function findIdempotent(tx: DbOrTx, key: string): Promise<string | null> {
  const [row] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return row?.caseId ?? null;
}

/** Claims an idempotency key; false when another request already holds it. */
export async function claimIdempotency(tx: DbOrTx, key: string, caseId: string): Promise<boolean> {
  const res = await tx
    .insert(idempotencyKeys)
    .values({ key, caseId })
    .onConflictDoNothing()
    .returning();
  return res.length > 0;
}

export async function listPauses(tx: DbOrTx, caseId: string) {
  return tx
    .select()
    .from(casePauses)
    .where(eq(casePauses.caseId, caseId))
    .orderBy(asc(casePauses.pausedAt));
}

export async function openPause(tx: DbOrTx, caseId: string, at: Date): Promise<void> {
  await tx.insert(casePauses).values({ caseId, pausedAt: at });
}

export async function closePauses(tx: DbOrTx, caseId: string, at: Date): Promise<void> {
  await tx
    .update(casePauses)
    .set({ resumedAt: at })
    .where(and(eq(casePauses.caseId, caseId), sql`${casePauses.resumedAt} IS NULL`));
}

export async function casesByIds(tx: DbOrTx, ids: string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(cases).where(inArray(cases.id, ids));
}
