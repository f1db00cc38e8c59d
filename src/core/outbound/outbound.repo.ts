import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseEvents, effects, idempotencyKeys, messages } from '../../db/schema.ts';

export async function findMessage(db: DbOrTx, id: string) {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row ?? null;
}

export async function effectExists(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await db.select({ key: effects.key }).from(effects).where(eq(effects.key, key));
  return Boolean(row);
}

/** The Message-ID of the customer's latest email on the case (intake files each one under an
 * `email:<Message-ID>` key), to thread our answer under it. */
export async function lastInboundEmailId(db: DbOrTx, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: sql<string>`substring(${idempotencyKeys.key} from 7)` })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.caseId, caseId), like(idempotencyKeys.key, 'email:%')))
    .orderBy(desc(idempotencyKeys.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** How the customer asked to be answered when the case was opened (the web form asks). */
export async function preferredContactOf(db: DbOrTx, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ preferred: sql<string | null>`${caseEvents.data} ->> 'preferredContact'` })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'case_opened')))
    .limit(1);
  return row?.preferred ?? null;
}

/** Serialises sends of one message across workers and instances, until the transaction ends. */
export async function lockDelivery(tx: DbOrTx, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
