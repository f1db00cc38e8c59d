import { describe, expect, test } from 'vitest';
import { nextDeadline, type DeadlineFacts } from './deadline.rules.ts';

const now = new Date('2026-11-23T12:00:00Z');
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const base: DeadlineFacts = {
  status: 'new',
  firstResponseAt: null,
  firstResponseDueAt: at('17:30'),
  resolutionDueAt: new Date('2026-11-30T17:30:00Z'),
  nextPromiseDueAt: null,
};
const HOUR = 3_600_000;

describe('the next deadline in the queue', () => {
  test.each<[string, Partial<DeadlineFacts>, string | null, string]>([
    ['first response pending, hours away', {}, 'first_response', 'on_track'],
    [
      'first response within the hour',
      { firstResponseDueAt: at('12:45') },
      'first_response',
      'at_risk',
    ],
    ['first response missed', { firstResponseDueAt: at('11:00') }, 'first_response', 'breached'],
    [
      'answered: the resolution is next',
      { firstResponseAt: at('10:00') },
      'resolution',
      'on_track',
    ],
    ['a promise due sooner wins', { nextPromiseDueAt: at('12:30') }, 'promise', 'at_risk'],
    [
      'a broken-by-now promise',
      { firstResponseAt: at('10:00'), nextPromiseDueAt: at('11:59') },
      'promise',
      'breached',
    ],
    ['waiting on the customer: clocks paused', { status: 'awaiting_customer' }, null, 'paused'],
    [
      'waiting, but a promise still runs',
      { status: 'awaiting_customer', nextPromiseDueAt: at('13:30') },
      'promise',
      'on_track',
    ],
    [
      'resolved and answered: nothing due',
      { status: 'resolved', firstResponseAt: at('10:00') },
      null,
      'none',
    ],
    ['closed: nothing due', { status: 'closed', nextPromiseDueAt: at('11:00') }, null, 'none'],
  ])('%s', (_name, facts, kind, state) => {
    const d = nextDeadline({ ...base, ...facts }, now, HOUR);
    expect(d.kind).toBe(kind);
    expect(d.state).toBe(state);
  });
});
