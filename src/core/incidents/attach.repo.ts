// Which cases and customers an incident touched, attached in bulk.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import {
  caseEvents,
  cases,
  customerContacts,
  customers,
  incidentCases,
  incidentCustomers,
} from '../../db/schema.ts';
import type { Contact } from '../customers/customer.repo.ts';

const CHUNK = 2000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CaseRef {
  id: string;
  customerId: string;
}

export async function casesMatching(tx: DbOrTx, where: SQL[], max: number): Promise<CaseRef[]> {
  return tx
    .select({ id: cases.id, customerId: cases.customerId })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(...where))
    .limit(max + 1);
}

export async function casesByReferences(tx: DbOrTx, references: string[]) {
  const found: Array<CaseRef & { reference: string }> = [];
  for (const part of chunks(references.map((r) => r.toUpperCase()))) {
    found.push(
      ...(await tx
        .select({ id: cases.id, customerId: cases.customerId, reference: cases.reference })
        .from(cases)
        .where(inArray(cases.reference, part))),
    );
  }
  return found;
}

/** Links the cases not yet linked; returns those newly linked. */
export async function linkCases(
  tx: DbOrTx,
  incidentId: string,
  rows: CaseRef[],
  by: string | null,
  at: Date,
): Promise<CaseRef[]> {
  const added = new Set<string>();
  for (const part of chunks(rows)) {
    const res = await tx
      .insert(incidentCases)
      .values(part.map((r) => ({ incidentId, caseId: r.id, addedBy: by, addedAt: at })))
      .onConflictDoNothing()
      .returning({ caseId: incidentCases.caseId });
    for (const r of res) added.add(r.caseId);
  }
  return rows.filter((r) => added.has(r.id));
}

/** Links the customers not yet linked; returns the ids newly linked. */
export async function linkCustomers(
  tx: DbOrTx,
  incidentId: string,
  customerIds: string[],
  source: 'case' | 'import',
  by: string | null,
  at: Date,
): Promise<string[]> {
  const added: string[] = [];
  for (const part of chunks([...new Set(customerIds)])) {
    const res = await tx
      .insert(incidentCustomers)
      .values(
        part.map((customerId) => ({ incidentId, customerId, source, addedBy: by, addedAt: at })),
      )
      .onConflictDoNothing()
      .returning({ customerId: incidentCustomers.customerId });
    added.push(...res.map((r) => r.customerId));
  }
  return added;
}

/** The same timeline event on many cases at once (append-only, like every case event). */
export async function recordOnCases(
  tx: DbOrTx,
  caseIds: string[],
  event: { at: Date; actorId: string | null; actorLabel: string; type: string; data: object },
): Promise<void> {
  for (const part of chunks(caseIds)) {
    await tx.insert(caseEvents).values(part.map((caseId) => ({ caseId, ...event })));
  }
}

/** Customer ids by canonical contact ("kind:value"), looked up through the unique index. */
export async function customersByContacts(
  tx: DbOrTx,
  contacts: Contact[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const kind of ['email', 'phone', 'social'] as const) {
    const values = [...new Set(contacts.filter((c) => c.kind === kind).map((c) => c.value))];
    for (const part of chunks(values, 1000)) {
      const rows = await tx
        .select({ customerId: customerContacts.customerId, value: customerContacts.value })
        .from(customerContacts)
        .where(and(eq(customerContacts.kind, kind), inArray(customerContacts.value, part)));
      for (const r of rows) out.set(`${kind}:${r.value}`, r.customerId);
    }
  }
  return out;
}

export interface NewCustomer {
  firstName: string | null;
  lastName: string | null;
  contacts: Contact[];
}

/** Creates customers with their contacts in bulk; returns their new ids in order. */
export async function insertCustomersBulk(tx: DbOrTx, rows: NewCustomer[]): Promise<string[]> {
  const withIds = rows.map((r) => ({ ...r, id: randomUUID() }));
  for (const part of chunks(withIds)) {
    await tx
      .insert(customers)
      .values(part.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName })));
    const contacts = part.flatMap((r) => r.contacts.map((c) => ({ customerId: r.id, ...c })));
    if (contacts.length > 0) await tx.insert(customerContacts).values(contacts);
  }
  return withIds.map((r) => r.id);
}
