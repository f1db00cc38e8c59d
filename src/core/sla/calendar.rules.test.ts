import { describe, expect, test } from 'vitest';
import type { BusinessCalendar } from './calendar.rules.ts';
import {
  DEFAULT_CALENDAR,
  addBusinessMinutes,
  businessDayClose,
  businessMinutesBetween,
  isBusinessTime,
  nextBusinessOpen,
} from './calendar.rules.ts';

// Instants are written in UTC; comments give the local wall clock. London is GMT (UTC+0) until
// 2026-03-29 01:00Z, BST (UTC+1) until 2026-10-25 01:00Z. New York is EST (UTC-5) until
// 2026-03-08 07:00Z, EDT (UTC-4) until 2026-11-01 06:00Z.
const d = (iso: string) => new Date(iso);

const london: BusinessCalendar = DEFAULT_CALENDAR;
const christmas: BusinessCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-12-25', '2026-12-28'] };
const closedMonAfternoon: BusinessCalendar = {
  ...DEFAULT_CALENDAR,
  closures: [{ from: '2026-01-05T12:00:00Z', to: '2026-01-05T14:00:00Z' }],
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
/** Every day, one window in the hours the clocks change. */
const everyDay = (timeZone: string, start: string, end: string): BusinessCalendar => ({
  timeZone,
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((k) => [k, [{ start, end }]]),
  ),
  holidays: [],
  closures: [],
});
const nightLondon = everyDay('Europe/London', '00:00', '04:00');
const nightNewYork = everyDay('America/New_York', '01:00', '04:00');
const closed: BusinessCalendar = { ...DEFAULT_CALENDAR, weeklyHours: {} };

describe('isBusinessTime', () => {
  test.each([
    { name: 'opening minute is open', cal: london, at: '2026-01-05T09:00:00Z', open: true },
    { name: 'just before opening', cal: london, at: '2026-01-05T08:59:59Z', open: false },
    { name: 'last minute before close', cal: london, at: '2026-01-05T17:29:00Z', open: true },
    { name: 'closing instant is closed', cal: london, at: '2026-01-05T17:30:00Z', open: false },
    { name: 'Saturday', cal: london, at: '2026-01-10T12:00:00Z', open: false },
    { name: 'BST 09:00 is 08:00Z', cal: london, at: '2026-07-06T08:00:00Z', open: true },
    { name: 'BST 08:59', cal: london, at: '2026-07-06T07:59:00Z', open: false },
    { name: 'BST 17:45', cal: london, at: '2026-07-06T16:45:00Z', open: false },
    { name: 'holiday', cal: christmas, at: '2026-12-25T12:00:00Z', open: false },
    { name: 'inside closure', cal: closedMonAfternoon, at: '2026-01-05T13:00:00Z', open: false },
    {
      name: 'closure end reopens',
      cal: closedMonAfternoon,
      at: '2026-01-05T14:00:00Z',
      open: true,
    },
    { name: 'NY EDT Monday 09:00', cal: newYork, at: '2026-03-09T13:00:00Z', open: true },
    { name: 'NY EST Friday 08:30', cal: newYork, at: '2026-03-06T13:30:00Z', open: false },
    { name: 'no hours at all', cal: closed, at: '2026-01-05T12:00:00Z', open: false },
  ])('$name', ({ cal, at, open }) => {
    expect(isBusinessTime(cal, d(at))).toBe(open);
  });
});

