// Two app instances' job workers on one PostgreSQL (real pg-boss): every time-based effect —
// acknowledgement, reminder, broken-promise escalation — happens exactly once, even when the
// same job is queued twice.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOBS } from '../../src/contracts/jobs.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { makePromise } from '../../src/core/promises/make-promise.ts';
import { type Ctx } from '../../src/core/shared/context.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { jobSender } from '../../src/jobs/queue.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import { createTestDatabase } from '../support/db.ts';
import { jobCtx, startTestBoss } from '../support/jobs.ts';
import { complaint } from '../support/harness.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const bosses: PgBoss[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const b of bosses) await b.stop({ graceful: false, wait: true });
  await database.close();
});

async function instance(): Promise<{ boss: PgBoss; ctx: () => Ctx }> {
  const boss = await startTestBoss(database.url);
  bosses.push(boss);
  const ctx = jobCtx(database, jobSender(boss));
  return { boss, ctx };
}

async function count(sql: string): Promise<number> {
  return Number((await database.pool.query(sql)).rows[0].n);
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
}

test('two workers, duplicated jobs: each effect exactly once', async () => {
  const a = await instance();
  const b = await instance();
  const row = await insertNewUser(database.db, {
    email: 'sam@example.test',
    name: 'Sam',
    role: 'agent',
    password: 'correct horse battery',
  });
  const agent: Ctx = {
    ...a.ctx(),
    actor: { kind: 'user', id: row.id, role: 'agent', name: 'Sam' },
  };

  const CASES = 12;
  const ids: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const { case: c } = await openCase(
      agent,
      complaint({
        customer: {
          firstName: 'Ana',
          contacts: [{ kind: 'email', value: `ana${i}@example.test` }],
        },
      }),
    );
    ids.push(c.id);
    // A duplicate acknowledgement job, as a retry or a second instance might queue.
    await b.boss.send(JOBS.acknowledge.name, { caseId: c.id });
  }
  const dueAt = new Date(Date.now() + 2_500).toISOString();
  for (const id of ids.slice(0, 4))
    await makePromise(agent, id, { what: 'Ring back with news', dueAt });

  await startWorkers(a.boss, a.ctx, { pollingIntervalSeconds: 0.5 });
  await startWorkers(b.boss, b.ctx, { pollingIntervalSeconds: 0.5 });

  await until(
    async () =>
      (await count(`SELECT count(*) AS n FROM case_events WHERE type = 'promise_broken'`)) >= 4 &&
      (await count(`SELECT count(*) AS n FROM case_events WHERE type = 'acknowledged'`)) >= CASES,
    30_000,
  );
  await sleep(1_500); // give any duplicate a chance to show itself

  expect(await count(`SELECT count(*) AS n FROM messages WHERE kind = 'acknowledgement'`)).toBe(
    CASES,
  );
  expect(await count(`SELECT count(*) AS n FROM case_events WHERE type = 'acknowledged'`)).toBe(
    CASES,
  );
  expect(await count(`SELECT count(*) AS n FROM case_events WHERE type = 'promise_reminder'`)).toBe(
    4,
  );
  expect(await count(`SELECT count(*) AS n FROM case_events WHERE type = 'promise_broken'`)).toBe(
    4,
  );
  expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'promise_broken'`)).toBe(
    4,
  );
  expect(await count(`SELECT count(*) AS n FROM promises WHERE status = 'broken'`)).toBe(4);
}, 60_000);

test('two workers sweeping the SLA clocks at once: each alert exactly once', async () => {
  const a = await instance();
  const b = await instance();
  const row = await insertNewUser(database.db, {
    email: 'kim@example.test',
    name: 'Kim',
    role: 'agent',
    password: 'correct horse battery',
  });
  const agent: Ctx = {
    ...a.ctx(),
    actor: { kind: 'user', id: row.id, role: 'agent', name: 'Kim' },
  };
  // Received a week ago and never answered: the first response is long overdue.
  const receivedAt = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const CASES = 8;
  for (let i = 0; i < CASES; i++) {
    await openCase(
      agent,
      complaint({
        receivedAt,
        channel: 'phone',
        customer: { firstName: 'Lu', contacts: [{ kind: 'email', value: `lu${i}@example.test` }] },
      }),
    );
  }
  await startWorkers(a.boss, a.ctx, { pollingIntervalSeconds: 0.5 });
  await startWorkers(b.boss, b.ctx, { pollingIntervalSeconds: 0.5 });
  // Ticks as the cron would give them, doubled on both instances.
  for (const boss of [a.boss, b.boss, a.boss, b.boss]) await boss.send(JOBS.slaSweep.name, {});

  const breaches = `SELECT count(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE c.received_at = '${receivedAt}' AND e.type = 'sla_breached' AND e.data->>'clock' = 'first_response'`;
  await until(async () => (await count(breaches)) >= CASES, 30_000);
  await sleep(1_500); // give any duplicate a chance to show itself

  expect(await count(breaches)).toBe(CASES);
  expect(
    await count(`SELECT count(*) AS n FROM (
      SELECT e.case_id, e.type, e.data->>'clock', e.data->>'dueAt' FROM case_events e
      WHERE e.type IN ('sla_due_soon', 'sla_breached')
      GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) twice`),
  ).toBe(0);
}, 60_000);
