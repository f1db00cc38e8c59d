// Core actions on real PostgreSQL: each change and its timeline event commit together, and the
// rules (ownership, pauses, verdicts, approvals, promises, SLA checks) hold.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acknowledgeCase } from '../../src/core/cases/acknowledge-case.ts';
import { changeStatus, reopenCase } from '../../src/core/cases/change-status.ts';
import { checkSla } from '../../src/core/cases/check-sla.ts';
import { closeCase } from '../../src/core/cases/close-case.ts';
import { getCase } from '../../src/core/cases/get-case.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { recordReply } from '../../src/core/cases/record-reply.ts';
import { transferCase } from '../../src/core/cases/transfer-case.ts';
import { makePromise } from '../../src/core/promises/make-promise.ts';
import { expirePromise, remindPromise } from '../../src/core/promises/promise-jobs.ts';
import { settlePromise } from '../../src/core/promises/settle-promise.ts';
import { promiseReport } from '../../src/core/reports/promise-report.ts';
import { chooseOption } from '../../src/core/resolutions/choose-option.ts';
import { deliverResolution } from '../../src/core/resolutions/deliver-resolution.ts';
import { offerSolutions } from '../../src/core/resolutions/offer-solutions.ts';
import { recordVerdict } from '../../src/core/resolutions/record-verdict.ts';
import { decideApproval } from '../../src/core/restitution/decide-approval.ts';
import { grantRestitution } from '../../src/core/restitution/grant-restitution.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { complaint, makeDesk, recordingJobs, type Desk } from '../support/harness.ts';

let desk: Desk;
const jobs = recordingJobs();
let agent: Actor;
let other: Actor;
let supervisor: Actor;

beforeAll(async () => {
  desk = await makeDesk({ jobs });
  agent = await desk.makeUser('agent', 'Sam Agent');
  other = await desk.makeUser('agent', 'Lee Agent');
  supervisor = await desk.makeUser('supervisor', 'Ravi Supervisor');
});
afterAll(() => desk.close());

const as = (a: Actor) => desk.ctxFor(a);
const open = async (o: Record<string, unknown> = {}) =>
  (await openCase(as(agent), complaint(o))).case;
const events = async (caseId: string) =>
  (await getCase(as(agent), caseId)).timeline.map((e) => e.type);
