// The debrief job on the real queue (pg-boss on PostgreSQL): a failed close queues nothing, a
// close queues one `debrief-assign` job in its own transaction, and two workers — even with the
// job queued twice — give each person involved exactly one debrief and one notification.
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { JOBS } from '../../src/contracts/jobs.ts';
import { silentLogger, type Ctx, type JobSender } from '../../src/core/shared/context.ts';
import { createBoss, ensureQueues, jobSender } from '../../src/jobs/queue.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import {
  apiCaller,
  complaint,
  makeApi,
  makeDesk,
  tokenFor,
  type Desk,
} from '../support/harness.ts';
import { recoverAndClose } from '../support/recovery.ts';

let desk: Desk;
let api: FastifyInstance;
const bosses: PgBoss[] = [];
let sender: JobSender | null = null;
// The desk is built before the queue exists (it makes the database); jobs go to the real queue.
const lateSender: JobSender = {
  send: (tx, jobs) => {
    if (!sender) throw new Error('queue not started');
    return sender.send(tx, jobs);
  },
};

async function startBoss(): Promise<PgBoss> {
  const boss = createBoss(desk.database.url);
  boss.on('error', () => undefined);
  await boss.start();
  await ensureQueues(boss);
  bosses.push(boss);
  return boss;
}

beforeAll(async () => {
  desk = await makeDesk({ jobs: lateSender });
  api = await makeApi(desk);
  sender = jobSender(await startBoss());
});
afterAll(async () => {
  for (const b of bosses) await b.stop({ graceful: false, wait: true });
  await api.close();
  await desk.close();
});

const call = apiCaller(() => api);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await desk.database.pool.query(sql, params)).rows[0].n);
const queued = (caseId: string) =>
  count(`SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND data->>'caseId' = $2`, [
    JOBS.debriefAssign.name,
    caseId,
  ]);

test('one job per closure, and one debrief per person however many workers run it', async () => {
  const owner = await tokenFor(desk, 'agent');
  const lee = await tokenFor(desk, 'agent');
  const kim = await tokenFor(desk, 'supervisor');
  const opened = await call('POST', '/cases', owner, complaint());
  const { id, reference } = opened.body as { id: string; reference: string };
  for (const who of [lee, kim]) {
    const res = await call('POST', `/cases/${reference}/involved-staff`, owner, {
      userId: who.user.id,
    });
    expect(res.status).toBe(201);
  }
  expect((await call('POST', `/cases/${reference}/close`, owner)).status).toBe(409);
  expect(await queued(id)).toBe(0);

  await recoverAndClose(call, owner, reference);
  expect(await queued(id)).toBe(1);

  // A duplicate of the job, as a retry or a second instance might queue.
  const [a, b] = [bosses[0], await startBoss()];
  if (!a) throw new Error('no queue');
  await a.send(JOBS.debriefAssign.name, { caseId: id });
  const ctx = (): Ctx => ({
    actor: { kind: 'system', name: 'jobs' },
    database: desk.database,
    now: () => new Date(),
    log: silentLogger,
    jobs: lateSender,
  });
  await startWorkers(a, ctx, { pollingIntervalSeconds: 0.5 });
  await startWorkers(b, ctx, { pollingIntervalSeconds: 0.5 });

  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const done = await count(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
      [JOBS.debriefAssign.name],
    );
    if (done >= 2) break;
    await sleep(200);
  }
  await sleep(1_000);
  expect(await count('SELECT count(*) AS n FROM debriefs WHERE case_id = $1', [id])).toBe(2);
  expect(
    await count(
      "SELECT count(*) AS n FROM notifications WHERE case_id = $1 AND kind = 'debrief_assigned'",
      [id],
    ),
  ).toBe(2);
  const mine = await call('GET', '/debriefs', lee);
  expect((mine.body as unknown as unknown[]).length).toBe(1);
}, 90_000);
