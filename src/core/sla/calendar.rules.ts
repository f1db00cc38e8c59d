// Business-hours arithmetic on an organisation's calendar (R2): pure functions, clock passed in.
//
// Everything is reduced to "open intervals" — half-open [start, end) instants in ms — per local
// day: the weekly windows mapped through the zone's DST rules, minus holidays and closures.
// Business time is real elapsed time inside those intervals, so a window that spans a DST change
// is an hour shorter or longer on that day, exactly as the staff on shift experience it.
import type { IANAZone } from 'luxon';
import { businessCalendarSchema } from './calendar.schemas.ts';
import {
  MINUTE_MS,
  isoOfDay,
  localDayOf,
  parseHhmm,
  wallToInstant,
  weekdayOfDay,
  zoneOf,
} from './zone-time.ts';

export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export interface HoursWindow {
  start: string;
  end: string;
}
export interface BusinessCalendar {
  timeZone: string;
  weeklyHours: Partial<Record<WeekdayKey, HoursWindow[]>>;
  holidays: string[];
  closures: Array<{ from: string; to: string }>;
}

export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: 'Europe/London',
  weeklyHours: {
    mon: [{ start: '09:00', end: '17:30' }],
    tue: [{ start: '09:00', end: '17:30' }],
    wed: [{ start: '09:00', end: '17:30' }],
    thu: [{ start: '09:00', end: '17:30' }],
    fri: [{ start: '09:00', end: '17:30' }],
  },
  holidays: [],
  closures: [],
};

/** How far ahead a forward search looks for open hours before deciding there are none. */
export const SEARCH_LIMIT_DAYS = 400;

const WEEKDAYS: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

type Interval = [start: number, end: number];

interface Compiled {
  zone: IANAZone;
  windows: Interval[][]; // minutes of day, indexed 0 = Monday
  holidays: Set<string>;
  closures: Interval[];
  /** Open intervals by local day number, as dayIntervals found them (read-only). */
  days: Map<number, readonly Interval[]>;
}

/** Days remembered per calendar: a few years either side of today, bounded for long runs. */
const DAYS_KEPT = 4096;

// A calendar is a value: the settings that hold it are replaced, never edited in place. So
// its compiled form and the open hours of each day it has been asked about can be remembered
// by identity. Every case's clocks ask about the same few days, and working them out (zone
// offsets, holidays, closures) was most of the cost of planning a new case's SLA checks.
const compiled = new WeakMap<BusinessCalendar, Compiled>();

function compile(cal: BusinessCalendar): Compiled {
  const known = compiled.get(cal);
  if (known) return known;
  const fresh = compileFresh(cal);
  compiled.set(cal, fresh);
  return fresh;
}

function compileFresh(cal: BusinessCalendar): Compiled {
  const windows = WEEKDAYS.map((key) =>
    (cal.weeklyHours[key] ?? []).map((w): Interval => {
      const start = parseHhmm(w.start);
      const end = parseHhmm(w.end);
      if (start === null || end === null) {
        throw new RangeError(`Bad hours on ${key}: ${w.start}–${w.end} (validate the calendar)`);
      }
      return [start, end];
    }),
  );
  const closures = cal.closures.map((c): Interval => {
    const from = Date.parse(c.from);
    const to = Date.parse(c.to);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      throw new RangeError(`Bad closure ${c.from}–${c.to} (validate the calendar)`);
    }
    return [from, to];
  });
  return {
    zone: zoneOf(cal.timeZone),
    windows,
    holidays: new Set(cal.holidays),
    closures,
    days: new Map(),
  };
}

/** Sorted, merged intervals; touching ones join so a split shift reads as one stretch. */
function normalise(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => s < e).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function subtract(intervals: Interval[], cuts: Interval[]): Interval[] {
  let remaining = intervals;
  for (const [cutStart, cutEnd] of cuts) {
    remaining = remaining.flatMap(([s, e]): Interval[] => {
      if (cutEnd <= s || cutStart >= e) return [[s, e]];
      const pieces: Interval[] = [];
      if (s < cutStart) pieces.push([s, cutStart]);
      if (cutEnd < e) pieces.push([cutEnd, e]);
      return pieces;
    });
  }
  return remaining;
}

/** Open intervals of one local day, in order. */
function dayIntervals(c: Compiled, day: number): readonly Interval[] {
  const known = c.days.get(day);
  if (known) return known;
  const fresh = Object.freeze(openIntervalsOf(c, day));
  if (c.days.size >= DAYS_KEPT) c.days.clear();
  c.days.set(day, fresh);
  return fresh;
}

