// A corrective action's due date on the promise clock (R11, R21): a reminder queued before it is
// due and an overdue check at it; each fires once, not early, and not for a shipped action.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addCorrectiveAction } from '../../src/core/problems/add-corrective-action.ts';
import {
  escalateCorrectiveAction,
  remindCorrectiveAction,
} from '../../src/core/problems/corrective-action-jobs.ts';
import { createProblem } from '../../src/core/problems/create-problem.ts';
import { getProblem } from '../../src/core/problems/get-problem.ts';
import { shipCorrectiveAction } from '../../src/core/problems/ship-corrective-action.ts';
import { listNotifications } from '../../src/core/notifications/list-notifications.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { makeDesk, type Desk, type SentJob } from '../support/harness.ts';

let desk: Desk;
let supervisor: Actor;
let manager: Actor;

beforeAll(async () => {
  desk = await makeDesk();
  supervisor = await desk.makeUser('supervisor', 'Ravi Supervisor');
  manager = await desk.makeUser('manager', 'Mo Manager');
});
afterAll(() => desk.close());

const as = (a: Actor) => desk.ctxFor(a);
const jobs = () => (desk.jobs as unknown as { sent: SentJob[] }).sent;
const notes = async (a: Actor, kind: string) =>
  (await listNotifications(as(a), false)).filter((n) => n.kind === kind);

test('reminded once before due, escalated once when overdue, never early', async () => {
  const problem = await createProblem(as(supervisor), { title: 'Parcels left in the rain' });
  const dueAt = new Date(desk.clock.now().getTime() + 3 * 3_600_000);
  const action = await addCorrectiveAction(as(supervisor), problem.id, {
    what: 'Couriers must use the safe place or bring the parcel back',
    dueAt: dueAt.toISOString(),
    customerFacingChange: 'Couriers now leave parcels only in a dry safe place.',
  });
  const queued = jobs().filter((j) => (j.data as { actionId?: string }).actionId === action.id);
  expect(queued.map((j) => [j.name, j.startAfter?.toISOString()])).toEqual([
    ['corrective-action-reminder', new Date(dueAt.getTime() - 60 * 60_000).toISOString()],
    ['corrective-action-due', dueAt.toISOString()],
  ]);

  expect(await remindCorrectiveAction(desk.system, action.id)).toBe('fired');
  expect(await remindCorrectiveAction(desk.system, action.id)).toBe('duplicate');
  expect(await notes(supervisor, 'corrective_action_reminder')).toHaveLength(1);

  expect(await escalateCorrectiveAction(desk.system, action.id)).toBe('not_needed'); // early
  desk.clock.advance(3 * 3_600_000);
  expect(await escalateCorrectiveAction(desk.system, action.id)).toBe('fired');
  expect(await escalateCorrectiveAction(desk.system, action.id)).toBe('duplicate');
  const overdue = await notes(supervisor, 'corrective_action_overdue');
  expect(overdue).toHaveLength(1);
  expect(overdue[0]!.message).toContain('Parcels left in the rain');
  expect(await notes(manager, 'corrective_action_overdue')).toHaveLength(1);
  const types = (await getProblem(as(manager), problem.id)).timeline.map((e) => e.type);
  expect(types.filter((t) => t === 'action_reminder')).toHaveLength(1);
  expect(types.filter((t) => t === 'action_overdue')).toHaveLength(1);
});

test('a shipped action is neither reminded nor escalated; unknown ids are ignored', async () => {
  const problem = await createProblem(as(manager), { title: 'Wrong sizes sent' });
  const dueAt = new Date(desk.clock.now().getTime() + 2 * 3_600_000);
  const action = await addCorrectiveAction(as(manager), problem.id, {
    what: 'Scan the size label at packing',
    dueAt: dueAt.toISOString(),
    customerFacingChange: 'Every parcel is now checked for size before it leaves.',
  });
  await shipCorrectiveAction(as(manager), action.id, {});
  desk.clock.advance(3 * 3_600_000);
  expect(await remindCorrectiveAction(desk.system, action.id)).toBe('not_needed');
  expect(await escalateCorrectiveAction(desk.system, action.id)).toBe('not_needed');
  expect(await escalateCorrectiveAction(desk.system, '00000000-0000-4000-8000-000000000000')).toBe(
    'not_needed',
  );
  expect(await remindCorrectiveAction(desk.system, 'not-a-uuid')).toBe('not_needed');
});
