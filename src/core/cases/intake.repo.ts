// Intake in a single SQL statement. Every round trip to PostgreSQL costs system calls on both
// sides, and a new case needs about ten of them when written step by step (find the customer,
// create them, add contacts, insert the case, mark the first step, write the timeline, queue
// the jobs, begin and commit). Written as one statement of data-modifying CTEs it is one round
// trip, and atomic without an explicit transaction. `open-case.ts` falls back to the
// step-by-step transaction whenever this statement cannot decide alone (a race on a unique key).
import { createHash } from 'node:crypto';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import {
  caseEvents,
  cases,
  caseSteps,
  customerContacts,
  customers,
  idempotencyKeys,
} from '../../db/schema.ts';
import type { Contact } from '../customers/customer.repo.ts';
import type { CaseRow, NewCaseRow } from './case.repo.ts';
import { leastLoadedAgentSql } from '../users/user.repo.ts';

export interface IntakeStatement {
  contacts: Contact[];
  newCustomer: typeof customers.$inferInsert;
  /** The case row without its customer and owner, which the statement resolves itself. */
  caseRow: Omit<NewCaseRow, 'customerId' | 'ownerId'>;
  /** A known owner, or null to give the case to the least-loaded agent. */
  ownerId: string | null;
  idempotencyKey: string | null;
  event: Omit<typeof caseEvents.$inferInsert, 'caseId'>;
  /** The job queue's own insert for this case's jobs, or null when there are none. */
  jobs: SQL | null;
}

const caseColumns = Object.entries(getTableColumns(cases));
const dialect = new PgDialect();

/** Turns a raw `cases` row (column names, driver values) into the row Drizzle would return. */
function toCaseRow(raw: Record<string, unknown>): CaseRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of caseColumns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as CaseRow;
}

/** SQLSTATE 23505: a unique key was taken by a concurrent writer (contact or idempotency key). */
export function isUniqueViolation(err: unknown): boolean {
  const cause = (err as { cause?: unknown }).cause ?? err;
  return (cause as { code?: unknown }).code === '23505';
}

export async function insertCaseInOneStatement(
  database: Database,
  s: IntakeStatement,
): Promise<CaseRow> {
  const id = s.caseRow.id;
  if (!id) throw new Error('the intake statement needs the case id chosen in advance');
  const owner = s.ownerId === null ? sql`(${leastLoadedAgentSql()})` : sql`${s.ownerId}::uuid`;
  const insertCase = database.db
    .insert(cases)
    .values({ ...s.caseRow, customerId: sql`(SELECT id FROM customer)`, ownerId: owner })
    .returning()
    .getSQL();
  const statement = sql`
    WITH input_contacts AS (
      SELECT kind, value FROM json_to_recordset(${JSON.stringify(s.contacts)}::json)
        AS x(kind text, value text)
    ),
    existing AS (
      SELECT cc.customer_id AS id FROM ${customerContacts} cc
      JOIN input_contacts i ON cc.kind = i.kind AND cc.value = i.value
      LIMIT 1
    ),
    new_customer AS (
      INSERT INTO ${customers} (first_name, last_name, lifetime_value, currency)
      SELECT ${s.newCustomer.firstName ?? null}, ${s.newCustomer.lastName ?? null},
        ${s.newCustomer.lifetimeValue ?? '0'}::numeric, ${s.newCustomer.currency ?? 'GBP'}
      WHERE NOT EXISTS (SELECT 1 FROM existing)
      RETURNING id
    ),
    customer AS (SELECT id FROM existing UNION ALL SELECT id FROM new_customer),
    -- A known customer gains the contacts they did not have; one owned by someone else is
    -- skipped. A new customer's contacts are never skipped: when a concurrent intake took one
    -- first, the statement fails and the caller retries and finds that customer.
    known_contacts AS (
      INSERT INTO ${customerContacts} (customer_id, kind, value)
      SELECT existing.id, i.kind, i.value FROM existing, input_contacts i
      ON CONFLICT DO NOTHING
    ),
    new_contacts AS (
      INSERT INTO ${customerContacts} (customer_id, kind, value)
      SELECT new_customer.id, i.kind, i.value FROM new_customer, input_contacts i
    ),
    new_case AS (${insertCase}),
    ${
      s.idempotencyKey === null
        ? sql``
        : // No ON CONFLICT: a key already taken aborts the whole statement, and the caller
          // replays the first request's case instead.
          sql`claimed_key AS (
            INSERT INTO ${idempotencyKeys} (key, case_id) SELECT ${s.idempotencyKey}, id FROM new_case
          ),`
    }
    first_step AS (
      INSERT INTO ${caseSteps} (case_id, step_key, done_by, done_at)
      SELECT id, 'listen', NULL, ${s.event.at.toISOString()}::timestamptz FROM new_case
    ),
    opened AS (
      INSERT INTO ${caseEvents} (case_id, at, actor_id, actor_label, type, data)
      SELECT id, ${s.event.at.toISOString()}::timestamptz, ${s.event.actorId ?? null}::uuid,
        ${s.event.actorLabel}, ${s.event.type},
        ${JSON.stringify(s.event.data ?? {})}::jsonb
          || jsonb_build_object('reference', reference, 'ownerId', owner_id)
      FROM new_case
    )
    ${s.jobs === null ? sql`` : sql`, queued_jobs AS (${s.jobs})`}
    SELECT * FROM new_case`;
  // A named statement is parsed and planned once per connection: planning this many CTEs costs
  // more than running them. The name follows the text, which differs only by the optional parts.
  const query = dialect.sqlToQuery(statement);
  const name = `redress_intake_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`;
  const result = await database.pool.query<Record<string, unknown>>({
    name,
    text: query.sql,
    values: query.params,
  });
  const raw = result.rows[0];
  if (!raw) throw new Error('the intake statement returned no case');
  return toCaseRow(raw);
}
