// Corrective-action reminders and overdue escalation on real pg-boss with two instances' workers
// and every job queued twice: the owner is reminded once and the action escalated once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOBS } from '../../src/contracts/jobs.ts';
import { addCorrectiveAction } from '../../src/core/problems/add-corrective-action.ts';
import { createProblem } from '../../src/core/problems/create-problem.ts';
import { type Ctx } from '../../src/core/shared/context.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { jobSender } from '../../src/jobs/queue.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import { createTestDatabase } from '../support/db.ts';
import { jobCtx, startTestBoss } from '../support/jobs.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const bosses: PgBoss[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const b of bosses) await b.stop({ graceful: false, wait: true });
  await database.close();
});

async function instance() {
  const boss = await startTestBoss(database.url);
  bosses.push(boss);
  const ctx = jobCtx(database, jobSender(boss));
  return { boss, ctx };
}

const count = async (sql: string) => Number((await database.pool.query(sql)).rows[0].n);

test('two workers, duplicated jobs: one reminder, one overdue escalation', async () => {
  const a = await instance();
  const b = await instance();
  const row = await insertNewUser(database.db, {
    email: 'mo@example.test',
    name: 'Mo Manager',
    role: 'manager',
    password: 'correct horse battery',
  });
  const manager: Ctx = {
    ...a.ctx(),
    actor: { kind: 'user', id: row.id, role: 'manager', name: 'Mo' },
  };
  const problem = await createProblem(manager, { title: 'Invoices sent to old addresses' });
  // Due in 3 seconds: the reminder (60 minutes before) is due at once, the check in 3 s.
  const action = await addCorrectiveAction(manager, problem.id, {
    what: 'Read the billing address from the account, not the first order',
    dueAt: new Date(Date.now() + 3_000).toISOString(),
    customerFacingChange: 'Invoices now go to the address on your account.',
  });
  await b.boss.send(JOBS.correctiveActionReminder.name, { actionId: action.id });
  await b.boss.send(JOBS.correctiveActionDue.name, { actionId: action.id }, { startAfter: 3 });

  await startWorkers(a.boss, a.ctx, { pollingIntervalSeconds: 0.5 });
  await startWorkers(b.boss, b.ctx, { pollingIntervalSeconds: 0.5 });
  const end = Date.now() + 30_000;
  while (
    Date.now() < end &&
    (await count(`SELECT count(*) n FROM problem_events WHERE type = 'action_overdue'`)) < 1
  )
    await sleep(250);
  await sleep(2_000); // give any duplicate a chance to show itself

  expect(await count(`SELECT count(*) n FROM problem_events WHERE type = 'action_reminder'`)).toBe(
    1,
  );
  expect(await count(`SELECT count(*) n FROM problem_events WHERE type = 'action_overdue'`)).toBe(
    1,
  );
  expect(
    await count(`SELECT count(*) n FROM notifications WHERE kind = 'corrective_action_reminder'`),
  ).toBe(1);
  // The owner (the manager who added it, also the problem's owner) once, and the manager role once.
  expect(
    await count(`SELECT count(*) n FROM notifications WHERE kind = 'corrective_action_overdue'`),
  ).toBe(2);
}, 60_000);
