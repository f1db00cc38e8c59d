// The next deadline of a case in the queue, and how it stands: the earliest of the first
// response (until answered), the resolution (until resolved) and the nearest open promise.
export type DeadlineKind = 'first_response' | 'resolution' | 'promise';
export type DeadlineState = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'none';

export interface DeadlineFacts {
  status: string;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  nextPromiseDueAt: Date | null;
}

export interface NextDeadline {
  kind: DeadlineKind | null;
  dueAt: Date | null;
  state: DeadlineState;
}

export function nextDeadline(c: DeadlineFacts, now: Date, dueSoonMs: number): NextDeadline {
  if (c.status === 'closed') return { kind: null, dueAt: null, state: 'none' };
  const candidates: Array<[DeadlineKind, Date]> = [];
  const isClockRunning = c.status !== 'awaiting_customer';
  if (isClockRunning && !c.firstResponseAt && c.firstResponseDueAt)
    candidates.push(['first_response', c.firstResponseDueAt]);
  if (isClockRunning && c.status !== 'resolved' && c.resolutionDueAt)
    candidates.push(['resolution', c.resolutionDueAt]);
  // Promises are kept whatever the case is waiting on.
  if (c.nextPromiseDueAt) candidates.push(['promise', c.nextPromiseDueAt]);
  candidates.sort((a, b) => a[1].getTime() - b[1].getTime());
  const first = candidates[0];
  if (!first) return { kind: null, dueAt: null, state: isClockRunning ? 'none' : 'paused' };
  const [kind, dueAt] = first;
  const left = dueAt.getTime() - now.getTime();
  const state: DeadlineState = left < 0 ? 'breached' : left <= dueSoonMs ? 'at_risk' : 'on_track';
  return { kind, dueAt, state };
}
