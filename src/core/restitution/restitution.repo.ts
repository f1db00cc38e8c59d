import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cases, restitutions, users } from '../../db/schema.ts';

export type RestitutionRow = typeof restitutions.$inferSelect;

export async function insertRestitution(
  tx: DbOrTx,
  row: typeof restitutions.$inferInsert,
): Promise<RestitutionRow> {
  const [created] = await tx.insert(restitutions).values(row).returning();
  if (!created) throw new Error('insert into restitutions returned no row');
  return created;
}

export async function listRestitutions(tx: DbOrTx, caseId: string): Promise<RestitutionRow[]> {
  return tx
    .select()
    .from(restitutions)
    .where(eq(restitutions.caseId, caseId))
    .orderBy(asc(restitutions.requestedAt));
}

export async function lockRestitution(tx: DbOrTx, id: string): Promise<RestitutionRow | null> {
  const [row] = await tx.select().from(restitutions).where(eq(restitutions.id, id)).for('update');
  return row ?? null;
}

export async function decide(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof restitutions.$inferInsert>,
) {
  const [row] = await tx.update(restitutions).set(patch).where(eq(restitutions.id, id)).returning();
  if (!row) throw new Error('restitution vanished');
  return row;
}

export async function pendingApprovals(tx: DbOrTx) {
  return tx
    .select({ restitution: restitutions, reference: cases.reference, requesterName: users.name })
    .from(restitutions)
    .innerJoin(cases, eq(cases.id, restitutions.caseId))
    .leftJoin(users, eq(users.id, restitutions.requestedBy))
    .where(eq(restitutions.status, 'pending_approval'))
    .orderBy(asc(restitutions.requestedAt));
}

/** The ledger of everything given, newest first. */
export async function ledger(tx: DbOrTx, limit: number) {
  return tx
    .select({ restitution: restitutions, reference: cases.reference, customerId: cases.customerId })
    .from(restitutions)
    .innerJoin(cases, eq(cases.id, restitutions.caseId))
    .where(and(eq(restitutions.status, 'granted')))
    .orderBy(sql`${restitutions.decidedAt} DESC NULLS LAST`)
    .limit(limit);
}

export async function caseOfRestitution(tx: DbOrTx, id: string): Promise<string | null> {
  const [row] = await tx
    .select({ caseId: restitutions.caseId })
    .from(restitutions)
    .where(eq(restitutions.id, id));
  return row?.caseId ?? null;
}
