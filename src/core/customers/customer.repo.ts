// Customers and their contacts. Contacts are unique, so intake finds the existing customer.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { customerContacts, customers } from '../../db/schema.ts';
import type { ContactKind } from '../../contracts/enums.ts';

export type CustomerRow = typeof customers.$inferSelect;
export interface Contact {
  kind: ContactKind;
  value: string;
}

/** Contacts are compared in one canonical form: lower-case emails/handles, digits-only phones. */
export function normaliseContact(c: Contact): Contact {
  const v = c.value.trim();
  switch (c.kind) {
    case 'email':
      return { kind: 'email', value: v.toLowerCase() };
    case 'phone':
      return { kind: 'phone', value: (v.startsWith('+') ? '+' : '') + v.replace(/\D/g, '') };
    case 'social':
      return { kind: 'social', value: v.toLowerCase().replace(/^@/, '') };
  }
}

export async function findByContacts(tx: DbOrTx, contacts: Contact[]): Promise<string | null> {
  if (contacts.length === 0) return null;
  const [hit] = await tx
    .select({ customerId: customerContacts.customerId })
    .from(customerContacts)
    .where(
      or(
        ...contacts.map((c) =>
          and(eq(customerContacts.kind, c.kind), eq(customerContacts.value, c.value)),
        ),
      ),
    )
    .limit(1);
  return hit?.customerId ?? null;
}

export async function findCustomer(tx: DbOrTx, id: string): Promise<CustomerRow | null> {
  const [row] = await tx.select().from(customers).where(eq(customers.id, id));
  return row ?? null;
}

export async function insertCustomer(
  tx: DbOrTx,
  row: typeof customers.$inferInsert,
): Promise<CustomerRow> {
  const [created] = await tx.insert(customers).values(row).returning();
  if (!created) throw new Error('insert into customers returned no row');
  return created;
}

/** Adds contacts the customer does not have yet; a contact owned by someone else is skipped. */
export async function addContacts(
  tx: DbOrTx,
  customerId: string,
  contacts: Contact[],
): Promise<void> {
  if (contacts.length === 0) return;
  await tx
    .insert(customerContacts)
    .values(contacts.map((c) => ({ customerId, ...c })))
    .onConflictDoNothing();
}

export async function contactsOf(tx: DbOrTx, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return tx
    .select()
    .from(customerContacts)
    .where(inArray(customerContacts.customerId, customerIds));
}

export async function updateCustomer(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof customers.$inferInsert>,
) {
  if (Object.keys(patch).length === 0) return;
  await tx.update(customers).set(patch).where(eq(customers.id, id));
}
