import { describe, expect, test } from 'vitest';
import { PROBLEM_STATUSES, type ProblemStatus } from '../../contracts/problems.ts';
import {
  TRANSITIONS,
  isoWeekLabel,
  isoWeekStart,
  measureRecurrence,
  transitionIssues,
  type TransitionFacts,
} from './problem.rules.ts';

const ready: TransitionFacts = {
  hasWorkaround: true,
  correctiveActions: 1,
  shippedActions: 1,
  recurrence: {
    shippedAt: '2026-11-02T00:00:00.000Z',
    before: [],
    after: [],
    meanBefore: 3,
    meanAfter: 1,
    hasFallen: true,
    why: 'fell',
  },
};

describe('lifecycle: every pair of statuses', () => {
  const pairs = PROBLEM_STATUSES.flatMap((from) =>
    PROBLEM_STATUSES.map((to) => [from, to] as [ProblemStatus, ProblemStatus]),
  );
  test.each(pairs)('%s → %s', (from, to) => {
    const allowed = TRANSITIONS[from].includes(to);
    expect(transitionIssues(from, to, ready).length === 0).toBe(allowed);
  });
});

describe('conditions of each step', () => {
  test.each([
    ['investigating', 'known_error', { hasWorkaround: false }, 'workaround'],
    ['investigating', 'change_planned', { correctiveActions: 0 }, 'corrective action'],
    ['change_planned', 'fixed', { shippedActions: 0 }, 'Ship'],
    ['fixed', 'verified', { recurrence: null }, 'Nothing has shipped'],
    [
      'fixed',
      'verified',
      { recurrence: { ...ready.recurrence!, hasFallen: false, why: 'did not fall: 2 → 2' } },
      'did not fall',
    ],
  ] as const)('%s → %s refused when %j', (from, to, patch, message) => {
    const issues = transitionIssues(from, to, { ...ready, ...patch });
    expect(issues.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('ISO weeks', () => {
  test.each([
    ['2026-11-23T10:00:00Z', '2026-11-23T00:00:00.000Z', '2026-W48'], // a Monday
    ['2026-11-29T23:59:59Z', '2026-11-23T00:00:00.000Z', '2026-W48'], // its Sunday
    ['2027-01-01T12:00:00Z', '2026-12-28T00:00:00.000Z', '2026-W53'], // 2026 has 53 weeks
    ['2027-01-04T00:00:00Z', '2027-01-04T00:00:00.000Z', '2027-W01'],
    ['2025-12-29T08:00:00Z', '2025-12-29T00:00:00.000Z', '2026-W01'], // week-year ahead
  ])('%s is in the week starting %s (%s)', (at, start, label) => {
    expect(isoWeekStart(new Date(at)).toISOString()).toBe(start);
    expect(isoWeekLabel(new Date(at))).toBe(label);
  });
});

// Shipped Wednesday 2026-11-04 (week W45). Before: W41–W44; after: W46 onwards.
const shipped = new Date('2026-11-04T12:00:00Z');
const inWeek = (monday: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(`${monday}T1${i % 10}:00:00Z`));
const before4 = [
  ...inWeek('2026-10-05', 3),
  ...inWeek('2026-10-12', 3),
  ...inWeek('2026-10-19', 3),
  ...inWeek('2026-10-26', 3),
];

describe('recurrence before and after the fix', () => {
  test.each([
    {
      name: 'fell: 3 a week before, 1 a week after',
      times: [...before4, ...inWeek('2026-11-09', 1), ...inWeek('2026-11-16', 1)],
      now: '2026-11-23T09:00:00Z',
      hasFallen: true,
      meanBefore: 3,
      meanAfter: 1,
    },
    {
      name: 'did not fall: 3 before, 3 after',
      times: [...before4, ...inWeek('2026-11-09', 3), ...inWeek('2026-11-16', 3)],
      now: '2026-11-23T09:00:00Z',
      hasFallen: false,
      meanBefore: 3,
      meanAfter: 3,
    },
    {
      name: 'too soon: only one full week after',
      times: [...before4],
      now: '2026-11-17T09:00:00Z',
      hasFallen: false,
      meanBefore: 3,
      meanAfter: 0,
    },
    {
      name: 'the ship week itself is not counted on either side',
      times: [...before4, ...inWeek('2026-11-02', 9)],
      now: '2026-11-23T09:00:00Z',
      hasFallen: true,
      meanBefore: 3,
      meanAfter: 0,
    },
    {
      name: 'no baseline: nothing before, nothing after — did not fall',
      times: [],
      now: '2026-12-21T09:00:00Z',
      hasFallen: false,
      meanBefore: 0,
      meanAfter: 0,
    },
    {
      name: 'the after side stops at four weeks',
      times: [...before4, ...inWeek('2026-12-14', 9)],
      now: '2027-01-20T09:00:00Z',
      hasFallen: true,
      meanBefore: 3,
      meanAfter: 0,
    },
  ])('$name', ({ times, now, hasFallen, meanBefore, meanAfter }) => {
    const r = measureRecurrence(times, shipped, new Date(now));
    expect(r.hasFallen).toBe(hasFallen);
    expect(r.meanBefore).toBe(meanBefore);
    expect(r.meanAfter ?? 0).toBe(meanAfter);
    expect(r.before.map((w) => w.week)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    expect(r.why).toMatch(/\d/);
  });

  test('the weekly counts are returned for display', () => {
    const r = measureRecurrence(
      [...before4, ...inWeek('2026-11-09', 2)],
      shipped,
      new Date('2026-11-24T00:00:00Z'),
    );
    expect(r.after).toEqual([
      { week: '2026-W46', count: 2 },
      { week: '2026-W47', count: 0 },
    ]);
    expect(r.why).toBe('Recurrence fell from 3 to 1 linked cases a week.');
  });
});
