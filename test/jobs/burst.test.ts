// A burst of complaints (many arriving together after an outage) is acknowledged as fast as the
// handlers run, not at one batch per polling interval: a worker whose batch came back full
// fetches again at once. The polling interval here is long (20 s) so that waiting it out even
// once would miss the test's deadline; three batches' worth of cases must all be acknowledged.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { openCase } from '../../src/core/cases/open-case.ts';
import { type Ctx } from '../../src/core/shared/context.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { jobSender } from '../../src/jobs/queue.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import { createTestDatabase } from '../support/db.ts';
import { jobCtx, startTestBoss } from '../support/jobs.ts';
import { complaint } from '../support/harness.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let boss: PgBoss;

beforeAll(async () => {
  database = await createTestDatabase();
  boss = await startTestBoss(database.url);
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await database.close();
});

async function acknowledged(): Promise<number> {
  const { rows } = await database.pool.query(
    `SELECT count(*)::int AS n FROM case_events WHERE type = 'acknowledged'`,
  );
  return rows[0].n as number;
}

test('a burst larger than a batch is acknowledged without waiting out the polling interval', async () => {
  const user = await insertNewUser(database.db, {
    email: 'burst@example.test',
    name: 'Bo',
    role: 'agent',
    password: 'correct horse battery',
  });
  const ctx = jobCtx(database, jobSender(boss));
  const agent: Ctx = { ...ctx(), actor: { kind: 'user', id: user.id, role: 'agent', name: 'Bo' } };

  const CASES = 70; // three batches of 25 (the last one short)
  for (let i = 0; i < CASES; i++) {
    await openCase(
      agent,
      complaint({
        channel: 'web',
        customer: {
          firstName: 'Ria',
          contacts: [{ kind: 'email', value: `ria${i}@example.test` }],
        },
      }),
    );
  }
  expect(await acknowledged()).toBe(0);

  await startWorkers(boss, ctx, { pollingIntervalSeconds: 20 });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (await acknowledged()) < CASES) await sleep(100);

  expect(await acknowledged()).toBe(CASES);
}, 40_000);
