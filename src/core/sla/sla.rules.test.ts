import { describe, expect, test } from 'vitest';
import type { BusinessCalendar } from './calendar.rules.ts';
import { DEFAULT_CALENDAR } from './calendar.rules.ts';
import type { ClockState, ClockTarget, Pause, SlaPolicy } from './sla.rules.ts';
import { DEFAULT_SLA_POLICY, clockState, dueAt, dueSoon, selectTargets } from './sla.rules.ts';

// Instants in UTC; London is GMT in January, BST (UTC+1) from 2026-03-29 to 2026-10-25.
const d = (iso: string) => new Date(iso);
const MIN = 60_000;

const london = DEFAULT_CALENDAR;
const christmas: BusinessCalendar = { ...london, holidays: ['2026-12-25', '2026-12-28'] };
const earlyClose: BusinessCalendar = {
  ...london,
  closures: [{ from: '2026-01-05T15:00:00Z', to: '2026-01-05T17:30:00Z' }],
};
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((k) => [
      k,
      [{ start: '09:00', end: '17:00' }],
    ]),
  ),
  holidays: [],
  closures: [],
};
const nightLondon: BusinessCalendar = {
  timeZone: 'Europe/London',
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((k) => [
      k,
      [{ start: '00:00', end: '04:00' }],
    ]),
  ),
  holidays: [],
  closures: [],
};

const sameDay: ClockTarget = { kind: 'same_business_day', cutoff: '16:00' };
const business = (minutes: number): ClockTarget => ({ kind: 'business_minutes', minutes });
const calendar = (minutes: number): ClockTarget => ({ kind: 'calendar_minutes', minutes });

test('default policy', () => {
  expect(DEFAULT_SLA_POLICY).toEqual({
    firstResponse: { kind: 'same_business_day', cutoff: '16:00' },
    resolution: { kind: 'business_minutes', minutes: 2550 },
    overrides: [],
    pauseWhileAwaitingCustomer: true,
  });
});

describe('selectTargets', () => {
  const policy: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    overrides: [
      { channel: 'social', firstResponse: calendar(60) },
      { severity: 'high', firstResponse: business(120), resolution: business(1020) },
      { channel: 'social', severity: 'high', firstResponse: calendar(30) },
      { channel: 'email', resolution: calendar(10_080) },
      { severity: 'high', firstResponse: business(1) }, // same rank as an earlier one: loses
      { firstResponse: calendar(5) }, // names neither: ignored
    ],
  };
  const base = DEFAULT_SLA_POLICY;
  test.each([
    {
      name: 'no match: base',
      channel: 'phone',
      severity: 'low',
      fr: base.firstResponse,
      res: base.resolution,
    },
    {
      name: 'channel only',
      channel: 'social',
      severity: 'low',
      fr: calendar(60),
      res: base.resolution,
    },
    {
      name: 'channel sets only resolution',
      channel: 'email',
      severity: 'low',
      fr: base.firstResponse,
      res: calendar(10_080),
    },
    {
      name: 'severity beats channel',
      channel: 'email',
      severity: 'high',
      fr: business(120),
      res: business(1020),
    },
    {
      name: 'both beat severity, per clock',
      channel: 'social',
      severity: 'high',
      fr: calendar(30),
      res: business(1020),
    },
    {
      name: 'severity only',
      channel: 'phone',
      severity: 'high',
      fr: business(120),
      res: business(1020),
    },
  ])('$name', ({ channel, severity, fr, res }) => {
    expect(selectTargets(policy, { channel, severity })).toEqual({
      firstResponse: fr,
      resolution: res,
    });
  });
});

