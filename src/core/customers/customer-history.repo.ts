import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cases, promises, restitutions } from '../../db/schema.ts';

export async function customerHistory(db: DbOrTx, customerId: string) {
  const caseRows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      channel: cases.channel,
      subject: cases.subject,
      receivedAt: cases.receivedAt,
      verdict: cases.verdict,
    })
    .from(cases)
    .where(eq(cases.customerId, customerId))
    .orderBy(desc(cases.receivedAt));
  const ids = caseRows.map((c) => c.id);
  if (ids.length === 0) return { cases: caseRows, restitutions: [], openPromises: [] };
  const given = await db
    .select()
    .from(restitutions)
    .where(and(inArray(restitutions.caseId, ids), eq(restitutions.status, 'granted')))
    .orderBy(asc(restitutions.requestedAt));
  const open = await db
    .select()
    .from(promises)
    .where(and(inArray(promises.caseId, ids), eq(promises.status, 'open')))
    .orderBy(asc(promises.dueAt));
  return { cases: caseRows, restitutions: given, openPromises: open };
}
