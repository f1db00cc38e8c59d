// Storage of the staff involved in a case and of their debriefs.
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cases, caseStaffInvolved, debriefs, users } from '../../db/schema.ts';

export type DebriefRow = typeof debriefs.$inferSelect;

export async function involvedStaff(tx: DbOrTx, caseId: string) {
  return tx
    .select({
      userId: caseStaffInvolved.userId,
      name: users.name,
      role: caseStaffInvolved.role,
      addedAt: caseStaffInvolved.addedAt,
    })
    .from(caseStaffInvolved)
    .innerJoin(users, eq(users.id, caseStaffInvolved.userId))
    .where(eq(caseStaffInvolved.caseId, caseId))
    .orderBy(asc(caseStaffInvolved.addedAt), asc(users.name));
}

/** False when the person is already recorded on the case. */
export async function addInvolved(
  tx: DbOrTx,
  row: typeof caseStaffInvolved.$inferInsert,
): Promise<boolean> {
  const res = await tx
    .insert(caseStaffInvolved)
    .values(row)
    .onConflictDoNothing()
    .returning({ userId: caseStaffInvolved.userId });
  return res.length > 0;
}

export async function removeInvolved(tx: DbOrTx, caseId: string, userId: string) {
  const res = await tx
    .delete(caseStaffInvolved)
    .where(and(eq(caseStaffInvolved.caseId, caseId), eq(caseStaffInvolved.userId, userId)))
    .returning({ userId: caseStaffInvolved.userId });
  return res.length > 0;
}

/** One debrief per involved person; people who already have one for this case are skipped. */
export async function insertDebriefs(tx: DbOrTx, caseId: string, at: Date) {
  const people = await tx
    .select({ userId: caseStaffInvolved.userId })
    .from(caseStaffInvolved)
    .where(eq(caseStaffInvolved.caseId, caseId));
  if (people.length === 0) return [];
  return tx
    .insert(debriefs)
    .values(people.map((p) => ({ caseId, userId: p.userId, assignedAt: at })))
    .onConflictDoNothing({ target: [debriefs.caseId, debriefs.userId] })
    .returning();
}

export async function lockDebrief(tx: DbOrTx, id: string): Promise<DebriefRow | null> {
  const [row] = await tx.select().from(debriefs).where(eq(debriefs.id, id)).for('update');
  return row ?? null;
}

export async function completeDebriefRow(
  tx: DbOrTx,
  id: string,
  set: {
    howItHappened: string;
    howToPrevent: string;
    completedAt: Date;
    completedById: string | null;
  },
): Promise<DebriefRow> {
  const [row] = await tx.update(debriefs).set(set).where(eq(debriefs.id, id)).returning();
  if (!row) throw new Error(`debrief ${id} vanished`);
  return row;
}

/** Debriefs with their case's reference and the customer's outcome facts. */
export async function selectDebriefs(
  tx: DbOrTx,
  where: { id?: string; userId?: string; caseId?: string; status?: 'open' | 'completed' },
) {
  const conds: SQL[] = [];
  if (where.id) conds.push(eq(debriefs.id, where.id));
  if (where.userId) conds.push(eq(debriefs.userId, where.userId));
  if (where.caseId) conds.push(eq(debriefs.caseId, where.caseId));
  if (where.status === 'open') conds.push(isNull(debriefs.completedAt));
  if (where.status === 'completed') conds.push(isNotNull(debriefs.completedAt));
  return tx
    .select({
      debrief: debriefs,
      userName: users.name,
      reference: cases.reference,
      subject: cases.subject,
      verdict: cases.verdict,
      refusalReason: cases.refusalReason,
      closedAt: cases.closedAt,
      willStay: sql<string | null>`(SELECT will_stay FROM surveys s WHERE s.case_id = ${cases.id})`,
    })
    .from(debriefs)
    .innerJoin(cases, eq(cases.id, debriefs.caseId))
    .innerJoin(users, eq(users.id, debriefs.userId))
    .where(and(...conds))
    .orderBy(desc(debriefs.assignedAt), asc(debriefs.id))
    .limit(500);
}

/**
 * Debrief completion for a period, for the metrics: debriefs assigned in [from, to), and how
 * many of those are completed (whenever that happened, up to `asOf`). Totals only — never per person.
 */
export async function debriefCompletion(
  tx: DbOrTx,
  period: { from: Date; to: Date; asOf?: Date },
): Promise<{ assigned: number; completed: number; rate: number | null }> {
  const done = period.asOf
    ? sql`${debriefs.completedAt} <= ${period.asOf}`
    : sql`${debriefs.completedAt} IS NOT NULL`;
  const [row] = await tx
    .select({
      assigned: sql<number>`count(*)::int`,
      completed: sql<number>`(count(*) FILTER (WHERE ${done}))::int`,
    })
    .from(debriefs)
    .where(and(gte(debriefs.assignedAt, period.from), lt(debriefs.assignedAt, period.to)));
  const assigned = row?.assigned ?? 0;
  const completed = row?.completed ?? 0;
  return {
    assigned,
    completed,
    rate: assigned === 0 ? null : Math.round((completed / assigned) * 1000) / 1000,
  };
}
