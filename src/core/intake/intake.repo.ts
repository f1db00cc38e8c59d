import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cases, customerContacts } from '../../db/schema.ts';

/** Cases opened from one email address since a moment (for the per-sender rate limit). */
export async function casesFromEmailSince(
  db: DbOrTx,
  address: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(customerContacts, eq(customerContacts.customerId, cases.customerId))
    .where(
      and(
        eq(customerContacts.kind, 'email'),
        eq(customerContacts.value, address.toLowerCase()),
        gt(cases.receivedAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** The customer's most recent open case on a channel, if any. */
export async function openCaseOf(
  db: DbOrTx,
  customerId: string,
  channel: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(eq(cases.customerId, customerId), eq(cases.channel, channel), ne(cases.status, 'closed')),
    )
    .orderBy(desc(cases.receivedAt))
    .limit(1);
  return row?.id ?? null;
}
