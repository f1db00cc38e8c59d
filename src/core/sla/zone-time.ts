// Wall-clock ↔ instant conversion for business calendars. Internal to the SLA module.
//
// Local dates are handled as whole "day numbers" (days since 1970-01-01 on the wall clock) so
// that stepping through days is integer arithmetic and never trips over a 23- or 25-hour day.
// Only the conversion of a wall-clock time on a given day to an instant needs the zone rules,
// and that is where DST gaps and overlaps are resolved explicitly.
import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** 'HH:MM' → minutes since midnight. '24:00' is accepted so a window can run to midnight. */
export function parseHhmm(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return 1440;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

const zones = new Map<string, IANAZone>();

export function zoneOf(name: string): IANAZone {
  const known = zones.get(name);
  if (known) return known;
  // Luxon would otherwise hand back an invalid zone whose offsets are NaN, poisoning every sum.
  if (!IANAZone.isValidZone(name)) throw new RangeError(`Unknown IANA time zone: ${name}`);
  const zone = IANAZone.create(name);
  zones.set(name, zone);
  return zone;
}

// Asking Intl for an offset is the slow part of every SLA sum. Offsets are whole quarter-hours and
// zones change them at whole local minutes, so every transition falls on a 15-minute boundary of
// UTC: the offset at the start of a quarter-hour holds for all of it and can be remembered.
const QUARTER_MS = 15 * MINUTE_MS;
const offsetCache = new Map<IANAZone, Map<number, number>>();

/** Offset of the zone at an instant, in ms. */
function offsetMs(zone: IANAZone, instant: number): number {
  const quarter = Math.floor(instant / QUARTER_MS);
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  const hit = cache.get(quarter);
  if (hit !== undefined) return hit;
  const offset = zone.offset(quarter * QUARTER_MS) * MINUTE_MS;
  if (cache.size > 200_000) cache.clear(); // bounded memory for long-running servers
  cache.set(quarter, offset);
  return offset;
}

/** Wall-clock day number of an instant in the zone. */
export function localDayOf(zone: IANAZone, instant: number): number {
  return Math.floor((instant + offsetMs(zone, instant)) / DAY_MS);
}

/** Minutes since local midnight of an instant (fractional when the instant has seconds). */
export function localMinuteOf(zone: IANAZone, instant: number): number {
  const wall = instant + offsetMs(zone, instant);
  return (wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE_MS;
}

/** 0 = Monday … 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant at which the wall clock shows `minuteOfDay` on `day`.
 *
 * In an autumn overlap the wall time happens twice: `prefer` picks the earlier or later one, so
 * a window opens at the first and closes at the last occurrence and covers everything the wall
 * clock shows. In a spring gap the wall time never happens: both ends are clamped to the
 * transition, so the missing hour contributes no business time instead of being moved an hour
 * later (which is what a naive "shift forward" does).
 */
export function wallToInstant(
  zone: IANAZone,
  day: number,
  minuteOfDay: number,
  prefer: 'earliest' | 'latest',
): number {
  const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
  // Offsets are at most ±14 h, so any transition that matters lies within a day either side.
  const offsets = [...new Set([wall - DAY_MS, wall, wall + DAY_MS].map((t) => offsetMs(zone, t)))];
  const valid = offsets.map((o) => wall - o).filter((t) => t + offsetMs(zone, t) === wall);
  if (valid.length > 0) return prefer === 'earliest' ? Math.min(...valid) : Math.max(...valid);
  return transitionBetween(zone, wall - Math.max(...offsets), wall - Math.min(...offsets));
}

/** First instant in (from, to] whose offset differs from the offset at `from` (bisection). */
function transitionBetween(zone: IANAZone, from: number, to: number): number {
  const before = offsetMs(zone, from);
  let low = from;
  let high = to;
  // ~22 steps for a one-hour gap at millisecond resolution; the bound guards odd zone data.
  for (let step = 0; step < 64 && high - low > 1; step += 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetMs(zone, mid) === before) low = mid;
    else high = mid;
  }
  return high;
}
