// Staff debriefs (R24) on real PostgreSQL through the HTTP API: the staff involved are recorded
// on the case with a timeline event, closing queues one debrief job in the closing transaction,
// the job gives each person exactly one debrief (and a notification with the customer's news),
// and only that person or a manager may read or complete it. Totals per period, never per person.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JOBS } from '../../src/contracts/jobs.ts';
import { assignDebriefs } from '../../src/core/debriefs/assign-debriefs.ts';
import { debriefCompletion } from '../../src/core/debriefs/debrief.repo.ts';
import { insertSurvey } from '../../src/core/portal/portal.repo.ts';
import {
  apiCaller,
  complaint,
  makeApi,
  makeDesk,
  recordingJobs,
  tokenFor,
  type Desk,
} from '../support/harness.ts';
import { recoverAndClose as recover } from '../support/recovery.ts';

let desk: Desk;
let api: FastifyInstance;
const jobs = recordingJobs();
type Caller = Awaited<ReturnType<typeof tokenFor>>;
let owner: Caller;
let courierDesk: Caller; // the colleague whose step failed
let warehouse: Caller; // a second person involved
let bystander: Caller; // another agent, not involved
let manager: Caller;

beforeAll(async () => {
  desk = await makeDesk({ jobs });
  api = await makeApi(desk);
  owner = await tokenFor(desk, 'agent');
  courierDesk = await tokenFor(desk, 'agent');
  warehouse = await tokenFor(desk, 'supervisor');
  bystander = await tokenFor(desk, 'agent');
  manager = await tokenFor(desk, 'manager');
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const call = apiCaller(() => api);
const del = async (url: string, who: Caller) => {
  const res = await api.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: who.headers });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};
const debriefJobs = (caseId: string) =>
  jobs.sent.filter(
    (j) => j.name === JOBS.debriefAssign.name && (j.data as { caseId: string }).caseId === caseId,
  );
const timeline = async (ref: string) =>
  ((await call('GET', `/cases/${ref}`, owner)).body.timeline as Array<{ type: string }>).map(
    (e) => e.type,
  );
const count = async (sql: string, params: unknown[]) =>
  Number((await desk.database.pool.query(sql, params)).rows[0].n);

async function openCase() {
  const opened = await call('POST', '/cases', owner, complaint());
  expect(opened.status).toBe(201);
  return { id: opened.body.id as string, ref: opened.body.reference as string };
}

const recoverAndClose = (ref: string) => recover(call, owner, ref);

describe('recording the staff involved', () => {
  test('adds and removes people with a timeline event each; refuses unknown people and doubles', async () => {
    const c = await openCase();
    const added = await call('POST', `/cases/${c.ref}/involved-staff`, owner, {
      userId: courierDesk.user.id,
      role: 'booked the delivery slot',
    });
    expect(added.status).toBe(201);
    const list = added.body as unknown as Array<{ userId: string; role: string }>;
    expect(list).toEqual([
      expect.objectContaining({ userId: courierDesk.user.id, role: 'booked the delivery slot' }),
    ]);
    const again = await call('POST', `/cases/${c.ref}/involved-staff`, owner, {
      userId: courierDesk.user.id,
    });
    expect(again.status).toBe(409);
    const unknown = await call('POST', `/cases/${c.ref}/involved-staff`, owner, {
      userId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ path: 'userId' })]);
    const bad = await call('POST', `/cases/${c.ref}/involved-staff`, owner, { userId: 'sam' });
    expect(bad.status).toBe(422);

    expect((await del(`/cases/${c.ref}/involved-staff/${courierDesk.user.id}`, owner)).status).toBe(
      200,
    );
    expect((await del(`/cases/${c.ref}/involved-staff/${courierDesk.user.id}`, owner)).status).toBe(
      404,
    );
    const read = await call('GET', `/cases/${c.ref}/involved-staff`, bystander);
    expect(read.body).toEqual([]);
    const types = await timeline(c.ref);
    expect(types.filter((t) => t === 'staff_involved_added')).toHaveLength(1);
    expect(types.filter((t) => t === 'staff_involved_removed')).toHaveLength(1);
  });
});

