// The period a metrics query covers and the buckets inside it, on the organisation's wall clock.
import { DateTime } from 'luxon';
import type { Bucket } from '../../contracts/metrics.ts';
import type { FieldIssue } from '../shared/errors.ts';

export interface Period {
  from: Date;
  to: Date;
  bucket: Bucket;
  timeZone: string;
}

const DAY_MS = 86_400_000;
/** Upper bounds keep one query from asking for tens of thousands of points. */
const MAX_DAYS: Record<Bucket, number> = { day: 400, week: 3 * 366, month: 10 * 366 };
export const DEFAULT_WEEKS = 12;

function parseEdge(value: string, timeZone: string): Date {
  // A bare date is midnight in the organisation's zone, so "2026-11-01" means its local start.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return DateTime.fromISO(value, { zone: timeZone }).toJSDate();
  return new Date(value);
}

export function resolvePeriod(
  q: { from?: string | undefined; to?: string | undefined; bucket: Bucket },
  now: Date,
  timeZone: string,
): { period: Period } | { issues: FieldIssue[] } {
  const to = q.to ? parseEdge(q.to, timeZone) : now;
  const from = q.from
    ? parseEdge(q.from, timeZone)
    : DateTime.fromJSDate(to, { zone: timeZone })
        .minus({ weeks: DEFAULT_WEEKS })
        .startOf('day')
        .toJSDate();
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    return { issues: [{ path: 'from', message: 'Not a valid date.' }] };
  if (from >= to) return { issues: [{ path: 'from', message: '`from` must be before `to`.' }] };
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days > MAX_DAYS[q.bucket])
    return {
      issues: [
        {
          path: 'to',
          message: `A ${q.bucket} bucket covers at most ${MAX_DAYS[q.bucket]} days; use a larger bucket or a shorter period.`,
        },
      ],
    };
  return { period: { from, to, bucket: q.bucket, timeZone } };
}

/** Start of the bucket holding `at`, as the local date label PostgreSQL's date_trunc gives. */
export function bucketLabel(at: Date, bucket: Bucket, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone })
    .startOf(bucket, { useLocaleWeeks: false })
    .toISODate()!;
}

/** Every bucket label from the one holding `from` to the one holding the last instant before `to`. */
export function bucketLabels(p: Period): string[] {
  const labels: string[] = [];
  let cursor = DateTime.fromJSDate(p.from, { zone: p.timeZone }).startOf(p.bucket);
  const last = DateTime.fromJSDate(new Date(p.to.getTime() - 1), { zone: p.timeZone });
  while (cursor <= last) {
    labels.push(cursor.toISODate()!);
    cursor = cursor.plus({ [`${p.bucket}s`]: 1 });
  }
  return labels;
}

/** The instant range a bucket label covers, clipped to the period (for drill-down links). */
export function bucketRange(label: string, p: Period): { from: Date; to: Date } {
  const start = DateTime.fromISO(label, { zone: p.timeZone });
  const end = start.plus({ [`${p.bucket}s`]: 1 });
  const from = new Date(Math.max(start.toMillis(), p.from.getTime()));
  const to = new Date(Math.min(end.toMillis(), p.to.getTime()));
  return { from, to };
}
