import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR, validateCalendar } from './calendar.rules.ts';

describe('validateCalendar', () => {
  const base = { timeZone: 'Europe/London', weeklyHours: {}, holidays: [], closures: [] };
  test.each([
    { name: 'default calendar', cal: DEFAULT_CALENDAR },
    {
      name: 'touching split shift',
      cal: {
        ...base,
        weeklyHours: {
          mon: [
            { start: '13:00', end: '17:00' },
            { start: '09:00', end: '13:00' },
          ],
        },
      },
    },
    {
      name: 'window to midnight',
      cal: { ...base, weeklyHours: { sat: [{ start: '18:00', end: '24:00' }] } },
    },
    {
      name: 'holidays and closures',
      cal: {
        ...base,
        holidays: ['2028-02-29'],
        closures: [{ from: '2026-01-05T12:00:00+01:00', to: '2026-01-05T14:00:00Z' }],
      },
    },
  ])('accepts $name', ({ cal }) => {
    expect(validateCalendar(cal)).toEqual({ ok: true, value: cal });
  });

  test.each([
    { name: 'not an object', cal: 42, path: '' },
    { name: 'unknown time zone', cal: { ...base, timeZone: 'Mars/Olympus' }, path: 'timeZone' },
    {
      name: 'H:MM',
      cal: { ...base, weeklyHours: { mon: [{ start: '9:00', end: '17:00' }] } },
      path: 'weeklyHours.mon.0.start',
    },
    {
      name: 'minute 60',
      cal: { ...base, weeklyHours: { mon: [{ start: '09:60', end: '17:00' }] } },
      path: 'weeklyHours.mon.0.start',
    },
    {
      name: 'start after end',
      cal: { ...base, weeklyHours: { tue: [{ start: '17:00', end: '09:00' }] } },
      path: 'weeklyHours.tue.0.end',
    },
    {
      name: 'start equals end',
      cal: { ...base, weeklyHours: { tue: [{ start: '09:00', end: '09:00' }] } },
      path: 'weeklyHours.tue.0.end',
    },
    {
      name: 'start at 24:00',
      cal: { ...base, weeklyHours: { tue: [{ start: '24:00', end: '24:00' }] } },
      path: 'weeklyHours.tue.0.start',
    },
    {
      name: 'overlapping windows',
      cal: {
        ...base,
        weeklyHours: {
          wed: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
      },
      path: 'weeklyHours.wed.1',
    },
    { name: 'misspelt weekday', cal: { ...base, weeklyHours: { tues: [] } }, path: 'weeklyHours' },
    { name: 'impossible holiday', cal: { ...base, holidays: ['2026-02-30'] }, path: 'holidays.0' },
    {
      name: 'holiday in other format',
      cal: { ...base, holidays: ['25/12/2026'] },
      path: 'holidays.0',
    },
    {
      name: 'closure without offset',
      cal: { ...base, closures: [{ from: '2026-01-05T12:00:00', to: '2026-01-05T14:00:00Z' }] },
      path: 'closures.0.from',
    },
    {
      name: 'closure ends first',
      cal: { ...base, closures: [{ from: '2026-01-05T14:00:00Z', to: '2026-01-05T12:00:00Z' }] },
      path: 'closures.0.to',
    },
  ])('rejects $name', ({ cal, path }) => {
    const result = validateCalendar(cal);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });
});
