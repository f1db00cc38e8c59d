// Turns a case's SLA targets into clock states and the due times stored on the case.
import type { Settings } from '../../contracts/settings.ts';
import { ClockTargetSchema } from '../../contracts/settings.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { BusinessCalendar } from '../sla/calendar.rules.ts';
import { clockState, type ClockTarget, type Pause } from '../sla/sla.rules.ts';
import type { CaseRow } from './case.repo.ts';
import { listPauses, updateCase } from './case.repo.ts';

export type ClockName = 'first_response' | 'resolution';

type ClockFacts = Pick<CaseRow, 'id' | 'receivedAt' | 'firstResponseAt' | 'resolvedAt'> & {
  firstResponseTarget: unknown;
  resolutionTarget: unknown;
};

export function caseClock(
  row: ClockFacts,
  clock: ClockName,
  cal: BusinessCalendar,
  pauses: Pause[],
  now: Date,
) {
  const target: ClockTarget = ClockTargetSchema.parse(
    clock === 'first_response' ? row.firstResponseTarget : row.resolutionTarget,
  );
  const stoppedAt = clock === 'first_response' ? row.firstResponseAt : row.resolvedAt;
  return clockState({ cal, target, startedAt: row.receivedAt, pauses, stoppedAt, now });
}

export async function pausesOf(tx: DbOrTx, caseId: string): Promise<Pause[]> {
  const rows = await listPauses(tx, caseId);
  return rows.map((p) => ({ from: p.pausedAt, to: p.resumedAt }));
}

/** The due times stored on the case row: what the SLA sweep (sweep-sla.ts) and the queue read. */
export interface SlaDueTimes {
  firstResponseDueAt?: Date;
  resolutionDueAt?: Date;
}

/**
 * Pure: the due time of every clock that has one (every clock not paused). Nothing is queued per case: the SLA sweep finds
 * the clocks that are due soon or breached through these stored times, and its check
 * recomputes the clock first, so a stale stored time is corrected, never trusted.
 */
export function slaDueTimes(
  row: ClockFacts,
  settings: Settings,
  pauses: Pause[],
  now: Date,
  clocks: ClockName[] = ['first_response', 'resolution'],
): SlaDueTimes {
  const due: SlaDueTimes = {};
  for (const clock of clocks) {
    const state = caseClock(row, clock, settings.calendar, pauses, now);
    // Stored for a clock already breached too (a case logged late): the sweep alerts it at once.
    if (!state.dueAt) continue;
    due[clock === 'first_response' ? 'firstResponseDueAt' : 'resolutionDueAt'] = state.dueAt;
  }
  return due;
}

/** After a pause ends or a case reopens: recompute the due times and store them. */
export async function refreshDueTimes(
  tx: DbOrTx,
  row: CaseRow,
  settings: Settings,
  now: Date,
  clocks?: ClockName[],
): Promise<CaseRow> {
  const due = slaDueTimes(row, settings, await pausesOf(tx, row.id), now, clocks);
  return Object.keys(due).length > 0 ? updateCase(tx, row.id, due, now) : row;
}
