// Broadcast storage: the frozen messages, one delivery row per message × customer (a unique
// index), claimed one at a time with FOR UPDATE SKIP LOCKED so several workers never hold the
// same delivery, and progress counted per status.
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { customers, incidentDeliveries, incidentMessages } from '../../db/schema.ts';
import type { Channel } from '../../contracts/enums.ts';
import type { Route } from './incident.rules.ts';

export type MessageRow = typeof incidentMessages.$inferSelect;
export type DeliveryRow = typeof incidentDeliveries.$inferSelect;

export async function insertIncidentMessage(tx: DbOrTx, row: typeof incidentMessages.$inferInsert) {
  const [created] = await tx.insert(incidentMessages).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function findIncidentMessage(tx: DbOrTx, id: string): Promise<MessageRow | null> {
  const [row] = await tx.select().from(incidentMessages).where(eq(incidentMessages.id, id));
  return row ?? null;
}

export async function findApology(tx: DbOrTx, incidentId: string): Promise<MessageRow | null> {
  const [row] = await tx
    .select()
    .from(incidentMessages)
    .where(and(eq(incidentMessages.incidentId, incidentId), eq(incidentMessages.kind, 'apology')));
  return row ?? null;
}

export async function listIncidentMessages(tx: DbOrTx, incidentId: string) {
  return tx
    .select()
    .from(incidentMessages)
    .where(eq(incidentMessages.incidentId, incidentId))
    .orderBy(asc(incidentMessages.createdAt), asc(incidentMessages.id));
}

export interface Recipient {
  customerId: string;
  email: string | null;
  caseId: string | null;
  caseChannel: Channel | null;
}

/** Each affected customer with an email address and the case to reach them through: the newest
 * case linked to the incident, else their newest case. */
export async function recipientsOf(
  tx: DbOrTx,
  incidentId: string,
  onlyCustomers?: string[],
): Promise<Recipient[]> {
  if (onlyCustomers && onlyCustomers.length === 0) return [];
  const only = onlyCustomers
    ? sql`AND ic.customer_id IN (SELECT unnest(${`{${onlyCustomers.join(',')}}`}::uuid[]))`
    : sql``;
  const res = await tx.execute<{
    customer_id: string;
    email: string | null;
    case_id: string | null;
    case_channel: Channel | null;
  }>(sql`
    SELECT ic.customer_id,
      (SELECT cc.value FROM customer_contacts cc
        WHERE cc.customer_id = ic.customer_id AND cc.kind = 'email' ORDER BY cc.value LIMIT 1) AS email,
      pick.id AS case_id, pick.channel AS case_channel
    FROM incident_customers ic
    LEFT JOIN LATERAL (
      SELECT c.id, c.channel FROM cases c
      LEFT JOIN incident_cases x ON x.case_id = c.id AND x.incident_id = ic.incident_id
      WHERE c.customer_id = ic.customer_id
      ORDER BY (x.case_id IS NOT NULL) DESC, c.received_at DESC, c.id
      LIMIT 1) pick ON true
    WHERE ic.incident_id = ${incidentId} ${only}
    ORDER BY ic.added_at, ic.customer_id`);
  return res.rows.map((r) => ({
    customerId: r.customer_id,
    email: r.email,
    caseId: r.case_id,
    caseChannel: r.case_channel,
  }));
}

export interface NewDelivery {
  customerId: string;
  route: Route;
  channel: string;
  address: string | null;
  caseId: string | null;
}

/** Adds one pending delivery per customer; a customer who already has one is left alone. */
export async function insertDeliveries(
  tx: DbOrTx,
  messageId: string,
  rows: NewDelivery[],
  at: Date,
): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 2000) {
    const res = await tx
      .insert(incidentDeliveries)
      .values(
        rows.slice(i, i + 2000).map((r) => ({ ...r, messageId, status: 'pending', createdAt: at })),
      )
      .onConflictDoNothing()
      .returning({ id: incidentDeliveries.id });
    added += res.length;
  }
  return added;
}