function openIntervalsOf(c: Compiled, day: number): Interval[] {
  if (c.holidays.has(isoOfDay(day))) return [];
  const windows = c.windows[weekdayOfDay(day)] ?? [];
  const open = windows.map(([start, end]): Interval => [
    wallToInstant(c.zone, day, start, 'earliest'),
    wallToInstant(c.zone, day, end, 'latest'),
  ]);
  return normalise(subtract(normalise(open), c.closures));
}

function noHoursError(at: number): Error {
  return new Error(
    `Business calendar has no open hours within ${SEARCH_LIMIT_DAYS} days after ${new Date(at).toISOString()}`,
  );
}

/** Open intervals ending after `at`, clipped to start no earlier than `at`, in order. */
function* intervalsFrom(c: Compiled, at: number): Generator<Interval> {
  // Start a day early: a window ending at 24:00 belongs to the previous local day.
  const firstDay = localDayOf(c.zone, at) - 1;
  let lastOpenDay = firstDay;
  for (let day = firstDay; day - lastOpenDay <= SEARCH_LIMIT_DAYS; day += 1) {
    for (const [start, end] of dayIntervals(c, day)) {
      if (end <= at) continue;
      lastOpenDay = day;
      yield [Math.max(start, at), end];
    }
  }
  throw noHoursError(at);
}

export function isBusinessTime(cal: BusinessCalendar, at: Date): boolean {
  const c = compile(cal);
  const t = at.getTime();
  const day = localDayOf(c.zone, t);
  // Neighbouring days too, for windows ending at 24:00 and closures near midnight.
  return [day - 1, day, day + 1].some((d) =>
    dayIntervals(c, d).some(([start, end]) => start <= t && t < end),
  );
}

export function nextBusinessOpen(cal: BusinessCalendar, at: Date): Date {
  const c = compile(cal);
  for (const [start] of intervalsFrom(c, at.getTime())) return new Date(start);
  throw noHoursError(at.getTime()); // unreachable: intervalsFrom throws when it runs dry
}

export function businessDayClose(cal: BusinessCalendar, at: Date): Date {
  const c = compile(cal);
  const t = at.getTime();
  const firstDay = localDayOf(c.zone, t);
  for (let day = firstDay; day - firstDay <= SEARCH_LIMIT_DAYS; day += 1) {
    const last = dayIntervals(c, day).at(-1);
    // A closure that runs to the end of the day brings the close forward: nobody is there.
    if (last && last[1] > t) return new Date(last[1]);
  }
  throw noHoursError(t);
}

/** Like addBusinessMinutes, in ms, so clock arithmetic does not round-trip through minutes. */
export function addBusinessMs(cal: BusinessCalendar, from: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Cannot add ${ms} ms of business time`);
  let remaining = ms;
  for (const [start, end] of intervalsFrom(compile(cal), from.getTime())) {
    // `<=` so a target that lands on a close is due at the close, not at the next opening.
    if (remaining <= end - start) return new Date(start + remaining);
    remaining -= end - start;
  }
  throw noHoursError(from.getTime()); // unreachable: intervalsFrom throws when it runs dry
}

/**
 * Business time after `from`. Zero minutes outside hours gives the next opening: business time
 * cannot be "reached" while closed.
 */
export function addBusinessMinutes(cal: BusinessCalendar, from: Date, minutes: number): Date {
  return addBusinessMs(cal, from, Math.round(minutes * MINUTE_MS));
}

export function businessMsBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  const c = compile(cal);
  let total = 0;
  // Bounded by the span itself, so a calendar with no hours simply yields 0.
  for (let day = localDayOf(c.zone, a) - 1; day <= localDayOf(c.zone, b); day += 1) {
    for (const [start, end] of dayIntervals(c, day)) {
      total += Math.max(0, Math.min(end, b) - Math.max(start, a));
    }
  }
  return total;
}

/** Business minutes in [from, to); fractional when the ends are not on whole minutes. */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  return businessMsBetween(cal, from, to) / MINUTE_MS;
}

export function validateCalendar(
  cal: unknown,
):
  | { ok: true; value: BusinessCalendar }
  | { ok: false; issues: Array<{ path: string; message: string }> } {
  const parsed = businessCalendarSchema.safeParse(cal);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
