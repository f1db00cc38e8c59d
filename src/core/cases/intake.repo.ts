// Intake in a single SQL statement. Every round trip to PostgreSQL costs system calls on both
// sides, and a new case needs about ten of them when written step by step (find the customer,
// create them, add contacts, insert the case, mark the first step, write the timeline, queue
// the jobs, begin and commit). Written as one statement of data-modifying CTEs it is one round
// trip, and atomic without an explicit transaction. One statement carries one case or several
// that arrived together (intake-batch.ts). `open-case.ts` falls back to the step-by-step
// transaction whenever this statement cannot decide alone (a race on a unique key).
import { createHash, randomUUID } from 'node:crypto';
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
}

const caseColumns = Object.entries(getTableColumns(cases));
const caseColumnsByKey = new Map(caseColumns);
const dialect = new PgDialect();

/**
 * The row Drizzle would return: the values this process sent, as it sent them, and the columns
 * the database filled in (reference, customer, owner, defaults) from the raw `generated` row.
 * Sending the case's account, analysis and targets back over the wire only to parse them
 * again would cost both sides more than the insert itself.
 */
function toCaseRow(sent: Record<string, unknown>, generated: Record<string, unknown>): CaseRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of caseColumns) {
    if (key in sent) {
      row[key] = sent[key] ?? null;
      continue;
    }
    const value = generated[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as CaseRow;
}

/** The columns the statement returns: every one the caller did not send. */
function generatedColumns(sent: string[]): string {
  return caseColumns
    .filter(([key]) => !sent.includes(key))
    .map(([, column]) => `"${column.name}"`)
    .join(', ');
}

/** SQLSTATE 23505: a unique key was taken by a concurrent writer (contact or idempotency key). */
export function isUniqueViolation(err: unknown): boolean {
  const cause = (err as { cause?: unknown }).cause ?? err;
  return (cause as { code?: unknown }).code === '23505';
}

/**
 * One intake's values as a JSON record: the case's columns in their driver form (JSON columns
 * kept as JSON), and what the statement needs to find the customer and write the rest.
 */
function toRecord(s: IntakeStatement, ord: number, columns: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {
    ord,
    contacts: s.contacts,
    customer_id: randomUUID(),
    first_name: s.newCustomer.firstName ?? null,
    last_name: s.newCustomer.lastName ?? null,
    lifetime_value: s.newCustomer.lifetimeValue ?? '0',
    currency: s.newCustomer.currency ?? 'GBP',
    owner_id: s.ownerId,
    idempotency_key: s.idempotencyKey,
    event_at: s.event.at.toISOString(),
    actor_id: s.event.actorId ?? null,
    actor_label: s.event.actorLabel,
    event_type: s.event.type,
    event_data: s.event.data ?? {},
  };
  const row = s.caseRow as Record<string, unknown>;
  for (const key of columns) {
    const column = caseColumnsByKey.get(key) as (typeof caseColumns)[number][1];
    const value = row[key];
    record[column.name] =
      value === null || value === undefined
        ? null
        : column.dataType === 'json'
          ? value
          : column.mapToDriverValue(value);
  }
  return record;
}

/**
 * The statement for `columns` of the case row. Its text depends only on those columns (the same
 * for every intake), never on how many cases it carries, so it is planned once per connection.
 */
function intakeSql(columns: string[], jobs: SQL | null, records: string, ownerFallback: SQL): SQL {
  const cols = columns.map((key) => caseColumnsByKey.get(key) as (typeof caseColumns)[number][1]);
  const declared = sql.raw(cols.map((c) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  const names = sql.raw(cols.map((c) => `"${c.name}"`).join(', '));
  const fromInput = sql.raw(cols.map((c) => `i."${c.name}"`).join(', '));
  return sql`
    WITH input AS (
      SELECT * FROM json_to_recordset(${records}::json) AS x(
        ord int, contacts json, customer_id uuid, first_name text, last_name text,
        lifetime_value numeric, currency text, owner_id uuid, idempotency_key text,
        event_at timestamptz, actor_id uuid, actor_label text, event_type text, event_data jsonb,
        ${declared})
    ),
    input_contacts AS (
      SELECT i.ord, c.kind, c.value
      FROM input i, json_to_recordset(i.contacts) AS c(kind text, value text)
    ),
    -- Each contact is looked up on its own through the unique (kind, value) index. As a plain
    -- join, the plan cached for this named statement could be one made while the table was
    -- small (a fresh database, before its first ANALYZE): a hash join that reads every contact
    -- of every customer for every statement, ever slower as the table grows.
    existing AS (
      SELECT DISTINCT ON (ic.ord) ic.ord, cc.customer_id AS id
      FROM input_contacts ic
      CROSS JOIN LATERAL (
        SELECT k.customer_id FROM ${customerContacts} k
        WHERE k.kind = ic.kind AND k.value = ic.value
        LIMIT 1
      ) cc
      ORDER BY ic.ord
    ),
    customer AS (
      SELECT i.ord, COALESCE(e.id, i.customer_id) AS id, e.id IS NULL AS is_new
      FROM input i LEFT JOIN existing e ON e.ord = i.ord
    ),
    new_customers AS (
      INSERT INTO ${customers} (id, first_name, last_name, lifetime_value, currency)
      SELECT i.customer_id, i.first_name, i.last_name, i.lifetime_value, i.currency
      FROM input i JOIN customer c ON c.ord = i.ord AND c.is_new
    ),
    -- A known customer gains the contacts they did not have; one owned by someone else is
    -- skipped. A new customer's contacts are never skipped: when a concurrent intake took one
    -- first, the statement fails and the caller retries and finds that customer.
    known_contacts AS (
      INSERT INTO ${customerContacts} (customer_id, kind, value)
      SELECT c.id, ic.kind, ic.value
      FROM customer c JOIN input_contacts ic ON ic.ord = c.ord WHERE NOT c.is_new
      ON CONFLICT DO NOTHING
    ),
    new_contacts AS (
      INSERT INTO ${customerContacts} (customer_id, kind, value)
      SELECT c.id, ic.kind, ic.value
      FROM customer c JOIN input_contacts ic ON ic.ord = c.ord WHERE c.is_new
    ),
    new_cases AS (
      INSERT INTO ${cases} (customer_id, owner_id, ${names})
      SELECT c.id, COALESCE(i.owner_id, (${ownerFallback})), ${fromInput}
      FROM input i JOIN customer c ON c.ord = i.ord
      ORDER BY i.ord
      RETURNING *
    ),
    -- No ON CONFLICT: a key already taken aborts the whole statement, and the caller replays
    -- the first request's case instead.
    claimed_keys AS (
      INSERT INTO ${idempotencyKeys} (key, case_id)
      SELECT i.idempotency_key, n.id
      FROM new_cases n JOIN input i ON i.id = n.id WHERE i.idempotency_key IS NOT NULL
    ),
    first_steps AS (
      INSERT INTO ${caseSteps} (case_id, step_key, done_by, done_at)
      SELECT n.id, 'listen', NULL, i.event_at FROM new_cases n JOIN input i ON i.id = n.id
    ),
    opened AS (
      INSERT INTO ${caseEvents} (case_id, at, actor_id, actor_label, type, data)
      SELECT n.id, i.event_at, i.actor_id, i.actor_label, i.event_type,
        i.event_data || jsonb_build_object('reference', n.reference, 'ownerId', n.owner_id)
      FROM new_cases n JOIN input i ON i.id = n.id
      ORDER BY i.ord
    )
    ${jobs === null ? sql`` : sql`, queued_jobs AS (${jobs})`}
    SELECT "id", ${sql.raw(generatedColumns(columns))} FROM new_cases`;
}

/** The statement's text and parameters for these cases (exported for the plan test). */
export function intakeQuery(
  items: IntakeStatement[],
  jobs: SQL | null,
): { sql: string; params: unknown[] } {
  const first = items[0];
  if (!first) throw new Error('the intake statement needs at least one case');
  const columns = Object.keys(first.caseRow)
    .filter((key) => caseColumnsByKey.has(key))
    .sort();
  if (!columns.includes('id'))
    throw new Error('the intake statement needs case ids chosen in advance');
  const records = JSON.stringify(items.map((s, i) => toRecord(s, i, columns)));
  return dialect.sqlToQuery(intakeSql(columns, jobs, records, leastLoadedAgentSql()));
}

/**
 * Writes every given case (and the job queue's insert for all their jobs) in one statement:
 * all of them or none. Returns the rows in the order given.
 */
export async function insertCasesInOneStatement(
  database: Database,
  items: IntakeStatement[],
  jobs: SQL | null,
): Promise<CaseRow[]> {
  if (items.length === 0) return [];
  const query = intakeQuery(items, jobs);
  // A named statement is parsed and planned once per connection: planning this many CTEs costs
  // more than running them. The name follows the text.
  let name = statementNames.get(query.sql);
  if (!name) {
    name = `redress_intake_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`;
    statementNames.set(query.sql, name);
  }
  const result = await database.pool.query<Record<string, unknown>>({
    name,
    text: query.sql,
    values: query.params,
  });
  const byId = new Map(result.rows.map((raw) => [raw.id as string, raw]));
  return items.map((s) => {
    const generated = byId.get(s.caseRow.id as string);
    if (!generated) throw new Error('the intake statement returned no case');
    return toCaseRow(s.caseRow as Record<string, unknown>, generated);
  });
}

const statementNames = new Map<string, string>();
