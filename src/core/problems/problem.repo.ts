// Storage for problems, corrective actions and their timeline. Only repositories touch Drizzle.
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { correctiveActions, problemEvents, problems } from '../../db/schema.ts';
import { notFound } from '../shared/errors.ts';
import type { ProblemStatus } from '../../contracts/problems.ts';

export type ProblemRow = typeof problems.$inferSelect;
export type ActionRow = typeof correctiveActions.$inferSelect;

export async function insertProblem(
  tx: DbOrTx,
  row: typeof problems.$inferInsert,
): Promise<ProblemRow> {
  const [created] = await tx.insert(problems).values(row).returning();
  if (!created) throw new Error('insert into problems returned no row');
  return created;
}

export async function findProblem(tx: DbOrTx, id: string): Promise<ProblemRow | null> {
  const [row] = await tx.select().from(problems).where(eq(problems.id, id));
  return row ?? null;
}

/** Locks the problem row so concurrent status changes queue up. */
export async function lockProblem(tx: DbOrTx, id: string): Promise<ProblemRow> {
  const [row] = await tx.select().from(problems).where(eq(problems.id, id)).for('update');
  if (!row) throw notFound(`Problem ${id}`);
  return row;
}

export async function updateProblem(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof problems.$inferInsert>,
  now: Date,
): Promise<ProblemRow> {
  const [row] = await tx
    .update(problems)
    .set({ ...patch, updatedAt: now })
    .where(eq(problems.id, id))
    .returning();
  if (!row) throw notFound(`Problem ${id}`);
  return row;
}

export async function listProblems(tx: DbOrTx, status?: ProblemStatus | 'open') {
  const where =
    status === 'open'
      ? ne(problems.status, 'verified')
      : status
        ? eq(problems.status, status)
        : undefined;
  return tx.select().from(problems).where(where).orderBy(desc(problems.createdAt)).limit(500);
}

export async function insertProblemEvent(
  tx: DbOrTx,
  event: typeof problemEvents.$inferInsert,
): Promise<void> {
  await tx.insert(problemEvents).values(event);
}

export async function listProblemEvents(tx: DbOrTx, problemId: string) {
  return tx
    .select()
    .from(problemEvents)
    .where(eq(problemEvents.problemId, problemId))
    .orderBy(asc(problemEvents.id));
}

export async function insertAction(
  tx: DbOrTx,
  row: typeof correctiveActions.$inferInsert,
): Promise<ActionRow> {
  const [created] = await tx.insert(correctiveActions).values(row).returning();
  if (!created) throw new Error('insert into corrective_actions returned no row');
  return created;
}

export async function lockAction(tx: DbOrTx, id: string): Promise<ActionRow> {
  const [row] = await tx
    .select()
    .from(correctiveActions)
    .where(eq(correctiveActions.id, id))
    .for('update');
  if (!row) throw notFound(`Corrective action ${id}`);
  return row;
}

export async function updateAction(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof correctiveActions.$inferInsert>,
): Promise<ActionRow> {
  const [row] = await tx
    .update(correctiveActions)
    .set(patch)
    .where(eq(correctiveActions.id, id))
    .returning();
  if (!row) throw notFound(`Corrective action ${id}`);
  return row;
}

export async function listActions(tx: DbOrTx, problemIds: string[]): Promise<ActionRow[]> {
  if (problemIds.length === 0) return [];
  return tx
    .select()
    .from(correctiveActions)
    .where(inArray(correctiveActions.problemId, problemIds))
    .orderBy(asc(correctiveActions.createdAt));
}

/** The latest ship date among the problem's shipped actions: the fix is complete then. */
export async function lastShippedAt(tx: DbOrTx, problemId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: sql<Date | null>`max(${correctiveActions.shippedAt})`.mapWith(toDate) })
    .from(correctiveActions)
    .where(
      and(eq(correctiveActions.problemId, problemId), eq(correctiveActions.status, 'shipped')),
    );
  return row?.at ?? null;
}

function toDate(v: unknown): Date | null {
  return v === null || v === undefined ? null : new Date(String(v));
}
