// Two app instances' job workers on one PostgreSQL (real pg-boss): every time-based effect —
// acknowledgement, reminder, broken-promise escalation — happens exactly once, even when the
// same job is queued twice.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOBS } from '../../src/contracts/jobs.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { makePromise } from '../../src/core/promises/make-promise.ts';
import { silentLogger, type Ctx } from '../../src/core/shared/context.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { createBoss, ensureQueues, jobSender } from '../../src/jobs/queue.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import { createTestDatabase } from '../support/db.ts';
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
  const boss = createBoss(database.url);
  boss.on('error', () => undefined);
  await boss.start();
  await ensureQueues(boss);
  bosses.push(boss);
  const ctx = (): Ctx => ({
    actor: { kind: 'system', name: 'jobs' },
    database,
    now: () => new Date(),
    log: silentLogger,
    jobs: jobSender(boss),
  });
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