describe('nextBusinessOpen', () => {
  test.each([
    { name: 'already open', cal: london, at: '2026-01-05T10:15:00Z', want: '2026-01-05T10:15:00Z' },
    {
      name: 'early morning',
      cal: london,
      at: '2026-01-05T07:00:00Z',
      want: '2026-01-05T09:00:00Z',
    },
    { name: 'at close', cal: london, at: '2026-01-05T17:30:00Z', want: '2026-01-06T09:00:00Z' },
    { name: 'Friday night', cal: london, at: '2026-01-09T18:00:00Z', want: '2026-01-12T09:00:00Z' },
    {
      name: 'over spring-forward weekend',
      cal: london,
      at: '2026-03-27T18:00:00Z',
      want: '2026-03-30T08:00:00Z',
    },
    {
      name: 'over fall-back weekend',
      cal: london,
      at: '2026-10-23T17:00:00Z',
      want: '2026-10-26T09:00:00Z',
    },
    {
      name: 'over Christmas holidays',
      cal: christmas,
      at: '2026-12-24T18:00:00Z',
      want: '2026-12-29T09:00:00Z',
    },
    {
      name: 'during closure',
      cal: closedMonAfternoon,
      at: '2026-01-05T12:30:00Z',
      want: '2026-01-05T14:00:00Z',
    },
    {
      name: 'NY spring forward',
      cal: newYork,
      at: '2026-03-06T23:00:00Z',
      want: '2026-03-09T13:00:00Z',
    },
    {
      name: 'NY fall back',
      cal: newYork,
      at: '2026-10-30T22:00:00Z',
      want: '2026-11-02T14:00:00Z',
    },
    {
      name: 'window in gap day',
      cal: nightLondon,
      at: '2026-03-29T00:30:00Z',
      want: '2026-03-29T00:30:00Z',
    },
    {
      name: 'after short DST window',
      cal: nightLondon,
      at: '2026-03-29T03:00:00Z',
      want: '2026-03-29T23:00:00Z',
    },
  ])('$name', ({ cal, at, want }) => {
    expect(nextBusinessOpen(cal, d(at)).toISOString()).toBe(d(want).toISOString());
  });
});

describe('businessDayClose', () => {
  test.each([
    {
      name: 'before opening: that day',
      cal: london,
      at: '2026-01-05T07:00:00Z',
      want: '2026-01-05T17:30:00Z',
    },
    {
      name: 'during the day',
      cal: london,
      at: '2026-01-05T12:00:00Z',
      want: '2026-01-05T17:30:00Z',
    },
    {
      name: 'at close: next day',
      cal: london,
      at: '2026-01-05T17:30:00Z',
      want: '2026-01-06T17:30:00Z',
    },
    {
      name: 'evening: next day',
      cal: london,
      at: '2026-01-05T21:00:00Z',
      want: '2026-01-06T17:30:00Z',
    },
    {
      name: 'Saturday: Monday',
      cal: london,
      at: '2026-01-10T10:00:00Z',
      want: '2026-01-12T17:30:00Z',
    },
    {
      name: 'spring-forward weekend',
      cal: london,
      at: '2026-03-28T10:00:00Z',
      want: '2026-03-30T16:30:00Z',
    },
    {
      name: 'fall-back weekend',
      cal: london,
      at: '2026-10-24T10:00:00Z',
      want: '2026-10-26T17:30:00Z',
    },
    {
      name: 'holidays skipped',
      cal: christmas,
      at: '2026-12-24T18:00:00Z',
      want: '2026-12-29T17:30:00Z',
    },
    {
      name: 'closure ends the day early',
      cal: { ...london, closures: [{ from: '2026-01-05T15:00:00Z', to: '2026-01-06T00:00:00Z' }] },
      at: '2026-01-05T10:00:00Z',
      want: '2026-01-05T15:00:00Z',
    },
    {
      name: 'short DST window closes at 03:00Z',
      cal: nightLondon,
      at: '2026-03-28T12:00:00Z',
      want: '2026-03-29T03:00:00Z',
    },
    {
      name: 'long DST window closes at 04:00Z',
      cal: nightLondon,
      at: '2026-10-24T12:00:00Z',
      want: '2026-10-25T04:00:00Z',
    },
  ])('$name', ({ cal, at, want }) => {
    expect(businessDayClose(cal, d(at)).toISOString()).toBe(d(want).toISOString());
  });
});