describe('dueAt', () => {
  test.each([
    {
      name: 'morning: close today',
      cal: london,
      at: '2026-01-05T10:00:00Z',
      want: '2026-01-05T17:30:00Z',
    },
    {
      name: 'before opening: close today',
      cal: london,
      at: '2026-01-05T07:00:00Z',
      want: '2026-01-05T17:30:00Z',
    },
    {
      name: 'a minute before cut-off',
      cal: london,
      at: '2026-01-05T15:59:00Z',
      want: '2026-01-05T17:30:00Z',
    },
    {
      name: 'at the cut-off: next day',
      cal: london,
      at: '2026-01-05T16:00:00Z',
      want: '2026-01-06T17:30:00Z',
    },
    {
      name: 'after cut-off, still open',
      cal: london,
      at: '2026-01-05T17:00:00Z',
      want: '2026-01-06T17:30:00Z',
    },
    { name: 'after hours', cal: london, at: '2026-01-05T20:00:00Z', want: '2026-01-06T17:30:00Z' },
    {
      name: 'just after midnight',
      cal: london,
      at: '2026-01-06T00:05:00Z',
      want: '2026-01-06T17:30:00Z',
    },
    {
      name: 'Friday after cut-off: Monday',
      cal: london,
      at: '2026-01-09T16:30:00Z',
      want: '2026-01-12T17:30:00Z',
    },
    {
      name: 'Saturday morning: Monday',
      cal: london,
      at: '2026-01-10T10:00:00Z',
      want: '2026-01-12T17:30:00Z',
    },
    {
      name: 'Sunday evening: Monday',
      cal: london,
      at: '2026-01-11T20:00:00Z',
      want: '2026-01-12T17:30:00Z',
    },
    {
      name: 'Christmas Eve late: after holidays',
      cal: christmas,
      at: '2026-12-24T16:30:00Z',
      want: '2026-12-29T17:30:00Z',
    },
    {
      name: 'on a holiday morning',
      cal: christmas,
      at: '2026-12-25T10:00:00Z',
      want: '2026-12-29T17:30:00Z',
    },
    {
      name: 'BST 15:30 is before cut-off',
      cal: london,
      at: '2026-07-06T14:30:00Z',
      want: '2026-07-06T16:30:00Z',
    },
    {
      name: 'BST 16:00 is the cut-off',
      cal: london,
      at: '2026-07-06T15:00:00Z',
      want: '2026-07-07T16:30:00Z',
    },
    {
      name: 'Friday late before spring forward',
      cal: london,
      at: '2026-03-27T16:30:00Z',
      want: '2026-03-30T16:30:00Z',
    },
    {
      name: 'on the spring-forward Sunday',
      cal: london,
      at: '2026-03-29T01:30:00Z',
      want: '2026-03-30T16:30:00Z',
    },
    {
      name: 'on the fall-back Sunday',
      cal: london,
      at: '2026-10-25T01:30:00Z',
      want: '2026-10-26T17:30:00Z',
    },
    {
      name: 'closure brings the close forward',
      cal: earlyClose,
      at: '2026-01-05T10:00:00Z',
      want: '2026-01-05T15:00:00Z',
    },
    {
      name: 'received during closure',
      cal: earlyClose,
      at: '2026-01-05T15:30:00Z',
      want: '2026-01-06T17:30:00Z',
    },
    {
      name: 'NY Sunday of spring forward',
      cal: newYork,
      at: '2026-03-08T15:00:00Z',
      want: '2026-03-09T21:00:00Z',
    },
    {
      name: 'NY Friday late before fall back',
      cal: newYork,
      at: '2026-10-30T20:30:00Z',
      want: '2026-11-02T22:00:00Z',
    },
  ])('same business day: $name', ({ cal, at, want }) => {
    expect(dueAt(cal, sameDay, d(at)).toISOString()).toBe(d(want).toISOString());
  });

  test.each([
    // 00:00–04:00 every day; on 2026-03-29 that window is 00:00Z–03:00Z, on 03-30 23:00Z–03:00Z.
    {
      name: 'before cut-off in a DST-shortened window',
      at: '2026-03-29T00:30:00Z',
      want: '2026-03-29T03:00:00Z',
    },
    { name: 'after cut-off (03:10 BST)', at: '2026-03-29T02:10:00Z', want: '2026-03-30T03:00:00Z' },
    {
      name: '02:30 BST is before a 03:00 cut-off',
      at: '2026-03-29T01:30:00Z',
      want: '2026-03-29T03:00:00Z',
    },
  ])('cut-off inside a DST window: $name', ({ at, want }) => {
    const target: ClockTarget = { kind: 'same_business_day', cutoff: '03:00' };
    expect(dueAt(nightLondon, target, d(at)).toISOString()).toBe(d(want).toISOString());
  });

  test.each([
    {
      name: 'business minutes',
      target: business(60),
      at: '2026-01-09T17:00:00Z',
      want: '2026-01-12T09:30:00Z',
    },
    {
      name: 'business minutes over spring forward',
      target: business(60),
      at: '2026-03-27T17:00:00Z',
      want: '2026-03-30T08:30:00Z',
    },
    {
      name: 'calendar minutes ignore hours',
      target: calendar(60),
      at: '2026-01-09T17:00:00Z',
      want: '2026-01-09T18:00:00Z',
    },
    {
      name: 'calendar minutes over spring forward',
      target: calendar(120),
      at: '2026-03-29T00:30:00Z',
      want: '2026-03-29T02:30:00Z',
    },
  ])('$name', ({ target, at, want }) => {
    expect(dueAt(london, target, d(at)).toISOString()).toBe(d(want).toISOString());
  });

  test.each([
    { name: 'negative minutes', target: business(-5) },
    { name: 'NaN calendar minutes', target: calendar(Number.NaN) },
    { name: 'bad cut-off', target: { kind: 'same_business_day', cutoff: '4pm' } as ClockTarget },
  ])('rejects $name', ({ target }) => {
    expect(() => dueAt(london, target, d('2026-01-05T10:00:00Z'))).toThrow(RangeError);
  });
});

