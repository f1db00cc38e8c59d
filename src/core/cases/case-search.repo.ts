// Filtered, ordered case listing. Every value reaches SQL as a bound parameter.
import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListCasesQuery } from '../../contracts/cases.ts';
import type { DbOrTx } from '../../db/client.ts';
import { cases, customers, promises, restitutions } from '../../db/schema.ts';
import { outcomeSql } from '../metrics/outcomes.ts';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

// The next deadline in SQL, mirroring deadline.rules.ts, so the queue can filter on it.
function nextDueSql(): SQL {
  return sql`LEAST(
    CASE WHEN ${cases.status} <> 'awaiting_customer' AND ${cases.firstResponseAt} IS NULL THEN ${cases.firstResponseDueAt} END,
    CASE WHEN ${cases.status} NOT IN ('awaiting_customer', 'resolved') THEN ${cases.resolutionDueAt} END,
    (SELECT min(${promises.dueAt}) FROM ${promises} WHERE ${promises.caseId} = ${cases.id} AND ${promises.status} = 'open'))`;
}

export type CaseFilterQuery = Omit<z.infer<typeof ListCasesQuery>, 'limit' | 'offset'>;

/** The queue's filters as SQL conditions over cases joined with customers (also used to attach
 * the cases an incident touched, by the same filters). */
export function caseFilterWhere(
  q: CaseFilterQuery,
  clock: { now: Date; dueSoonMs: number; endOfToday: Date },
): SQL[] {
  const where: SQL[] = [];
  if (q.status === 'open') where.push(ne(cases.status, 'closed'));
  else if (q.status) where.push(eq(cases.status, q.status));
  if (q.ownerId) where.push(eq(cases.ownerId, q.ownerId));
  if (q.channel) where.push(eq(cases.channel, q.channel));
  if (q.customerId) where.push(eq(cases.customerId, q.customerId));
  if (q.category) where.push(eq(cases.category, q.category));
  if (q.complainerType) where.push(eq(cases.complainerType, q.complainerType));
  if (q.deadline) {
    const soon = new Date(clock.now.getTime() + clock.dueSoonMs);
    where.push(ne(cases.status, 'closed'));
    where.push(
      q.deadline === 'breached'
        ? sql`${nextDueSql()} < ${clock.now}`
        : q.deadline === 'today'
          ? sql`${nextDueSql()} < ${clock.endOfToday}`
          : sql`${nextDueSql()} BETWEEN ${clock.now} AND ${soon}`,
    );
  }
  if (q.feeling) {
    // Confirmed feelings win; until the agent confirms, intake's suggestions stand in.
    where.push(sql`(CASE WHEN ${cases.confirmedFeelings} IS NULL
      THEN ${cases.suggestedFeelings} @> ${JSON.stringify([{ feeling: q.feeling }])}::jsonb
      ELSE ${q.feeling} = ANY(${cases.confirmedFeelings}) END)`);
  }
  if (q.approval === 'pending') {
    where.push(
      sql`EXISTS (SELECT 1 FROM ${restitutions} WHERE ${restitutions.caseId} = ${cases.id} AND ${restitutions.status} = 'pending_approval')`,
    );
  }
  if (q.receivedFrom) where.push(sql`${cases.receivedAt} >= ${new Date(q.receivedFrom)}`);
  if (q.receivedTo) where.push(sql`${cases.receivedAt} < ${new Date(q.receivedTo)}`);
  if (q.outcome) where.push(outcomeSql(q.outcome, clock.now, sql`${cases.id}`));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    const match = or(
      ilike(cases.account, like),
      ilike(cases.subject, like),
      ilike(cases.reference, like),
      ilike(customers.firstName, like),
      ilike(customers.lastName, like),
    );
    if (match) where.push(match);
  }
  return where;
}

export async function searchCases(
  db: DbOrTx,
  q: z.infer<typeof ListCasesQuery>,
  clock: { now: Date; dueSoonMs: number; endOfToday: Date },
) {
  const where = caseFilterWhere(q, clock);
  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      channel: cases.channel,
      severity: cases.severity,
      subject: cases.subject,
      receivedAt: cases.receivedAt,
      ownerId: cases.ownerId,
      customerId: cases.customerId,
      customerFirstName: customers.firstName,
      customerLastName: customers.lastName,
      firstResponseDueAt: cases.firstResponseDueAt,
      firstResponseAt: cases.firstResponseAt,
      resolutionDueAt: cases.resolutionDueAt,
      category: cases.category,
      complainerType: cases.complainerType,
      nextPromiseDueAt:
        sql<Date | null>`(SELECT min(${promises.dueAt}) FROM ${promises} WHERE ${promises.caseId} = ${cases.id} AND ${promises.status} = 'open')`.mapWith(
          (v: string | Date | null) => (v === null ? null : new Date(v)),
        ),
    })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(
      asc(sql`CASE WHEN ${cases.status} = 'closed' THEN 1 ELSE 0 END`),
      asc(nextDueSql()),
      desc(cases.receivedAt),
    )
    .limit(q.limit)
    .offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(where.length > 0 ? and(...where) : undefined);
  return { items: rows, total: count?.n ?? 0, limit: q.limit, offset: q.offset };
}