const countRows = async (table: string) =>
  Number((await desk.database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

describe('opening a case', () => {
  test('fixes the SLA due time from the business calendar (Monday 10:00 London → 17:30 same day)', async () => {
    desk.clock.set('2026-11-23T10:00:00Z');
    const c = await open({ receivedAt: '2026-11-23T10:00:00Z' });
    expect(c.firstResponseDueAt?.toISOString()).toBe('2026-11-23T17:30:00.000Z');
    expect(c.ownerId).toBe(agent.kind === 'user' ? agent.id : null);
  });

  test('after the cut-off the first response is due at the next business day’s close', async () => {
    desk.clock.set('2026-11-27T16:30:00Z'); // a Friday, after the 16:00 cut-off
    const c = await open({ receivedAt: '2026-11-27T16:30:00Z' });
    expect(c.firstResponseDueAt?.toISOString()).toBe('2026-11-30T17:30:00.000Z');
  });

  test('two concurrent submissions with one Idempotency-Key make one case', async () => {
    const before = await countRows('cases');
    const results = await Promise.allSettled([
      openCase(as(agent), complaint(), { idempotencyKey: 'same-key' }),
      openCase(as(agent), complaint(), { idempotencyKey: 'same-key' }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(await countRows('cases')).toBe(before + 1);
  });

  test('a refused change writes nothing, not even its timeline event', async () => {
    const c = await open();
    const before = await countRows('case_events');
    await expect(closeCase(as(agent), c.id)).rejects.toMatchObject({ code: 'precondition_failed' });
    expect(await countRows('case_events')).toBe(before);
  });
});

describe('ownership', () => {
  test('a transfer needs a reason and lands on the timeline', async () => {
    const c = await open();
    const moved = await transferCase(as(agent), c.id, {
      toUserId: other.kind === 'user' ? other.id : '',
      reason: 'Lee handles furniture',
    });
    expect(moved.ownerId).toBe(other.kind === 'user' ? other.id : null);
    const view = await getCase(as(agent), c.id);
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'owner_transferred',
      data: { reason: 'Lee handles furniture' },
    });
    await expect(
      transferCase(as(agent), c.id, { toUserId: other.kind === 'user' ? other.id : '' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  test('an agent cannot take another agent’s case; a supervisor can move it', async () => {
    const c = (await openCase(as(other), complaint())).case;
    const target = agent.kind === 'user' ? agent.id : '';
    await expect(
      transferCase(as(agent), c.id, { toUserId: target, reason: 'mine now' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      transferCase(as(supervisor), c.id, { toUserId: target, reason: 'Lee is away' }),
    ).resolves.toMatchObject({ ownerId: target });
  });
});

describe('SLA clocks', () => {
  test('waiting on the customer pauses the clock and moves the due time', async () => {
    desk.clock.set('2026-11-23T10:00:00Z');
    const c = await open({ receivedAt: '2026-11-23T10:00:00Z' });
    desk.clock.set('2026-11-23T11:00:00Z');
    await changeStatus(as(agent), c.id, { status: 'awaiting_customer' });
    expect((await getCase(as(agent), c.id)).clocks.firstResponse.status).toBe('paused');
    desk.clock.set('2026-11-23T13:00:00Z');
    const resumed = await changeStatus(as(agent), c.id, { status: 'in_progress' });
    // Two business hours paused: due moves from 17:30 Monday by two business hours, to 11:00 Tuesday.
    expect(resumed.firstResponseDueAt?.toISOString()).toBe('2026-11-24T11:00:00.000Z');
  });

  test('a breach check fires once, and not at all once the customer was answered', async () => {
    desk.clock.set('2026-11-23T10:00:00Z');
    const late = await open({ receivedAt: '2026-11-23T10:00:00Z' });
    const answered = await open({ receivedAt: '2026-11-23T10:00:00Z' });
    await recordReply(as(agent), answered.id, { body: 'Hello Priya, I am on it.' });
    desk.clock.set('2026-11-23T18:00:00Z');
    const system = desk.system;
    expect(
      await checkSla(system, { caseId: late.id, clock: 'first_response', stage: 'breach' }),
    ).toBe('fired');
    expect(
      await checkSla(system, { caseId: late.id, clock: 'first_response', stage: 'breach' }),
    ).toBe('duplicate');
    expect(
      await checkSla(system, { caseId: answered.id, clock: 'first_response', stage: 'breach' }),
    ).toBe('not_needed');
    expect((await events(late.id)).filter((t) => t === 'sla_breached')).toHaveLength(1);
  });

  test('the acknowledgement is written once and does not count as the first response', async () => {
    const c = await open();
    expect((await acknowledgeCase(desk.system, c.id)).isNew).toBe(true);
    expect((await acknowledgeCase(desk.system, c.id)).isNew).toBe(false);
    const view = await getCase(as(agent), c.id);
    expect(view.messages.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1);
    expect(view.messages[0]?.body).toContain(c.reference);
    expect(view.case.firstResponseAt).toBeNull();
  });
});

describe('resolutions and restitution', () => {
  test('falls short reopens the negotiation', async () => {
    const c = await open();
    const { options } = await offerSolutions(as(agent), c.id, { options: ['Replace the cushion'] });
    await chooseOption(as(agent), c.id, { optionId: options[0]?.id });
    await deliverResolution(as(agent), c.id);
    const after = await recordVerdict(as(agent), c.id, {
      verdict: 'falls_short',
      note: 'The colour does not match',
    });
    expect(after.status).toBe('in_progress');
    const view = await getCase(as(agent), c.id);
    expect(view.options.some((o) => o.isChosen)).toBe(false);
    expect(view.closure.missing.map((m) => m.code)).toContain('verdict');
  });

  test('approval: agents cannot decide, supervisors decide with a reason, within their own authority', async () => {
    const c = await open();
    const big = await grantRestitution(as(agent), c.id, { kind: 'refund', amount: '600' });
    expect(big.needsApproval).toBe(true);
    await expect(
      decideApproval(as(agent), big.restitution.id, { approve: true, reason: 'ok' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      decideApproval(as(supervisor), big.restitution.id, { approve: true, reason: 'ok' }),
    ).rejects.toMatchObject({ code: 'limit_exceeded' });
    const declined = await decideApproval(as(supervisor), big.restitution.id, {
      approve: false,
      reason: 'A replacement is on its way',
    });
    expect(declined).toMatchObject({
      status: 'declined',
      decisionReason: 'A replacement is on its way',
    });
    const small = await grantRestitution(as(agent), c.id, { kind: 'credit', amount: '30' });
    expect(small).toMatchObject({ needsApproval: false, remaining: '20.00' });
    expect((await getCase(as(agent), c.id)).authority).toMatchObject({
      givenOnCase: '30.00',
      remaining: '20.00',
    });
  });
});

describe('promises', () => {
  test('a reminder fires once; a promise nobody kept is broken and escalated at its due time', async () => {
    desk.clock.set('2026-11-23T10:00:00Z');
    const c = await open();
    const p = await makePromise(as(agent), c.id, {
      what: 'Call Priya back with a delivery slot',
      dueAt: '2026-11-23T16:00:00Z',
    });
    const queued = (
      desk.jobs as unknown as { sent: Array<{ name: string; data: { promiseId?: string } }> }
    ).sent.filter((j) => j.data.promiseId === p.id);
    expect(queued.map((j) => j.name).sort()).toEqual(['promise-due', 'promise-reminder']);
    expect(await remindPromise(desk.system, p.id)).toBe('fired');
    expect(await remindPromise(desk.system, p.id)).toBe('duplicate');
    expect(await expirePromise(desk.system, p.id)).toBe('not_needed'); // not yet due
    desk.clock.set('2026-11-23T16:00:01Z');
    expect(await expirePromise(desk.system, p.id)).toBe('fired');
    const view = await getCase(as(agent), c.id);
    expect(view.promises[0]?.status).toBe('broken');
    const alerts = await desk.database.pool.query(
      `SELECT * FROM notifications WHERE kind = 'promise_broken' AND case_id = $1`,
      [c.id],
    );
    expect(alerts.rows).toHaveLength(1);
    expect(alerts.rows[0].role).toBe('supervisor');
  });

  test('a kept promise is never escalated', async () => {
    desk.clock.set('2026-11-23T10:00:00Z');
    const c = await open();
    const p = await makePromise(as(agent), c.id, {
      what: 'Email the tracking link',
      dueAt: '2026-11-23T12:00:00Z',
    });
    await settlePromise(as(agent), p.id, { outcome: 'kept' });
    desk.clock.set('2026-11-23T13:00:00Z');
    expect(await expirePromise(desk.system, p.id)).toBe('not_needed');
    await expect(
      makePromise(as(agent), c.id, { what: 'Too late', dueAt: '2026-11-23T12:00:00Z' }),
    ).rejects.toMatchObject({ code: 'validation' });
    // One kept here, one broken in the test above: the kept rate is a half.
    expect(await promiseReport(as(agent))).toMatchObject({ kept: 1, broken: 1, keptRate: 0.5 });
  });
});

describe('reopening', () => {
  test('only a resolved or closed case reopens, with its reason on the timeline', async () => {
    const c = await open();
    await expect(reopenCase(as(agent), c.id, { reason: 'x' })).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    const { options } = await offerSolutions(as(agent), c.id, { options: ['Send a new cushion'] });
    await chooseOption(as(agent), c.id, { optionId: options[0]?.id });
    expect((await deliverResolution(as(agent), c.id)).status).toBe('resolved');
    const reopened = await reopenCase(as(agent), c.id, { reason: 'The new cushion is torn too' });
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect((await getCase(as(agent), c.id)).timeline.at(-1)).toMatchObject({
      type: 'reopened',
      data: { reason: 'The new cushion is torn too' },
    });
  });
});
