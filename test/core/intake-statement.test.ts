// Intake writes a new case in one SQL statement when it can (src/core/cases/intake.repo.ts) and
// in a step-by-step transaction otherwise. Both must leave exactly the same data behind, and
// the one-statement path must stay correct under concurrent writers.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { intakeCounts } from '../../src/core/cases/intake-batch.ts';
import { findCase } from '../../src/core/cases/case.repo.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { silentLogger, type Ctx, type JobSender } from '../../src/core/shared/context.ts';
import { createBoss, ensureQueues, jobSender } from '../../src/jobs/queue.ts';
import { complaint, makeDesk, type Desk } from '../support/harness.ts';

let desk: Desk;
let boss: PgBoss;

beforeAll(async () => {
  desk = await makeDesk();
  boss = createBoss(desk.database.url);
  boss.on('error', () => undefined);
  await boss.start();
  await ensureQueues(boss);
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await desk.close();
});

/** A sender that only knows `send`: intake must then use its transaction. */
const transactionOnly = (jobs: JobSender): JobSender => ({ send: (tx, j) => jobs.send(tx, j) });

function from(email: string, overrides: Record<string, unknown> = {}) {
  const c = complaint(overrides);
  return { ...c, customer: { ...c.customer, contacts: [{ kind: 'email', value: email }] } };
}

function systemCtx(jobs: JobSender): Ctx {
  return {
    actor: { kind: 'system', name: 'email' },
    database: desk.database,
    now: desk.clock.now,
    log: silentLogger,
    jobs,
  };
}

async function snapshot(caseId: string) {
  const q = async (text: string) => (await desk.database.pool.query(text, [caseId])).rows;
  const [c] = await q(`SELECT * FROM cases WHERE id = $1`);
  const events = await q(
    `SELECT actor_id, actor_label, type, data FROM case_events WHERE case_id = $1`,
  );
  const steps = await q(
    `SELECT step_key, done_by, done_at, notes FROM case_steps WHERE case_id = $1`,
  );
  const jobs = await q(
    `SELECT name, data - 'caseId' AS data, priority,
            CASE WHEN name = 'case-acknowledge' THEN NULL ELSE start_after END AS start_after, retry_limit, retry_delay,
            retry_backoff, expire_in, keep_until - start_after AS keep_for, policy, state
       FROM pgboss.job WHERE data->>'caseId' = $1 ORDER BY name, start_after`,
  );
  const contacts = await q(
    `SELECT kind, value FROM customer_contacts WHERE customer_id = (SELECT customer_id FROM cases WHERE id = $1)`,
  );
  const { id, reference, customer_id, created_at, updated_at, ...rest } = c as Record<
    string,
    unknown
  >;
  void id;
  void customer_id;
  void created_at;
  void updated_at;
  const event = events[0] as { data: Record<string, unknown> };
  expect(event.data.reference).toBe(reference);
  return {
    rest,
    events: events.map((e) => ({ ...e, data: { ...e.data, reference: 'ref' } })),
    steps,
    jobs,
    contacts,
  };
}

test('the one-statement path leaves exactly what the transaction path leaves', async () => {
  await desk.makeUser('agent', 'Ana Agent');
  const fast = jobSender(boss);
  const a = await openCase(systemCtx(fast), from('same@example.com'));
  const b = await openCase(systemCtx(transactionOnly(fast)), from('other@example.com'));
  const sa = await snapshot(a.case.id);
  const sb = await snapshot(b.case.id);
  expect(sa.rest).toEqual(sb.rest);
  expect(sa.events).toEqual(sb.events);
  expect(sa.steps).toEqual(sb.steps);
  expect(sa.jobs).toEqual(sb.jobs);
  expect(sa.jobs.map((j) => j.name)).toContain('case-acknowledge');
  expect(sa.contacts).toEqual([{ kind: 'email', value: 'same@example.com' }]);
  // The system intake gave both cases to the only agent.
  expect(a.case.ownerId).toBe(b.case.ownerId);
  expect(a.case.ownerId).not.toBeNull();
  // The returned row is the stored row, as Drizzle reads it back: the values the statement
  // sent and those the database filled in (reference, customer, owner, defaults).
  expect(a.case).toEqual(await findCase(desk.database.db, a.case.id));
  expect(a.case.receivedAt).toBeInstanceOf(Date);
  expect(a.case.reference).toMatch(/^RD-\d+$/);
});

