// SLA clocks (R2): which target applies to a case, when it falls due, and where the clock stands.
// Pure: the calendar, the pauses and "now" are all passed in.
import type { BusinessCalendar } from './calendar.rules.ts';
import { addBusinessMs, businessDayClose, businessMsBetween } from './calendar.rules.ts';
import {
  MINUTE_MS,
  localDayOf,
  localMinuteOf,
  parseHhmm,
  wallToInstant,
  zoneOf,
} from './zone-time.ts';

export type ClockTarget =
  | { kind: 'same_business_day'; cutoff: string }
  | { kind: 'business_minutes'; minutes: number }
  | { kind: 'calendar_minutes'; minutes: number };
export type SlaClockName = 'first_response' | 'resolution';
export interface SlaOverride {
  channel?: string;
  severity?: string;
  firstResponse?: ClockTarget;
  resolution?: ClockTarget;
}
export interface SlaPolicy {
  firstResponse: ClockTarget;
  resolution: ClockTarget;
  overrides: SlaOverride[];
  pauseWhileAwaitingCustomer: boolean;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  firstResponse: { kind: 'same_business_day', cutoff: '16:00' },
  // Five business days of the default calendar (09:00–17:30 = 510 minutes a day).
  resolution: { kind: 'business_minutes', minutes: 5 * 510 },
  overrides: [],
  pauseWhileAwaitingCustomer: true,
};

/** 3 = channel + severity, 2 = severity, 1 = channel; null = does not apply. */
function specificity(o: SlaOverride, c: { channel: string; severity: string }): number | null {
  if (o.channel !== undefined && o.channel !== c.channel) return null;
  if (o.severity !== undefined && o.severity !== c.severity) return null;
  if (o.channel !== undefined && o.severity !== undefined) return 3;
  if (o.severity !== undefined) return 2;
  // An override naming neither would shadow the base for everything; the base is for that.
  return o.channel !== undefined ? 1 : null;
}

function pickTarget(
  policy: SlaPolicy,
  c: { channel: string; severity: string },
  clock: 'firstResponse' | 'resolution',
): ClockTarget {
  let best: { rank: number; target: ClockTarget } | null = null;
  for (const override of policy.overrides) {
    const rank = specificity(override, c);
    const target = override[clock];
    // Strictly greater: among equally specific overrides the first listed wins.
    if (rank !== null && target && (best === null || rank > best.rank)) best = { rank, target };
  }
  return best?.target ?? policy[clock];
}

export function selectTargets(
  policy: SlaPolicy,
  c: { channel: string; severity: string },
): { firstResponse: ClockTarget; resolution: ClockTarget } {
  // Each clock independently: a severity override may set only first response.
  return {
    firstResponse: pickTarget(policy, c, 'firstResponse'),
    resolution: pickTarget(policy, c, 'resolution'),
  };
}

function checkMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`SLA target minutes must be a non-negative number, got ${minutes}`);
  }
  return Math.round(minutes * MINUTE_MS);
}

/**
 * R2: due at the close of the business day received. At or after the cut-off, or on a day with
 * no business hours left, it rolls to the close of the next business day.
 */
function sameBusinessDayDue(cal: BusinessCalendar, cutoff: string, startedAt: Date): Date {
  const cutoffMinute = parseHhmm(cutoff);
  if (cutoffMinute === null) throw new RangeError(`Bad SLA cut-off: ${cutoff}`);
  const zone = zoneOf(cal.timeZone);
  const t = startedAt.getTime();
  // Wall-clock reading, so 15:59 is before a 16:00 cut-off on DST-change days too.
  if (localMinuteOf(zone, t) < cutoffMinute) return businessDayClose(cal, startedAt);
  const nextMidnight = wallToInstant(zone, localDayOf(zone, t) + 1, 0, 'earliest');
  return businessDayClose(cal, new Date(nextMidnight));
}

export function dueAt(cal: BusinessCalendar, target: ClockTarget, startedAt: Date): Date {
  switch (target.kind) {
    case 'same_business_day':
      return sameBusinessDayDue(cal, target.cutoff, startedAt);
    case 'business_minutes':
      return addBusinessMs(cal, startedAt, checkMinutes(target.minutes));
    case 'calendar_minutes':
      return new Date(startedAt.getTime() + checkMinutes(target.minutes));
  }
}

