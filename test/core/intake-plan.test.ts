// The intake statement is a named statement: each connection plans it once and may keep a
// generic plan for good. That plan must find an existing customer through the unique contact
// index whatever the statistics said when it was made — a fresh database, before its first
// ANALYZE, once led to a plan that read every contact of every customer for every statement.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { intakeQuery, type IntakeStatement } from '../../src/core/cases/intake.repo.ts';
import { makeDesk, type Desk } from '../support/harness.ts';

let desk: Desk;

beforeAll(async () => {
  desk = await makeDesk();
});
afterAll(async () => {
  await desk.close();
});

function oneCase(email: string): IntakeStatement {
  const at = new Date('2026-03-02T10:00:00Z');
  return {
    contacts: [{ kind: 'email', value: email }],
    newCustomer: { firstName: 'Ana' },
    caseRow: {
      id: randomUUID(),
      channel: 'web',
      receivedAt: at,
      subject: 'Late parcel',
      account: 'My parcel is a week late.',
      severity: 'normal',
      status: 'new',
      firstResponseTarget: { kind: 'same_business_day', cutoff: '16:00' },
      resolutionTarget: { kind: 'business_minutes', minutes: 2550 },
    },
    ownerId: null,
    idempotencyKey: null,
    event: { at, actorId: null, actorLabel: 'test', type: 'case_opened', data: {} },
  };
}

async function genericPlan(): Promise<string> {
  const query = intakeQuery([oneCase('ana@example.com')], null);
  const client = await desk.database.pool.connect();
  try {
    // What a long-lived connection settles on after a few executions of the named statement.
    await client.query(`SET plan_cache_mode = force_generic_plan`);
    const res = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params);
    return res.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query(`RESET plan_cache_mode`);
    client.release();
  }
}

test('on a table never analysed, contacts are looked up through their unique index', async () => {
  const plan = await genericPlan();
  expect(plan).toContain('customer_contacts_kind_value');
  expect(plan).not.toMatch(/Seq Scan on customer_contacts/);
});

test('and still so once the table holds thousands of contacts', async () => {
  await desk.database.pool.query(`
    WITH c AS (
      INSERT INTO customers (first_name) SELECT 'Bulk ' || g FROM generate_series(1, 3000) g
      RETURNING id
    )
    INSERT INTO customer_contacts (customer_id, kind, value)
    SELECT id, 'email', id::text || '@bulk.example' FROM c`);
  await desk.database.pool.query(`ANALYZE customer_contacts`);
  const plan = await genericPlan();
  expect(plan).toContain('customer_contacts_kind_value');
  expect(plan).not.toMatch(/Seq Scan on customer_contacts/);
});

test("a customer's contacts are read through the customer index, not a scan of everyone's", async () => {
  const res = await desk.database.pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT kind, value FROM customer_contacts WHERE customer_id = $1`,
    [randomUUID()],
  );
  const plan = res.rows.map((r) => r['QUERY PLAN']).join('\n');
  expect(plan).toContain('customer_contacts_customer');
  expect(plan).not.toMatch(/Seq Scan on customer_contacts/);
});