test('concurrent first complaints from one new address make one customer', async () => {
  const ctx = systemCtx(jobSender(boss));
  const results = await Promise.all(
    Array.from({ length: 8 }, () => openCase(ctx, from('burst@example.com'))),
  );
  const customers = new Set(results.map((r) => r.case.customerId));
  expect(customers.size).toBe(1);
  const { rows } = await desk.database.pool.query(
    `SELECT count(*)::int AS n FROM customer_contacts WHERE value = 'burst@example.com'`,
  );
  expect(rows[0].n).toBe(1);
});

test('concurrent requests with one idempotency key make one case; the others replay it', async () => {
  const ctx = systemCtx(jobSender(boss));
  const results = await Promise.all(
    Array.from({ length: 6 }, () =>
      openCase(ctx, from('idem@example.com'), { idempotencyKey: 'k-123' }),
    ),
  );
  expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
  expect(results.filter((r) => !r.isReplay)).toHaveLength(1);
  const { rows } = await desk.database.pool.query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'case-acknowledge' AND data->>'caseId' = $1`,
    [results[0]?.case.id],
  );
  expect(rows[0].n).toBe(1);
});

test('a statement that fails writes nothing; the transaction path then stores the case once', async () => {
  const count = async (table: string) =>
    Number((await desk.database.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  const before = { customers: await count('customers'), cases: await count('cases') };
  // The same contact twice in one request collides inside the statement, which fails whole;
  // the transaction path takes over and skips the repeat.
  const c = complaint();
  const twice = {
    ...c,
    customer: {
      ...c.customer,
      contacts: [
        { kind: 'email', value: 'twice@example.com' },
        { kind: 'email', value: 'TWICE@example.com' },
      ],
    },
  };
  const r = await openCase(systemCtx(jobSender(boss)), twice);
  expect(await count('customers')).toBe(before.customers + 1);
  expect(await count('cases')).toBe(before.cases + 1);
  const { rows } = await desk.database.pool.query(
    `SELECT count(*)::int AS n FROM customer_contacts WHERE customer_id = $1`,
    [r.case.customerId],
  );
  expect(rows[0].n).toBe(1);
});

test('complaints arriving together share statements, each stored whole; a conflict fails only its own case', async () => {
  const ctx = systemCtx(jobSender(boss));
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await desk.database.pool.query(sql, params)).rows[0].n);
  const before = await count(`SELECT count(*) AS n FROM cases`);
  const written = { ...intakeCounts };
  // 40 at once: more than the statements in flight, so later ones wait and travel together.
  // Two of them carry one idempotency key, so a shared statement fails on it and its cases are
  // written one by one instead.
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      openCase(ctx, from(`together-${i}@example.com`), {
        ...(i === 17 || i === 31 ? { idempotencyKey: 'together-key' } : {}),
      }),
    ),
  );
  const ids = new Set(results.map((r) => r.case.id));
  expect(ids.size).toBe(39);
  expect(results[17]?.case.id).toBe(results[31]?.case.id);
  expect(await count(`SELECT count(*) AS n FROM cases`)).toBe(before + 39);
  // Fewer statements than cases: they were grouped.
  expect(intakeCounts.cases - written.cases).toBe(39);
  expect(intakeCounts.statements - written.statements).toBeLessThan(39);
  // Every case has its own customer, contact, first step, opening event and jobs.
  for (const [i, r] of results.entries()) {
    const id = r.case.id;
    // The two requests with one key share the winner's case (and its customer).
    if (i !== 17 && i !== 31)
      expect(r.case.customerId).toBe(
        (
          await desk.database.pool.query(
            `SELECT customer_id FROM customer_contacts WHERE value = $1`,
            [`together-${i}@example.com`],
          )
        ).rows[0]?.customer_id,
      );
    expect(await count(`SELECT count(*) AS n FROM case_steps WHERE case_id = $1`, [id])).toBe(1);
    const event = (
      await desk.database.pool.query(`SELECT data FROM case_events WHERE case_id = $1`, [id])
    ).rows;
    expect(event).toHaveLength(1);
    expect(event[0].data.reference).toBe(r.case.reference);
    expect(
      await count(`SELECT count(*) AS n FROM pgboss.job WHERE data->>'caseId' = $1`, [id]),
    ).toBe(1); // the acknowledgement (SLA alerts come from the sweep, not from jobs)
  }
  expect(new Set(results.map((r) => r.case.reference)).size).toBe(39);
});
