// Problems on real PostgreSQL: lifecycle, corrective actions, linking with the repeat-apology
// guard (R22), matching, and verification refused until recurrence fell.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getCase } from '../../src/core/cases/get-case.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { listNotifications } from '../../src/core/notifications/list-notifications.ts';
import { addCorrectiveAction } from '../../src/core/problems/add-corrective-action.ts';
import { changeProblemStatus } from '../../src/core/problems/change-problem-status.ts';
import { createProblem } from '../../src/core/problems/create-problem.ts';
import { getProblem } from '../../src/core/problems/get-problem.ts';
import { linkCaseToProblem } from '../../src/core/problems/link-case-to-problem.ts';
import { shipCorrectiveAction } from '../../src/core/problems/ship-corrective-action.ts';
import { suggestProblems } from '../../src/core/problems/suggest-problems.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { complaint, makeDesk, type Desk } from '../support/harness.ts';

let desk: Desk;
let agent: Actor;
let supervisor: Actor;
let manager: Actor;

beforeAll(async () => {
  desk = await makeDesk();
  agent = await desk.makeUser('agent', 'Sam Agent');
  supervisor = await desk.makeUser('supervisor', 'Ravi Supervisor');
  manager = await desk.makeUser('manager', 'Mo Manager');
});
afterAll(() => desk.close());

const as = (a: Actor) => desk.ctxFor(a);
const open = async (o: Record<string, unknown> = {}) =>
  (await openCase(as(agent), complaint(o))).case;
const customer = (name: string) => ({
  firstName: name,
  contacts: [{ kind: 'email', value: `${name.toLowerCase()}@example.com` }],
});
const problem = (title: string, o: Record<string, unknown> = {}) =>
  createProblem(as(manager), { title, ...o });
const problemEvents = async (id: string) =>
  (await getProblem(as(agent), id)).timeline.map((e) => e.type);
const caseEvents = async (id: string) => (await getCase(as(agent), id)).timeline.map((e) => e.type);