describe('clockState', () => {
  const p = (from: string, to: string | null): Pause => ({
    from: d(from),
    to: to === null ? null : d(to),
  });
  const MON = '2026-01-05T';
  const TUE = '2026-01-06T';
  type Row = {
    name: string;
    target?: ClockTarget;
    start?: string;
    pauses?: Pause[];
    stopped?: string;
    now: string;
    want: {
      status: ClockState['status'];
      due: string | null;
      remainingMin: number | null;
      breached?: string;
    };
  };
  test.each<Row>([
    {
      name: 'running',
      now: `${MON}09:30:00Z`,
      want: { status: 'running', due: `${MON}10:00:00Z`, remainingMin: 30 },
    },
    {
      name: 'exactly due is still running',
      now: `${MON}10:00:00Z`,
      want: { status: 'running', due: `${MON}10:00:00Z`, remainingMin: 0 },
    },
    {
      name: 'overdue',
      now: `${MON}10:01:00Z`,
      want: {
        status: 'breached',
        due: `${MON}10:00:00Z`,
        remainingMin: -1,
        breached: `${MON}10:00:00Z`,
      },
    },
    {
      name: 'met',
      stopped: `${MON}09:59:00Z`,
      now: `${MON}12:00:00Z`,
      want: { status: 'met', due: `${MON}10:00:00Z`, remainingMin: 1 },
    },
    {
      name: 'met exactly at due',
      stopped: `${MON}10:00:00Z`,
      now: `${MON}12:00:00Z`,
      want: { status: 'met', due: `${MON}10:00:00Z`, remainingMin: 0 },
    },
    {
      name: 'stopped late',
      stopped: `${MON}10:30:00Z`,
      now: `${MON}12:00:00Z`,
      want: {
        status: 'breached',
        due: `${MON}10:00:00Z`,
        remainingMin: -30,
        breached: `${MON}10:00:00Z`,
      },
    },
    {
      name: 'stop after now not yet happened',
      stopped: `${MON}10:30:00Z`,
      now: `${MON}09:45:00Z`,
      want: { status: 'running', due: `${MON}10:00:00Z`, remainingMin: 15 },
    },
    {
      name: 'closed pause pushes due',
      pauses: [p(`${MON}09:30:00Z`, `${MON}09:45:00Z`)],
      now: `${MON}09:50:00Z`,
      want: { status: 'running', due: `${MON}10:15:00Z`, remainingMin: 25 },
    },
    {
      name: 'open pause',
      pauses: [p(`${MON}09:30:00Z`, null)],
      now: `${MON}11:00:00Z`,
      want: { status: 'paused', due: null, remainingMin: null },
    },
    {
      name: 'pause ending after now is still open',
      pauses: [p(`${MON}09:30:00Z`, `${MON}12:00:00Z`)],
      now: `${MON}11:00:00Z`,
      want: { status: 'paused', due: null, remainingMin: null },
    },
    {
      name: 'pause starting after now ignored',
      pauses: [p(`${MON}11:00:00Z`, null)],
      now: `${MON}09:30:00Z`,
      want: { status: 'running', due: `${MON}10:00:00Z`, remainingMin: 30 },
    },
    {
      name: 'pause after breach does not hide it',
      pauses: [p(`${MON}10:30:00Z`, null)],
      now: `${MON}11:00:00Z`,
      want: {
        status: 'breached',
        due: `${MON}10:00:00Z`,
        remainingMin: -60,
        breached: `${MON}10:00:00Z`,
      },
    },
    {
      name: 'overlapping unsorted pauses merge',
      pauses: [p(`${MON}09:40:00Z`, `${MON}09:50:00Z`), p(`${MON}09:30:00Z`, `${MON}09:45:00Z`)],
      now: `${MON}09:55:00Z`,
      want: { status: 'running', due: `${MON}10:20:00Z`, remainingMin: 25 },
    },
    {
      name: 'pause begun before start is clipped',
      pauses: [p(`${MON}08:00:00Z`, `${MON}09:15:00Z`)],
      now: `${MON}09:30:00Z`,
      want: { status: 'running', due: `${MON}10:15:00Z`, remainingMin: 45 },
    },
    {
      name: 'inverted and empty pauses dropped',
      pauses: [p(`${MON}09:30:00Z`, `${MON}09:20:00Z`), p(`${MON}09:40:00Z`, `${MON}09:40:00Z`)],
      now: `${MON}09:50:00Z`,
      want: { status: 'running', due: `${MON}10:00:00Z`, remainingMin: 10 },
    },
    {
      name: 'stopped while paused',
      pauses: [p(`${MON}09:30:00Z`, null)],
      stopped: `${MON}11:00:00Z`,
      now: `${MON}12:00:00Z`,
      want: { status: 'met', due: `${MON}11:30:00Z`, remainingMin: 30 },
    },
    {
      name: 'business pause over night counts only open time',
      start: `${MON}16:30:00Z`,
      pauses: [p(`${MON}17:00:00Z`, `${TUE}10:00:00Z`)],
      now: `${TUE}10:10:00Z`,
      want: { status: 'running', due: `${TUE}10:30:00Z`, remainingMin: 20 },
    },
    {
      name: 'business pause while closed changes nothing',
      start: `${MON}17:00:00Z`,
      pauses: [p(`${MON}18:00:00Z`, `${TUE}08:00:00Z`)],
      now: `${TUE}09:00:00Z`,
      want: { status: 'running', due: `${TUE}09:30:00Z`, remainingMin: 30 },
    },
    {
      name: 'calendar pause counts wall time',
      target: calendar(60),
      start: `${MON}17:30:00Z`,
      pauses: [p(`${MON}18:00:00Z`, `${MON}19:00:00Z`)],
      now: `${MON}19:00:00Z`,
      want: { status: 'running', due: `${MON}19:30:00Z`, remainingMin: 30 },
    },
    {
      name: 'same day: pause pushes past close',
      target: sameDay,
      start: `${MON}10:00:00Z`,
      pauses: [p(`${MON}11:00:00Z`, `${MON}12:00:00Z`)],
      now: `${MON}12:30:00Z`,
      want: { status: 'running', due: `${TUE}10:00:00Z`, remainingMin: 1290 },
    },
    {
      name: 'same day: no pause',
      target: sameDay,
      start: `${MON}10:00:00Z`,
      now: `${MON}18:00:00Z`,
      want: {
        status: 'breached',
        due: `${MON}17:30:00Z`,
        remainingMin: -30,
        breached: `${MON}17:30:00Z`,
      },
    },
    {
      name: 'same day: weekend start met Monday',
      target: sameDay,
      start: '2026-01-10T11:00:00Z',
      stopped: '2026-01-12T09:05:00Z',
      now: '2026-01-12T12:00:00Z',
      want: { status: 'met', due: '2026-01-12T17:30:00Z', remainingMin: 505 },
    },
    {
      name: 'pause over the spring-forward weekend',
      target: business(120),
      start: '2026-03-27T17:00:00Z',
      pauses: [p('2026-03-27T17:10:00Z', '2026-03-30T08:30:00Z')],
      now: '2026-03-30T09:00:00Z',
      want: { status: 'running', due: '2026-03-30T10:20:00Z', remainingMin: 80 },
    },
  ])('$name', ({ target, start, pauses, stopped, now, want }) => {
    const state = clockState({
      cal: london,
      target: target ?? business(60),
      startedAt: d(start ?? `${MON}09:00:00Z`),
      pauses: pauses ?? [],
      stoppedAt: stopped ? d(stopped) : null,
      now: d(now),
    });
    expect({
      status: state.status,
      due: state.dueAt?.toISOString() ?? null,
      remainingMin: state.remainingMs === null ? null : state.remainingMs / MIN,
      breached: state.breachedAt?.toISOString(),
    }).toEqual({
      ...want,
      due: want.due && d(want.due).toISOString(),
      breached: want.breached && d(want.breached).toISOString(),
    });
  });
});

describe('dueSoon', () => {
  const running: ClockState = {
    status: 'running',
    dueAt: d('2026-01-05T10:00:00Z'),
    remainingMs: 30 * MIN,
    breachedAt: null,
  };
  test.each([
    { name: 'running, inside the window', state: running, within: 60 * MIN, want: true },
    { name: 'running, exactly at the edge', state: running, within: 30 * MIN, want: true },
    { name: 'running, outside the window', state: running, within: 10 * MIN, want: false },
    {
      name: 'paused',
      state: { status: 'paused', dueAt: null, remainingMs: null, breachedAt: null } as ClockState,
      within: 60 * MIN,
      want: false,
    },
    {
      name: 'breached',
      state: { ...running, status: 'breached', remainingMs: -MIN } as ClockState,
      within: 60 * MIN,
      want: false,
    },
    {
      name: 'met',
      state: { ...running, status: 'met' } as ClockState,
      within: 60 * MIN,
      want: false,
    },
  ])('$name', ({ state, within, want }) => {
    expect(dueSoon(state, within)).toBe(want);
  });
});