describe('debriefs after closure', () => {
  let c: { id: string; ref: string };
  let debriefId: string;

  test('closing queues exactly one debrief job, in the closing transaction', async () => {
    c = await openCase();
    for (const who of [courierDesk, warehouse]) {
      const res = await call('POST', `/cases/${c.ref}/involved-staff`, owner, {
        userId: who.user.id,
      });
      expect(res.status).toBe(201);
    }
    // A failed close rolls back: no job is queued for it.
    expect((await call('POST', `/cases/${c.ref}/close`, owner)).status).toBe(409);
    expect(debriefJobs(c.id)).toHaveLength(0);
    await recoverAndClose(c.ref);
    expect(debriefJobs(c.id)).toHaveLength(1);

    // A case with nobody involved queues no debrief job.
    const quiet = await openCase();
    await recoverAndClose(quiet.ref);
    expect(debriefJobs(quiet.id)).toHaveLength(0);
  });

  test('the job gives each person one debrief and one notification, however often it runs', async () => {
    const runs = await Promise.all([
      assignDebriefs(desk.system, c.id),
      assignDebriefs(desk.system, c.id),
    ]);
    expect(runs.map((r) => r.assigned).sort()).toEqual([0, 2]);
    expect((await assignDebriefs(desk.system, c.id)).assigned).toBe(0);
    expect(await count('SELECT count(*) AS n FROM debriefs WHERE case_id = $1', [c.id])).toBe(2);
    expect(
      await count(
        "SELECT count(*) AS n FROM notifications WHERE case_id = $1 AND kind = 'debrief_assigned'",
        [c.id],
      ),
    ).toBe(2);
    expect((await timeline(c.ref)).filter((t) => t === 'debrief_assigned')).toHaveLength(1);

    const alerts = await call('GET', '/notifications?unread=true', courierDesk);
    const mine = (alerts.body as unknown as Array<{ kind: string; message: string }>).filter(
      (n) => n.kind === 'debrief_assigned',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.message).toContain(c.ref);
    expect(mine[0]?.message).toMatch(/customer was kept/);
    // Nobody else is told about someone else's debrief.
    const theirs = await call('GET', '/notifications', bystander);
    expect(
      (theirs.body as unknown as Array<{ kind: string }>).some(
        (n) => n.kind === 'debrief_assigned',
      ),
    ).toBe(false);

    const own = await call('GET', '/debriefs?status=open', courierDesk);
    const list = own.body as unknown as Array<Record<string, unknown>>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      reference: c.ref,
      status: 'open',
      assignee: { id: courierDesk.user.id },
      customer: { kept: true, verdict: 'meets' },
    });
    debriefId = list[0]?.id as string;
  });

  test('only the assigned person or a manager reads or completes it', async () => {
    expect((await call('GET', `/debriefs/${debriefId}`, bystander)).status).toBe(403);
    expect((await call('GET', `/debriefs/${debriefId}`, warehouse)).status).toBe(403);
    expect((await call('GET', `/debriefs/${debriefId}`, manager)).status).toBe(200);
    expect((await call('GET', '/debriefs', bystander)).body).toEqual([]);
    expect(((await call('GET', '/debriefs', manager)).body as unknown[]).length).toBe(2);

    const answer = {
      howItHappened: 'The slot screen offered a day the van was already full.',
      howToPrevent: 'Hide full days on the slot screen.',
    };
    const stranger = await call('POST', `/debriefs/${debriefId}/complete`, bystander, answer);
    expect(stranger.status).toBe(403);
    const empty = await call('POST', `/debriefs/${debriefId}/complete`, courierDesk, {
      howItHappened: ' ',
    });
    expect(empty.status).toBe(422);
    expect((empty.body.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual([
      'body.howItHappened',
      'body.howToPrevent',
    ]);

    const done = await call('POST', `/debriefs/${debriefId}/complete`, courierDesk, answer);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', ...answer });
    const twice = await call('POST', `/debriefs/${debriefId}/complete`, courierDesk, answer);
    expect(twice.status).toBe(409);
    expect((await timeline(c.ref)).filter((t) => t === 'debrief_completed')).toHaveLength(1);

    // A manager may complete someone else's (e.g. written together in a meeting).
    const other = (await call('GET', '/debriefs?status=open', warehouse)).body as unknown as Array<{
      id: string;
    }>;
    expect(other).toHaveLength(1);
    const byManager = await call('POST', `/debriefs/${other[0]?.id}/complete`, manager, answer);
    expect(byManager.status).toBe(200);
  });

  test('the survey answer becomes the news the debrief carries', async () => {
    await insertSurvey(desk.database.db, {
      caseId: c.id,
      outcomeFair: 4,
      processFair: 4,
      treatedWell: 5,
      willStay: 'no',
      submittedAt: desk.clock.now(),
    });
    const d = await call('GET', `/debriefs/${debriefId}`, courierDesk);
    expect(d.body.customer).toMatchObject({ kept: false, willStay: 'no' });
    expect(d.body.customer.news).toMatch(/may leave/);
  });

  test('closing again after a reopen assigns only people who have none yet', async () => {
    const reopened = await call('POST', `/cases/${c.ref}/reopen`, owner, {
      reason: 'The new cover was the wrong colour.',
    });
    expect(reopened.status).toBe(200);
    expect(
      (
        await call('POST', `/cases/${c.ref}/involved-staff`, owner, {
          userId: bystander.user.id,
        })
      ).status,
    ).toBe(201);
    // Reopened before the job ran: nothing is assigned now.
    expect((await assignDebriefs(desk.system, c.id)).assigned).toBe(0);
    expect(
      (await call('POST', `/cases/${c.ref}/status`, owner, { status: 'resolved' })).status,
    ).toBe(200);
    const closed = await call('POST', `/cases/${c.ref}/close`, owner);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(debriefJobs(c.id)).toHaveLength(2);
    expect((await assignDebriefs(desk.system, c.id)).assigned).toBe(1);
    expect(await count('SELECT count(*) AS n FROM debriefs WHERE case_id = $1', [c.id])).toBe(3);
  });
});

describe('debrief completion for a period', () => {
  test('counts assigned and completed in the period, totals only, for managers', async () => {
    const today = desk.clock.now().toISOString().slice(0, 10);
    const tomorrow = new Date(desk.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const totals = await debriefCompletion(desk.database.db, {
      from: new Date(`${today}T00:00:00Z`),
      to: new Date(`${tomorrow}T00:00:00Z`),
    });
    expect(totals).toEqual({ assigned: 3, completed: 2, rate: 0.667 });
    const before = await debriefCompletion(desk.database.db, {
      from: new Date('2020-01-01T00:00:00Z'),
      to: new Date(`${today}T00:00:00Z`),
    });
    expect(before).toEqual({ assigned: 0, completed: 0, rate: null });

    const report = await call('GET', `/reports/debriefs?from=${today}&to=${tomorrow}`, manager);
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      from: today,
      to: tomorrow,
      assigned: 3,
      completed: 2,
      rate: 0.667,
    });
    expect(
      (await call('GET', `/reports/debriefs?from=${today}&to=${tomorrow}`, owner)).status,
    ).toBe(403);
    const backwards = await call('GET', `/reports/debriefs?from=${tomorrow}&to=${today}`, manager);
    expect(backwards.status).toBe(422);
  });
});
