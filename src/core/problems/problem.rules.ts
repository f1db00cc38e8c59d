// The problem lifecycle and the "did it work?" arithmetic (R21). Pure: no clock, no database.
import type { ProblemStatus } from '../../contracts/problems.ts';
import type { FieldIssue } from '../shared/errors.ts';

/** investigating → known error (with workaround) → change planned → fixed → verified. */
export const TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  investigating: ['known_error', 'change_planned'],
  known_error: ['change_planned', 'investigating'],
  change_planned: ['fixed', 'known_error', 'investigating'],
  // A fix that did not work goes back to planning.
  fixed: ['verified', 'change_planned'],
  // Recurrence came back after verification.
  verified: ['investigating'],
};

/** Problems still worth suggesting for new cases. */
export function isOpenStatus(status: ProblemStatus): boolean {
  return status !== 'verified';
}

export interface TransitionFacts {
  hasWorkaround: boolean;
  correctiveActions: number;
  shippedActions: number;
  /** Null when no corrective action has shipped yet. */
  recurrence: Recurrence | null;
}

/** What stands in the way of a move; empty when it is allowed. */
export function transitionIssues(
  from: ProblemStatus,
  to: ProblemStatus,
  facts: TransitionFacts,
): FieldIssue[] {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from].join(', ');
    return [{ path: 'status', message: `A problem cannot go from ${from} to ${to} (${allowed}).` }];
  }
  switch (to) {
    case 'known_error':
      return facts.hasWorkaround
        ? []
        : [{ path: 'workaround', message: 'A known error needs its workaround.' }];
    case 'change_planned':
      return facts.correctiveActions > 0
        ? []
        : [{ path: 'status', message: 'Add a corrective action first.' }];
    case 'fixed':
      return facts.shippedActions > 0
        ? []
        : [{ path: 'status', message: 'Ship a corrective action first.' }];
    case 'verified':
      if (!facts.recurrence) return [{ path: 'status', message: 'Nothing has shipped yet.' }];
      return facts.recurrence.hasFallen ? [] : [{ path: 'status', message: facts.recurrence.why }];
    case 'investigating':
      return [];
  }
}

// ---------------------------------------------------------------- recurrence per ISO week

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Monday 00:00 UTC of the ISO week holding `d`. */
export function isoWeekStart(d: Date): Date {
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY);
}

/** ISO 8601 week label, e.g. 2026-W48 (the week-year is the year of its Thursday). */
export function isoWeekLabel(d: Date): string {
  const thursday = new Date(isoWeekStart(d).getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface WeekCount {
  week: string;
  count: number;
}

export interface Recurrence {
  shippedAt: string;
  before: WeekCount[];
  after: WeekCount[];
  meanBefore: number;
  meanAfter: number | null;
  hasFallen: boolean;
  why: string;
}

export interface RecurrenceOptions {
  /** Full ISO weeks compared on each side of the ship week (the ship week itself is skipped). */
  weeks?: number;
  /** Full weeks that must have ended after the ship week before a verdict. */
  minWeeksAfter?: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

function countWeeks(times: readonly Date[], firstWeek: number, n: number): WeekCount[] {
  const counts = Array.from({ length: n }, () => 0);
  for (const t of times) {
    const i = Math.floor((isoWeekStart(t).getTime() - firstWeek) / WEEK);
    if (i >= 0 && i < n) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((count, i) => ({
    week: isoWeekLabel(new Date(firstWeek + i * WEEK)),
    count,
  }));
}

const mean = (ws: readonly WeekCount[]) => ws.reduce((s, w) => s + w.count, 0) / ws.length;

/**
 * Linked cases per ISO week before and after the fix shipped. Recurrence fell when the mean
 * weekly count over the full weeks after the ship week is below the mean over the same number
 * of weeks before it (at most `weeks` each side, at least `minWeeksAfter` after).
 */
export function measureRecurrence(
  caseTimes: readonly Date[],
  shippedAt: Date,
  now: Date,
  opts: RecurrenceOptions = {},
): Recurrence {
  const weeks = opts.weeks ?? 4;
  const minAfter = opts.minWeeksAfter ?? 2;
  const shipWeek = isoWeekStart(shippedAt).getTime();
  const ended = Math.floor((isoWeekStart(now).getTime() - shipWeek) / WEEK) - 1;
  const observed = Math.max(0, Math.min(weeks, ended));
  const before = countWeeks(caseTimes, shipWeek - weeks * WEEK, weeks);
  const after = countWeeks(caseTimes, shipWeek + WEEK, observed);
  const rawBefore = mean(before);
  const meanBefore = round(rawBefore);
  const base = { shippedAt: shippedAt.toISOString(), before, after, meanBefore };
  if (observed < minAfter) {
    const why =
      `Too soon to tell: ${observed} full week(s) since the fix shipped, ${minAfter} needed ` +
      `(before: ${meanBefore} a week).`;
    return { ...base, meanAfter: observed > 0 ? round(mean(after)) : null, hasFallen: false, why };
  }
  const rawAfter = mean(after);
  const meanAfter = round(rawAfter);
  const hasFallen = rawAfter < rawBefore;
  const why = hasFallen
    ? `Recurrence fell from ${meanBefore} to ${meanAfter} linked cases a week.`
    : `Recurrence did not fall: ${meanBefore} linked cases a week before the fix, ${meanAfter} after.`;
  return { ...base, meanAfter, hasFallen, why };
}
