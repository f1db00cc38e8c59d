// The job queues: created with retries and a short expiry, and queues made by an older version
// (pg-boss's 15-minute expiry) brought up to date, so the jobs of a killed worker are handed to
// another within minutes.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { JOBS } from '../../src/contracts/jobs.ts';
import { createBoss, ensureQueues, JOB_EXPIRY_SECONDS } from '../../src/jobs/queue.ts';
import { createTestDatabase } from '../support/db.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let boss: PgBoss;

beforeAll(async () => {
  database = await createTestDatabase();
  boss = createBoss(database.url);
  await boss.start();
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await database.close();
});

test('every queue expires its active jobs quickly; an old queue is updated, its retries kept', async () => {
  await boss.createQueue(JOBS.acknowledge.name, {
    name: JOBS.acknowledge.name,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
  });
  // No expiry of its own: its jobs take pg-boss's 15 minutes.
  expect((await boss.getQueue(JOBS.acknowledge.name))?.expireInSeconds).toBeNull();
  const before = await boss.send(JOBS.acknowledge.name, { caseId: crypto.randomUUID() });
  expect(Number((await boss.getJobById(JOBS.acknowledge.name, before!))?.expireInSeconds)).toBe(
    900,
  );

  await ensureQueues(boss);
  for (const job of Object.values(JOBS)) {
    const queue = await boss.getQueue(job.name);
    expect(queue, job.name).toMatchObject({
      retryLimit: 5,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 'expireInSeconds' in job ? job.expireInSeconds : JOB_EXPIRY_SECONDS,
    });
  }
  // A job queued now takes the new expiry.
  const id = await boss.send(JOBS.acknowledge.name, { caseId: crypto.randomUUID() });
  const job = await boss.getJobById(JOBS.acknowledge.name, id!);
  expect(Number(job?.expireInSeconds)).toBe(JOB_EXPIRY_SECONDS);
});
