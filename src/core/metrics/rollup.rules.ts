// The arithmetic of the metric rollups: which part of a period is read from the rolled-up days
// and which live, the time bins behind the medians and 90th percentiles, and the percentile of
// a binned distribution. Definitions: docs/metrics.md ("Rollups").
import { DateTime } from 'luxon';
import type { Period } from './period.rules.ts';

/**
 * Times to first response and to resolution are counted in bins of whole minutes: one minute
 * wide under 2 hours, 5 minutes under a day, 15 minutes under a week, an hour under 90 days and
 * a day beyond. A bin stands for its lower edge, so a binned time is at most one bin width
 * shorter than the true one. Negative times (a reply stamped before the receipt) count as zero.
 */
const BIN_EDGES: ReadonlyArray<{ from: number; width: number; first: number }> = [
  { from: 0, width: 1, first: 0 },
  { from: 120, width: 5, first: 120 },
  { from: 1_440, width: 15, first: 384 },
  { from: 10_080, width: 60, first: 960 },
  { from: 129_600, width: 1_440, first: 2_952 },
];

export function binOf(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  let edge = BIN_EDGES[0]!;
  for (const e of BIN_EDGES) if (m >= e.from) edge = e;
  return edge.first + Math.floor((m - edge.from) / edge.width);
}

/** The lower edge of a bin, in minutes. */
export function binMinutes(bin: number): number {
  let edge = BIN_EDGES[0]!;
  for (const e of BIN_EDGES) if (bin >= e.first) edge = e;
  return edge.from + (bin - edge.first) * edge.width;
}

/** The same bins in SQL, over an expression in minutes. */
export function binSql(minutes: string): string {
  const m = `greatest(0, floor(${minutes}))::int`;
  const arms = [...BIN_EDGES]
    .reverse()
    .map((e) => `WHEN ${m} >= ${e.from} THEN ${e.first} + (${m} - ${e.from}) / ${e.width}`);
  return `(CASE ${arms.join(' ')} END)`;
}

/** Counts per bin, merged from several sources. */
export type Histogram = Map<number, number>;

export function addToHistogram(h: Histogram, bins: readonly number[], counts: readonly number[]) {
  for (let i = 0; i < bins.length; i++) h.set(bins[i]!, (h.get(bins[i]!) ?? 0) + counts[i]!);
}

/**
 * PostgreSQL's percentile_cont over the binned values (each bin's lower edge, in hours): the
 * value at position p × (n − 1), interpolated between its neighbours.
 */
export function percentileHours(h: Histogram, p: number): { value: number | null; n: number } {
  const bins = [...h.entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = bins.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { value: null, n: 0 };
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const at = (k: number): number => {
    let seen = 0;
    for (const [bin, c] of bins) {
      seen += c;
      if (k < seen) return binMinutes(bin) / 60;
    }
    return binMinutes(bins[bins.length - 1]![0]) / 60;
  };
  const a = at(lo);
  const value = hi === lo ? a : a + (at(hi) - a) * (pos - lo);
  return { value, n };
}

/** A period cut into whole local days read from the rollup and the instants read live. */
export interface Split {
  /** Local days [fromDay, toDay) from the rollup, or null when none qualifies. */
  rolled: { fromDay: string; toDay: string } | null;
  /** Instant ranges [from, to) read from the base tables. */
  live: Array<{ from: Date; to: Date }>;
  /** The period starts at a local midnight. */
  fromDayStart: boolean;
}

/**
 * The rolled-up part is every whole local day inside the period before `throughDay`, and the
 * last of those days (today, counted as far as the rollup's clock `asOf`) when the period runs
 * to `asOf` or later; the partial days at either edge and the instants after the rolled part
 * are read live.
 */
export function splitPeriod(p: Period, throughDay: string, asOf: Date): Split {
  const zone = p.timeZone;
  const fromLocal = DateTime.fromJSDate(p.from, { zone });
  const fromDayStart = fromLocal.equals(fromLocal.startOf('day'));
  const firstDay = fromDayStart ? fromLocal : fromLocal.startOf('day').plus({ days: 1 });
  const through = DateTime.fromISO(throughDay, { zone });
  const lastDay = through.minus({ days: 1 }); // counted as far as asOf
  const withLast = p.to.getTime() >= asOf.getTime() && firstDay <= lastDay;
  const endDay = withLast
    ? through
    : DateTime.min(DateTime.fromJSDate(p.to, { zone }).startOf('day'), lastDay);
  const liveFrom = withLast ? asOf : endDay.toJSDate();
  if (endDay <= firstDay) return { rolled: null, live: [{ from: p.from, to: p.to }], fromDayStart };
  const live: Array<{ from: Date; to: Date }> = [];
  if (firstDay.toMillis() > p.from.getTime()) live.push({ from: p.from, to: firstDay.toJSDate() });
  if (liveFrom.getTime() < p.to.getTime()) live.push({ from: liveFrom, to: p.to });
  return {
    rolled: { fromDay: firstDay.toISODate()!, toDay: endDay.toISODate()! },
    live,
    fromDayStart,
  };
}

/** Which dimensions a query cuts by: problem 8, channel 4, category 2, owner 1 (the rollup's grain). */
export function grainOf(q: {
  channel?: string | undefined;
  category?: string | undefined;
  ownerId?: string | undefined;
  problemId?: string | undefined;
  groupBy: string;
}): number {
  let g = 0;
  if (q.problemId !== undefined || q.groupBy === 'problem') g |= 8;
  if (q.channel !== undefined || q.groupBy === 'channel') g |= 4;
  if (q.category !== undefined || q.groupBy === 'category') g |= 2;
  if (q.ownerId !== undefined || q.groupBy === 'owner') g |= 1;
  return g;
}

/** The local days from `from` (inclusive) to `to` (exclusive), as ISO dates. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const utc = { zone: 'utc' };
  for (let d = DateTime.fromISO(from, utc); d < DateTime.fromISO(to, utc); d = d.plus({ days: 1 }))
    days.push(d.toISODate()!);
  return days;
}

/** The local day after `day` (ISO dates). */
export function nextDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
}

/** The first day of the ISO week or month holding `day`. */
export function spanStart(day: string, span: 'week' | 'month'): string {
  return DateTime.fromISO(day, { zone: 'utc' }).startOf(span).toISODate()!;
}

/** The first day after the ISO week or month starting on `start`. */
export function spanEnd(start: string, span: 'week' | 'month'): string {
  return DateTime.fromISO(start, { zone: 'utc' })
    .plus(span === 'week' ? { weeks: 1 } : { months: 1 })
    .toISODate()!;
}
