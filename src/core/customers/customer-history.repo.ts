import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cases, caseSteps, promises, restitutions, users } from '../../db/schema.ts';

export async function customerHistory(db: DbOrTx, customerId: string) {
  const caseRows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      channel: cases.channel,
      subject: cases.subject,
      receivedAt: cases.receivedAt,
      closedAt: cases.closedAt,
      verdict: cases.verdict,
    })
    .from(cases)
    .where(eq(cases.customerId, customerId))
    .orderBy(desc(cases.receivedAt));
  const ids = caseRows.map((c) => c.id);
  if (ids.length === 0)
    return { cases: caseRows, restitutions: [], openPromises: [], apologies: [] };
  const given = await db
    .select({ restitution: restitutions, reference: cases.reference })
    .from(restitutions)
    .innerJoin(cases, eq(cases.id, restitutions.caseId))
    .where(and(inArray(restitutions.caseId, ids), eq(restitutions.status, 'granted')))
    .orderBy(asc(restitutions.requestedAt));
  const open = await db
    .select({ promise: promises, reference: cases.reference })
    .from(promises)
    .innerJoin(cases, eq(cases.id, promises.caseId))
    .where(and(inArray(promises.caseId, ids), eq(promises.status, 'open')))
    .orderBy(asc(promises.dueAt));
  // An apology is the playbook's "apologise" step ticked on a case: when, and by whom.
  const apologies = await db
    .select({
      caseId: caseSteps.caseId,
      reference: cases.reference,
      at: caseSteps.doneAt,
      byName: users.name,
      notes: caseSteps.notes,
    })
    .from(caseSteps)
    .innerJoin(cases, eq(cases.id, caseSteps.caseId))
    .leftJoin(users, eq(users.id, caseSteps.doneBy))
    .where(and(inArray(caseSteps.caseId, ids), eq(caseSteps.stepKey, 'apologize')))
    .orderBy(asc(caseSteps.doneAt));
  return {
    cases: caseRows,
    restitutions: given.map((r) => ({ ...r.restitution, reference: r.reference })),
    openPromises: open.map((p) => ({ ...p.promise, reference: p.reference })),
    apologies,
  };
}
