// Countdown arithmetic for deadlines shown live in the inbox and the case workspace.
import { useEffect, useState } from 'react';

/** Minutes before a deadline at which it counts as at risk (the server's default due-soon). */
export const AT_RISK_MS = 60 * 60_000;

export type DeadlineState = 'breached' | 'at_risk' | 'on_track';

export function deadlineState(dueAt: string, now: number): DeadlineState {
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'breached';
  return left <= AT_RISK_MS ? 'at_risk' : 'on_track';
}

export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return m > 0 ? `${m}m ${s}s` : `${s}s`;
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The current time, re-read every `everyMs` so countdowns tick. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Turns a local `datetime-local` value into an ISO instant with an offset. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}
