// Filtered, ordered case listing. Every value reaches SQL as a bound parameter.
import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListCasesQuery } from '../../contracts/cases.ts';
import type { DbOrTx } from '../../db/client.ts';
import { cases, customers } from '../../db/schema.ts';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

export async function searchCases(db: DbOrTx, q: z.infer<typeof ListCasesQuery>) {
  const where: SQL[] = [];
  if (q.status === 'open') where.push(ne(cases.status, 'closed'));
  else if (q.status) where.push(eq(cases.status, q.status));
  if (q.ownerId) where.push(eq(cases.ownerId, q.ownerId));
  if (q.channel) where.push(eq(cases.channel, q.channel));
  if (q.customerId) where.push(eq(cases.customerId, q.customerId));
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
    })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(
      asc(sql`CASE WHEN ${cases.status} = 'closed' THEN 1 ELSE 0 END`),
      asc(
        sql`CASE WHEN ${cases.firstResponseAt} IS NULL THEN ${cases.firstResponseDueAt} ELSE ${cases.resolutionDueAt} END`,
      ),
      desc(cases.receivedAt),
    )
    .limit(q.limit)
    .offset(q.offset);
  return { items: rows, limit: q.limit, offset: q.offset };
}
