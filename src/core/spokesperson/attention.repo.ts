// Cases routed for attention (R14) and the spokespeople they go to.
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseAttention, cases, users } from '../../db/schema.ts';

export type AttentionRow = typeof caseAttention.$inferSelect;

export async function findAttention(tx: DbOrTx, caseId: string): Promise<AttentionRow | null> {
  const [row] = await tx.select().from(caseAttention).where(eq(caseAttention.caseId, caseId));
  return row ?? null;
}

export async function saveAttention(tx: DbOrTx, row: typeof caseAttention.$inferInsert) {
  await tx
    .insert(caseAttention)
    .values(row)
    .onConflictDoUpdate({
      target: caseAttention.caseId,
      set: {
        isPublicFacing: row.isPublicFacing,
        spokespersonId: row.spokespersonId ?? null,
        reasons: row.reasons,
        routedAt: row.routedAt,
      },
    });
}

/** The active spokesperson with the fewest open routed cases. */
export async function leastLoadedSpokesperson(tx: DbOrTx) {
  const res = await tx.execute<{ id: string; name: string }>(sql`
    SELECT u.id, u.name FROM ${users} u
    LEFT JOIN ${caseAttention} a ON a.spokesperson_id = u.id
    LEFT JOIN ${cases} c ON c.id = a.case_id AND c.status <> 'closed'
    WHERE u.is_active AND u.role = 'spokesperson'
    GROUP BY u.id ORDER BY count(c.id), u.created_at LIMIT 1`);
  return res.rows[0] ?? null;
}

/** Open cases routed to a spokesperson (one, or all), newest first. */
export async function routedCases(tx: DbOrTx, spokespersonId?: string) {
  return tx
    .select({
      caseId: cases.id,
      reference: cases.reference,
      status: cases.status,
      channel: cases.channel,
      subject: cases.subject,
      ownerId: cases.ownerId,
      spokespersonId: caseAttention.spokespersonId,
      reasons: caseAttention.reasons,
      routedAt: caseAttention.routedAt,
    })
    .from(caseAttention)
    .innerJoin(cases, eq(cases.id, caseAttention.caseId))
    .where(
      and(
        eq(caseAttention.isPublicFacing, true),
        ne(cases.status, 'closed'),
        spokespersonId ? eq(caseAttention.spokespersonId, spokespersonId) : undefined,
      ),
    )
    .orderBy(desc(caseAttention.routedAt))
    .limit(500);
}
