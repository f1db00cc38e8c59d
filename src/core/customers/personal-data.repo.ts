// Queries for a customer's personal data: everything stored about them (for an export) and the
// redaction that erases it. The export finds every table that refers to a case by its case_id
// column, so a table added later is exported without a change here.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

type Row = Record<string, unknown>;
const rowsOf = (res: { rows: unknown[] }) => res.rows as Row[];

export async function caseTables(tx: DbOrTx): Promise<string[]> {
  const res = await tx.execute(sql`
    SELECT table_name AS t FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'case_id'
       AND table_name NOT IN ('idempotency_keys') ORDER BY 1`);
  return rowsOf(res).map((r) => String(r.t));
}

export async function lockCustomer(tx: DbOrTx, customerId: string): Promise<Row | null> {
  const res = await tx.execute(sql`SELECT * FROM customers WHERE id = ${customerId} FOR UPDATE`);
  return rowsOf(res)[0] ?? null;
}

export async function customerRow(tx: DbOrTx, customerId: string): Promise<Row | null> {
  const res = await tx.execute(sql`SELECT * FROM customers WHERE id = ${customerId}`);
  return rowsOf(res)[0] ?? null;
}

export async function contactRows(tx: DbOrTx, customerId: string): Promise<Row[]> {
  return rowsOf(
    await tx.execute(
      sql`SELECT kind, value FROM customer_contacts WHERE customer_id = ${customerId}`,
    ),
  );
}

export async function caseRows(tx: DbOrTx, customerId: string): Promise<Row[]> {
  return rowsOf(
    await tx.execute(
      sql`SELECT * FROM cases WHERE customer_id = ${customerId} ORDER BY received_at`,
    ),
  );
}

/** Rows of `table` that belong to the given cases (table names come from caseTables). */
export async function rowsForCases(tx: DbOrTx, table: string, caseIds: string[]): Promise<Row[]> {
  if (caseIds.length === 0) return [];
  const ids = sql.join(
    caseIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rowsOf(
    await tx.execute(
      sql`SELECT * FROM ${sql.identifier(table)} WHERE case_id IN (${ids}) ORDER BY 1`,
    ),
  );
}

export const ERASED = '[erased]';

/** Overwrites the free text of a customer's cases and everything hanging off them. */
export async function redactCases(tx: DbOrTx, caseIds: string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const ids = sql.join(
    caseIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const e = ERASED;
  await tx.execute(sql`
    UPDATE cases SET
      subject = CASE WHEN subject IS NULL THEN NULL ELSE ${e} END,
      account = ${e},
      restatement = CASE WHEN restatement IS NULL THEN NULL ELSE ${e} END,
      customer_idea = CASE WHEN customer_idea IS NULL THEN NULL ELSE ${e} END,
      refusal_reason = CASE WHEN refusal_reason IS NULL THEN NULL ELSE ${e} END,
      analysis = NULL,
      suggested_feelings = coalesce((SELECT jsonb_agg(f - 'evidence')
                                       FROM jsonb_array_elements(suggested_feelings) f), '[]'::jsonb)
    WHERE id IN (${ids})`);
  await tx.execute(sql`UPDATE messages SET body = ${e} WHERE case_id IN (${ids})`);
  await tx.execute(sql`UPDATE case_steps SET notes = NULL WHERE case_id IN (${ids})`);
  await tx.execute(sql`UPDATE resolution_options SET description = ${e} WHERE case_id IN (${ids})`);
  await tx.execute(sql`
    UPDATE restitutions SET note = CASE WHEN note IS NULL THEN NULL ELSE ${e} END
    WHERE case_id IN (${ids})`);
  await tx.execute(sql`UPDATE promises SET what = ${e}, to_whom = ${e} WHERE case_id IN (${ids})`);
  await tx.execute(sql`UPDATE notifications SET message = ${e} WHERE case_id IN (${ids})`);
  await tx.execute(sql`
    UPDATE surveys SET comment = CASE WHEN comment IS NULL THEN NULL ELSE ${e} END
    WHERE case_id IN (${ids})`);
  // Kept files (letters, photos, emails' attachments) are the person's own words and images:
  // their bytes and names go; the count and sizes stay for the figures.
  await tx.execute(sql`
    UPDATE attachments SET content = ''::bytea, filename = ${e}, sha256 = ''
    WHERE case_id IN (${ids})`);
  // Debrief answers describe the failure and may quote or name the customer.
  await tx.execute(sql`
    UPDATE debriefs SET
      how_it_happened = CASE WHEN how_it_happened IS NULL THEN NULL ELSE ${e} END,
      how_to_prevent = CASE WHEN how_to_prevent IS NULL THEN NULL ELSE ${e} END
    WHERE case_id IN (${ids})`);
}

export async function eventRows(
  tx: DbOrTx,
  caseIds: string[],
): Promise<Array<{ id: number; data: Record<string, unknown> }>> {
  if (caseIds.length === 0) return [];
  const ids = sql.join(
    caseIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const res = await tx.execute(sql`SELECT id, data FROM case_events WHERE case_id IN (${ids})`);
  return rowsOf(res).map((r) => ({ id: Number(r.id), data: r.data as Record<string, unknown> }));
}

/** The one sanctioned edit of the timeline: an erasure's redaction of an event's text. */
export async function rewriteEventData(tx: DbOrTx, id: number, data: object): Promise<void> {
  await tx.execute(
    sql`UPDATE case_events SET data = ${JSON.stringify(data)}::jsonb WHERE id = ${id}`,
  );
}

export async function eraseIdentity(tx: DbOrTx, customerId: string): Promise<number> {
  const removed = await tx.execute(
    sql`DELETE FROM customer_contacts WHERE customer_id = ${customerId}`,
  );
  await tx.execute(
    sql`UPDATE customers SET first_name = NULL, last_name = NULL WHERE id = ${customerId}`,
  );
  // Where incident messages went: the address, and any error naming it.
  await tx.execute(sql`
    UPDATE incident_deliveries SET address = NULL, last_error = NULL
    WHERE customer_id = ${customerId}`);
  return removed.rowCount ?? 0;
}