describe('addBusinessMinutes', () => {
  test.each([
    {
      name: 'zero while open',
      cal: london,
      from: '2026-01-05T09:00:00Z',
      minutes: 0,
      want: '2026-01-05T09:00:00Z',
    },
    {
      name: 'zero while closed: next opening',
      cal: london,
      from: '2026-01-05T07:00:00Z',
      minutes: 0,
      want: '2026-01-05T09:00:00Z',
    },
    {
      name: 'lands exactly on close',
      cal: london,
      from: '2026-01-05T17:00:00Z',
      minutes: 30,
      want: '2026-01-05T17:30:00Z',
    },
    {
      name: 'one past close rolls over',
      cal: london,
      from: '2026-01-05T17:00:00Z',
      minutes: 31,
      want: '2026-01-06T09:01:00Z',
    },
    {
      name: 'from after hours',
      cal: london,
      from: '2026-01-05T20:00:00Z',
      minutes: 60,
      want: '2026-01-06T10:00:00Z',
    },
    {
      name: 'five business days from opening',
      cal: london,
      from: '2026-01-05T09:00:00Z',
      minutes: 2550,
      want: '2026-01-09T17:30:00Z',
    },
    {
      name: 'five business days from midday',
      cal: london,
      from: '2026-01-05T12:00:00Z',
      minutes: 2550,
      want: '2026-01-12T12:00:00Z',
    },
    {
      name: 'across spring-forward weekend',
      cal: london,
      from: '2026-03-27T17:00:00Z',
      minutes: 60,
      want: '2026-03-30T08:30:00Z',
    },
    {
      name: 'across fall-back weekend',
      cal: london,
      from: '2026-10-23T16:00:00Z',
      minutes: 60,
      want: '2026-10-26T09:30:00Z',
    },
    {
      name: 'skips holidays',
      cal: christmas,
      from: '2026-12-24T17:00:00Z',
      minutes: 60,
      want: '2026-12-29T09:30:00Z',
    },
    {
      name: 'skips closure',
      cal: closedMonAfternoon,
      from: '2026-01-05T11:30:00Z',
      minutes: 60,
      want: '2026-01-05T14:30:00Z',
    },
    {
      name: 'NY across spring forward',
      cal: newYork,
      from: '2026-03-06T21:00:00Z',
      minutes: 120,
      want: '2026-03-09T14:00:00Z',
    },
    {
      name: 'NY across fall back',
      cal: newYork,
      from: '2026-10-30T20:00:00Z',
      minutes: 120,
      want: '2026-11-02T15:00:00Z',
    },
    {
      name: 'short DST window fills at 180',
      cal: nightLondon,
      from: '2026-03-29T00:00:00Z',
      minutes: 180,
      want: '2026-03-29T03:00:00Z',
    },
    {
      name: 'short DST window overflows',
      cal: nightLondon,
      from: '2026-03-29T00:00:00Z',
      minutes: 181,
      want: '2026-03-29T23:01:00Z',
    },
    {
      name: 'long DST window holds 300',
      cal: nightLondon,
      from: '2026-10-24T23:00:00Z',
      minutes: 300,
      want: '2026-10-25T04:00:00Z',
    },
  ])('$name', ({ cal, from, minutes, want }) => {
    expect(addBusinessMinutes(cal, d(from), minutes).toISOString()).toBe(d(want).toISOString());
  });

  test('rejects negative minutes', () => {
    expect(() => addBusinessMinutes(london, d('2026-01-05T09:00:00Z'), -1)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  test.each([
    {
      name: 'to before from',
      cal: london,
      from: '2026-01-05T12:00:00Z',
      to: '2026-01-05T10:00:00Z',
      want: 0,
    },
    {
      name: 'equal ends',
      cal: london,
      from: '2026-01-05T12:00:00Z',
      to: '2026-01-05T12:00:00Z',
      want: 0,
    },
    {
      name: 'one full day',
      cal: london,
      from: '2026-01-05T00:00:00Z',
      to: '2026-01-06T00:00:00Z',
      want: 510,
    },
    {
      name: 'Friday close to Monday',
      cal: london,
      from: '2026-01-09T17:00:00Z',
      to: '2026-01-12T09:30:00Z',
      want: 60,
    },
    {
      name: 'Christmas week',
      cal: christmas,
      from: '2026-12-21T00:00:00Z',
      to: '2026-12-28T00:00:00Z',
      want: 4 * 510,
    },
    {
      name: 'closure removed',
      cal: closedMonAfternoon,
      from: '2026-01-05T00:00:00Z',
      to: '2026-01-06T00:00:00Z',
      want: 390,
    },
    {
      name: 'fractional minutes',
      cal: london,
      from: '2026-01-05T09:00:00Z',
      to: '2026-01-05T09:00:30Z',
      want: 0.5,
    },
    // Windows that straddle the change: real elapsed time, not the nominal length.
    {
      name: 'London 00:00–04:00 spring',
      cal: nightLondon,
      from: '2026-03-28T12:00:00Z',
      to: '2026-03-29T12:00:00Z',
      want: 180,
    },
    {
      name: 'London 00:00–04:00 normal',
      cal: nightLondon,
      from: '2026-03-27T12:00:00Z',
      to: '2026-03-28T12:00:00Z',
      want: 240,
    },
    {
      name: 'London 00:00–04:00 autumn',
      cal: nightLondon,
      from: '2026-10-24T12:00:00Z',
      to: '2026-10-25T12:00:00Z',
      want: 300,
    },
    {
      name: 'London 01:30–03:00 spring (01:30 never happens)',
      cal: everyDay('Europe/London', '01:30', '03:00'),
      from: '2026-03-28T12:00:00Z',
      to: '2026-03-29T12:00:00Z',
      want: 60,
    },
    {
      name: 'London 01:30–03:00 autumn (01:30 twice)',
      cal: everyDay('Europe/London', '01:30', '03:00'),
      from: '2026-10-24T12:00:00Z',
      to: '2026-10-25T12:00:00Z',
      want: 150,
    },
    {
      name: 'NY 01:00–04:00 spring',
      cal: nightNewYork,
      from: '2026-03-07T12:00:00Z',
      to: '2026-03-08T12:00:00Z',
      want: 120,
    },
    {
      name: 'NY 01:00–04:00 autumn',
      cal: nightNewYork,
      from: '2026-10-31T12:00:00Z',
      to: '2026-11-01T12:00:00Z',
      want: 240,
    },
    {
      name: 'NY window inside the gap',
      cal: everyDay('America/New_York', '02:15', '02:45'),
      from: '2026-03-07T12:00:00Z',
      to: '2026-03-08T12:00:00Z',
      want: 0,
    },
    {
      name: 'window to midnight',
      cal: everyDay('Europe/London', '22:00', '24:00'),
      from: '2026-01-05T12:00:00Z',
      to: '2026-01-06T12:00:00Z',
      want: 120,
    },
    {
      name: 'no hours at all',
      cal: closed,
      from: '2026-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      want: 0,
    },
  ])('$name', ({ cal, from, to, want }) => {
    expect(businessMinutesBetween(cal, d(from), d(to))).toBe(want);
  });
});

describe('guards against endless searches', () => {
  const yearLongClosure: BusinessCalendar = {
    ...DEFAULT_CALENDAR,
    closures: [{ from: '2026-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z' }],
  };
  test.each([
    {
      name: 'nextBusinessOpen, no hours',
      run: () => nextBusinessOpen(closed, d('2026-01-05T00:00:00Z')),
    },
    {
      name: 'businessDayClose, no hours',
      run: () => businessDayClose(closed, d('2026-01-05T00:00:00Z')),
    },
    {
      name: 'addBusinessMinutes, no hours',
      run: () => addBusinessMinutes(closed, d('2026-01-05T00:00:00Z'), 1),
    },
    {
      name: 'addBusinessMinutes, long closure',
      run: () => addBusinessMinutes(yearLongClosure, d('2026-01-05T00:00:00Z'), 1),
    },
  ])('$name throws', ({ run }) => {
    expect(run).toThrow(/no open hours within 400 days/);
  });

  test('an unvalidated calendar with a bad zone fails loudly', () => {
    expect(() =>
      isBusinessTime({ ...DEFAULT_CALENDAR, timeZone: 'Mars/Olympus' }, d('2026-01-05T12:00:00Z')),
    ).toThrow(RangeError);
  });
});
