// Customer activity rows (retention after recovery reads them).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { customerActivity, customers } from '../../db/schema.ts';

export async function existingCustomerIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(inArray(customers.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function insertActivity(
  db: DbOrTx,
  rows: Array<typeof customerActivity.$inferInsert>,
) {
  await db.insert(customerActivity).values(rows);
}