export interface Pause {
  from: Date;
  to: Date | null;
}
export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';
export interface ClockState {
  status: ClockStatus;
  dueAt: Date | null;
  /** dueAt minus (stoppedAt ?? now): slack when met, negative when breached, null while paused. */
  remainingMs: number | null;
  breachedAt: Date | null;
}

/** How a clock measures running time: business time or plain elapsed time. */
interface Meter {
  between(from: number, to: number): number;
  add(from: number, ms: number): number;
}

function meterFor(cal: BusinessCalendar, target: ClockTarget): Meter {
  if (target.kind === 'calendar_minutes') {
    return { between: (a, b) => Math.max(0, b - a), add: (a, ms) => a + ms };
  }
  return {
    between: (a, b) => businessMsBetween(cal, new Date(a), new Date(b)),
    add: (a, ms) => addBusinessMs(cal, new Date(a), ms).getTime(),
  };
}

interface Span {
  from: number;
  to: number | null;
}

/**
 * Clip pauses to [startedAt, horizon), drop empty or inverted ones, sort and merge overlaps.
 * A pause still open at the horizon stays open (null) unless the clock has stopped.
 */
function normalisePauses(pauses: Pause[], start: number, horizon: number, isStopped: boolean) {
  const clipped = pauses
    .map((p): Span => {
      const to = p.to === null || p.to.getTime() > horizon ? null : p.to.getTime();
      return {
        from: Math.max(p.from.getTime(), start),
        to: to === null && isStopped ? horizon : to,
      };
    })
    // A pause that starts exactly now already counts: the clock stops the moment it is paused.
    .filter(
      (p) =>
        (p.from < horizon || (p.from === horizon && p.to === null)) &&
        (p.to === null || p.to > p.from),
    )
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (!last || (last.to !== null && span.from > last.to)) merged.push({ ...span });
    else if (last.to !== null) last.to = span.to === null ? null : Math.max(last.to, span.to);
  }
  return merged;
}

/**
 * The instant the clock has run for `budget` ms of running time, skipping paused spans; null if
 * it is still paused before getting there. A pause that begins after the due time changes
 * nothing, so pausing cannot undo a breach that already happened.
 */
function dueAfterPauses(meter: Meter, start: number, budget: number, pauses: Span[]) {
  let cursor = start;
  let remaining = budget;
  for (const pause of pauses) {
    const running = meter.between(cursor, pause.from);
    if (running >= remaining) return meter.add(cursor, remaining);
    remaining -= running;
    if (pause.to === null) return null;
    cursor = pause.to;
  }
  return meter.add(cursor, remaining);
}

/** Running time the target allows. same_business_day becomes the business time to its due. */
function budgetMs(cal: BusinessCalendar, target: ClockTarget, startedAt: Date): number {
  if (target.kind !== 'same_business_day') return checkMinutes(target.minutes);
  return businessMsBetween(cal, startedAt, dueAt(cal, target, startedAt));
}

export function clockState(input: {
  cal: BusinessCalendar;
  target: ClockTarget;
  startedAt: Date;
  pauses: Pause[];
  stoppedAt: Date | null;
  now: Date;
}): ClockState {
  const { cal, target, startedAt } = input;
  const now = input.now.getTime();
  // Read "as of now": a stop recorded after `now` has not happened yet.
  const stop = input.stoppedAt !== null && input.stoppedAt.getTime() <= now;
  const end = stop && input.stoppedAt ? input.stoppedAt.getTime() : now;
  const pauses = normalisePauses(input.pauses, startedAt.getTime(), end, stop);
  const budget = budgetMs(cal, target, startedAt);
  const due = dueAfterPauses(meterFor(cal, target), startedAt.getTime(), budget, pauses);
  if (due === null) return { status: 'paused', dueAt: null, remainingMs: null, breachedAt: null };
  const isLate = end > due;
  const status: ClockStatus = isLate ? 'breached' : stop ? 'met' : 'running';
  return {
    status,
    dueAt: new Date(due),
    remainingMs: due - end,
    breachedAt: isLate ? new Date(due) : null,
  };
}

/** A running clock that falls due within `withinMs` (for reminders and queue highlighting). */
export function dueSoon(state: ClockState, withinMs: number): boolean {
  return state.status === 'running' && state.remainingMs !== null && state.remainingMs <= withinMs;
}