describe('creating and owning problems', () => {
  test('a manager creates a problem under investigation, with its 5 whys, on its timeline', async () => {
    const p = await problem('Sofas torn in transit', {
      category: 'supplier',
      analysis: 'Couriers stack sofas without corner guards.',
      whys: [{ why: 'Why torn?', answer: 'Stacked without guards.' }],
    });
    expect(p.status).toBe('investigating');
    expect(p.ownerId).toBe(manager.kind === 'user' ? manager.id : null);
    expect(await problemEvents(p.id)).toEqual(['problem_created']);
  });

  test('an agent may not create problems nor change them', async () => {
    await expect(createProblem(as(agent), { title: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const p = await problem('Agents cannot touch this');
    await expect(
      changeProblemStatus(as(agent), p.id, { status: 'known_error', workaround: 'w' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('a supervisor may manage problems', async () => {
    const p = await createProblem(as(supervisor), { title: 'Supervisor-found pattern' });
    expect(p.status).toBe('investigating');
  });
});

describe('lifecycle and corrective actions', () => {
  test('each step needs its evidence: workaround, a planned action, a shipped action', async () => {
    const p = await problem('Delivery slots overbooked');
    await expect(
      changeProblemStatus(as(manager), p.id, { status: 'known_error' }),
    ).rejects.toMatchObject({ code: 'precondition_failed', issues: [{ path: 'workaround' }] });
    await changeProblemStatus(as(manager), p.id, {
      status: 'known_error',
      workaround: 'Offer a Saturday slot by phone.',
    });
    await expect(
      changeProblemStatus(as(manager), p.id, { status: 'change_planned' }),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    const action = await addCorrectiveAction(as(manager), p.id, {
      what: 'Cap bookings per van at 12 a day',
      dueAt: '2026-12-15T17:00:00Z',
      customerFacingChange: 'We now limit each van to twelve deliveries a day.',
    });
    expect(action.status).toBe('planned');
    await changeProblemStatus(as(manager), p.id, { status: 'change_planned' });
    await expect(changeProblemStatus(as(manager), p.id, { status: 'fixed' })).rejects.toMatchObject(
      { code: 'precondition_failed' },
    );
    await shipCorrectiveAction(as(manager), action.id, {});
    await expect(shipCorrectiveAction(as(manager), action.id, {})).rejects.toMatchObject({
      code: 'conflict',
    });
    const { problem: fixed } = await changeProblemStatus(as(manager), p.id, { status: 'fixed' });
    expect(fixed.status).toBe('fixed');
    await expect(
      changeProblemStatus(as(manager), p.id, { status: 'investigating' }),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    expect(await problemEvents(p.id)).toEqual([
      'problem_created',
      'status_changed',
      'action_added',
      'status_changed',
      'action_shipped',
      'status_changed',
    ]);
  });

  test('a corrective action due in the past is refused', async () => {
    const p = await problem('Past due');
    await expect(
      addCorrectiveAction(as(manager), p.id, {
        what: 'x',
        dueAt: '2020-01-01T00:00:00Z',
        customerFacingChange: 'y',
      }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ path: 'dueAt' }] });
  });
});

describe('linking cases and the repeat-apology guard (R22)', () => {
  test('an agent links a case: the case timeline says problem_linked; linking twice is a no-op', async () => {
    const p = await problem('Torn cushions');
    const c = await open({ customer: customer('Ada') });
    const first = await linkCaseToProblem(as(agent), c.id, { problemId: p.id });
    expect(first.isNew).toBe(true);
    expect(first.link.isRepeatForCustomer).toBe(false);
    const again = await linkCaseToProblem(as(agent), c.reference, { problemId: p.id });
    expect(again.isNew).toBe(false);
    const events = await caseEvents(c.id);
    expect(events.filter((e) => e === 'problem_linked')).toHaveLength(1);
    expect(events).not.toContain('repeat_apology_risk');
  });

  test('the same customer on the same problem again is flagged, on the timeline, and supervisors are told', async () => {
    const p = await problem('Wrong colour delivered');
    const action = await addCorrectiveAction(as(manager), p.id, {
      what: 'Scan the colour code at packing',
      dueAt: '2026-12-20T17:00:00Z',
      customerFacingChange: 'Every sofa’s colour is now scanned before it leaves the warehouse.',
    });
    const earlier = await open({ customer: customer('Bea') });
    const other = await open({ customer: customer('Cy') });
    await linkCaseToProblem(as(agent), earlier.id, { problemId: p.id });
    const notRepeat = await linkCaseToProblem(as(agent), other.id, { problemId: p.id });
    expect(notRepeat.link.isRepeatForCustomer).toBe(false);

    const again = await open({ customer: customer('Bea') });
    expect(again.customerId).toBe(earlier.customerId);
    const link = await linkCaseToProblem(as(agent), again.id, { problemId: p.id });
    expect(link.link.isRepeatForCustomer).toBe(true);

    const view = await getCase(as(agent), again.id);
    expect(view.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['problem_linked', 'repeat_apology_risk']),
    );
    const risk = view.timeline.find((e) => e.type === 'repeat_apology_risk');
    expect(risk?.data).toMatchObject({ problemId: p.id, earlierCases: [earlier.reference] });
    expect(view.problems.isRepeatForCustomer).toBe(true);
    expect(view.problems.linked[0]).toMatchObject({
      problemId: p.id,
      title: 'Wrong colour delivered',
      isRepeatForCustomer: true,
      correctiveActions: [
        {
          id: action.id,
          customerFacingChange:
            'Every sofa’s colour is now scanned before it leaves the warehouse.',
        },
      ],
    });

    const alerts = await listNotifications(as(supervisor), false);
    expect(alerts.find((n) => n.caseId === again.id)).toMatchObject({
      kind: 'repeat_apology_risk',
      message: expect.stringContaining(earlier.reference) as unknown,
    });
    expect(await problemEvents(p.id)).toEqual(
      expect.arrayContaining(['case_linked', 'repeat_detected']),
    );
  });

  test('a closed case can still be linked; an unknown problem is not found', async () => {
    const c = await open({ customer: customer('Dee') });
    await expect(
      linkCaseToProblem(as(agent), c.id, { problemId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const n = await desk.database.pool.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'problem_linked'`,
      [c.id],
    );
    expect(n.rows[0].n).toBe(0);
  });
});

describe('matching', () => {
  test('suggests the problem whose cases and words match, best first, at most three', async () => {
    const late = await problem('Late delivery', { analysis: 'Vans leave the depot late.' });
    const broken = await problem('Broken legs on chairs', {
      analysis: 'Chair legs snap in transit.',
    });
    await problem('Billing double charge', { analysis: 'Card charged twice at checkout.' });
    await problem('Rude driver', { analysis: 'Drivers were rude at the door.' });
    for (const account of [
      'The van was five hours late and nobody called.',
      'My delivery arrived late again, the van never came in the morning slot.',
    ]) {
      const c = await open({ account, customer: customer(`Late${account.length}`) });
      await linkCaseToProblem(as(agent), c.id, { problemId: late.id });
    }
    const fresh = await open({
      account: 'Delivery was late, the van came six hours after the slot.',
      customer: customer('Eve'),
    });
    const suggestions = await suggestProblems(as(agent), fresh.id);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions[0]?.problemId).toBe(late.id);
    expect(suggestions[0]?.neighbours).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.problemId)).not.toContain(broken.id);

    // Once linked, it is no longer suggested for that case.
    await linkCaseToProblem(as(agent), fresh.id, { problemId: late.id });
    const after = await suggestProblems(as(agent), fresh.id);
    expect(after.map((s) => s.problemId)).not.toContain(late.id);
  });

  test('the category of the case counts', async () => {
    const p = await problem('Warehouse mislabels', { category: 'warehouse-labels' });
    const c = await open({
      category: 'warehouse-labels',
      subject: 'Label',
      account: 'Nothing in common here.',
    });
    const suggestions = await suggestProblems(as(agent), c.id);
    expect(suggestions.find((s) => s.problemId === p.id)?.isCategoryMatch).toBe(true);
  });
});

describe('verified only when recurrence fell', () => {
  test('refused with the numbers while recurrence has not fallen, allowed once it has', async () => {
    desk.clock.set('2026-11-02T09:00:00Z');
    const p = await problem('Assembly instructions missing');
    // Three cases a week for the four weeks before the fix (W41–W44 of 2026).
    for (const monday of ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']) {
      for (let i = 0; i < 3; i++) {
        const c = await open({
          receivedAt: `${monday}T1${i}:00:00Z`,
          customer: customer(`Asm${monday}${i}`),
        });
        await linkCaseToProblem(as(agent), c.id, { problemId: p.id });
      }
    }
    const action = await addCorrectiveAction(as(manager), p.id, {
      what: 'Tape the instructions inside the box lid',
      dueAt: '2026-11-04T17:00:00Z',
      customerFacingChange: 'Instructions are now taped inside the lid of every box.',
    });
    await changeProblemStatus(as(manager), p.id, { status: 'change_planned' });
    desk.clock.set('2026-11-04T12:00:00Z');
    await shipCorrectiveAction(as(manager), action.id, {});
    await changeProblemStatus(as(manager), p.id, { status: 'fixed' });

    // Too soon: one full week after the ship week.
    desk.clock.set('2026-11-17T09:00:00Z');
    await expect(
      changeProblemStatus(as(manager), p.id, { status: 'verified' }),
    ).rejects.toMatchObject({ code: 'precondition_failed', message: /Too soon/ });

    // Two weeks after, still three a week: refused, with the numbers.
    for (const at of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-16', '2026-11-17']) {
      desk.clock.set(`${at}T09:30:00Z`);
      const c = await open({ receivedAt: `${at}T09:00:00Z`, customer: customer(`Again${at}`) });
      await linkCaseToProblem(as(agent), c.id, { problemId: p.id });
    }
    desk.clock.set('2026-11-18T10:00:00Z');
    const c = await open({ customer: customer('Last') });
    await linkCaseToProblem(as(agent), c.id, { problemId: p.id });
    desk.clock.set('2026-11-23T09:00:00Z');
    const refused = await changeProblemStatus(as(manager), p.id, { status: 'verified' }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      code: 'precondition_failed',
      message: 'Recurrence did not fall: 3 linked cases a week before the fix, 3 after.',
      details: { recurrence: { meanBefore: 3, meanAfter: 3, hasFallen: false } },
    });

    // Two quiet weeks later the four-week mean after is 1.5 < 3: verified.
    desk.clock.set('2026-12-07T09:00:00Z');
    const { problem: verified, recurrence } = await changeProblemStatus(as(manager), p.id, {
      status: 'verified',
    });
    expect(verified.status).toBe('verified');
    expect(recurrence).toMatchObject({ meanBefore: 3, meanAfter: 1.5, hasFallen: true });
    const view = await getProblem(as(agent), p.id);
    expect(view.linkedCases).toBe(18);
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'status_changed',
      data: { from: 'fixed', to: 'verified' },
    });
  });
});