/** The next pending delivery of the message this worker may take, locked until its
 * transaction ends; deliveries held by another worker are skipped, not waited for. */
export async function claimPending(
  tx: DbOrTx,
  messageId: string,
  routes: Route[],
  now: Date,
): Promise<DeliveryRow | null> {
  const [row] = await tx
    .select()
    .from(incidentDeliveries)
    .where(
      and(
        eq(incidentDeliveries.messageId, messageId),
        eq(incidentDeliveries.status, 'pending'),
        inArray(incidentDeliveries.route, routes),
        or(isNull(incidentDeliveries.retryAfter), lte(incidentDeliveries.retryAfter, now)),
      ),
    )
    .orderBy(asc(incidentDeliveries.createdAt), asc(incidentDeliveries.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

export async function updateDelivery(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof incidentDeliveries.$inferInsert>,
): Promise<void> {
  await tx.update(incidentDeliveries).set(patch).where(eq(incidentDeliveries.id, id));
}

/** Pending deliveries left: how many, and the earliest time one may be tried again. */
export async function pendingOf(tx: DbOrTx, messageId: string, routes: Route[]) {
  const [row] = await tx
    .select({
      n: sql<number>`count(*)::int`,
      next: sql<string | null>`min(${incidentDeliveries.retryAfter})`,
    })
    .from(incidentDeliveries)
    .where(
      and(
        eq(incidentDeliveries.messageId, messageId),
        eq(incidentDeliveries.status, 'pending'),
        inArray(incidentDeliveries.route, routes),
      ),
    );
  return { count: row?.n ?? 0, nextRetry: row?.next ? new Date(row.next) : null };
}

export async function messagesWithPending(tx: DbOrTx): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: incidentDeliveries.messageId })
    .from(incidentDeliveries)
    .where(eq(incidentDeliveries.status, 'pending'));
  return rows.map((r) => r.id);
}

export async function progressOf(tx: DbOrTx, messageIds: string[]) {
  const out = new Map<string, Record<string, number>>();
  if (messageIds.length === 0) return out;
  const rows = await tx
    .select({
      messageId: incidentDeliveries.messageId,
      status: incidentDeliveries.status,
      n: sql<number>`count(*)::int`,
    })
    .from(incidentDeliveries)
    .where(inArray(incidentDeliveries.messageId, messageIds))
    .groupBy(incidentDeliveries.messageId, incidentDeliveries.status);
  for (const r of rows) {
    const counts = out.get(r.messageId) ?? {};
    counts[r.status] = r.n;
    out.set(r.messageId, counts);
  }
  return out;
}

export async function listDeliveries(
  tx: DbOrTx,
  messageId: string,
  q: { status?: string; limit: number; offset: number },
) {
  const where = and(
    eq(incidentDeliveries.messageId, messageId),
    q.status ? eq(incidentDeliveries.status, q.status) : undefined,
  );
  const items = await tx
    .select({
      id: incidentDeliveries.id,
      customerId: incidentDeliveries.customerId,
      firstName: customers.firstName,
      lastName: customers.lastName,
      route: incidentDeliveries.route,
      channel: incidentDeliveries.channel,
      address: incidentDeliveries.address,
      caseId: incidentDeliveries.caseId,
      status: incidentDeliveries.status,
      attempts: incidentDeliveries.attempts,
      lastError: incidentDeliveries.lastError,
      doneAt: incidentDeliveries.doneAt,
    })
    .from(incidentDeliveries)
    .innerJoin(customers, eq(customers.id, incidentDeliveries.customerId))
    .where(where)
    .orderBy(asc(incidentDeliveries.createdAt), asc(incidentDeliveries.id))
    .limit(q.limit)
    .offset(q.offset);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(incidentDeliveries)
    .where(where);
  return { items, total: count?.n ?? 0, limit: q.limit, offset: q.offset };
}
