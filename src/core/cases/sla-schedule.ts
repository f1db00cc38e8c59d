// Turns a case's SLA targets into clock states and durable check jobs.
import type { Settings } from '../../contracts/settings.ts';
import { ClockTargetSchema } from '../../contracts/settings.ts';
import { JOBS } from '../../contracts/jobs.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../shared/context.ts';
import type { BusinessCalendar } from '../sla/calendar.rules.ts';
import { clockState, type Pause } from '../sla/sla.rules.ts';
import type { CaseRow } from './case.repo.ts';
import { listPauses, updateCase } from './case.repo.ts';

export type ClockName = 'first_response' | 'resolution';

export function caseClock(
  row: CaseRow,
  clock: ClockName,
  cal: BusinessCalendar,
  pauses: Pause[],
  now: Date,
) {
  const target = ClockTargetSchema.parse(
    clock === 'first_response' ? row.firstResponseTarget : row.resolutionTarget,
  );
  const stoppedAt = clock === 'first_response' ? row.firstResponseAt : row.resolvedAt;
  return clockState({ cal, target, startedAt: row.receivedAt, pauses, stoppedAt, now });
}

export async function pausesOf(tx: DbOrTx, caseId: string): Promise<Pause[]> {
  const rows = await listPauses(tx, caseId);
  return rows.map((p) => ({ from: p.pausedAt, to: p.resumedAt }));
}

/** Recomputes the due times stored on the case (for ordering the inbox) and queues the
 * due-soon and breach checks for each running clock. Handlers re-check the state, so an
 * early or duplicate job is harmless and a moved due time simply reschedules. */
export async function scheduleSlaChecks(
  tx: DbOrTx,
  ctx: Ctx,
  row: CaseRow,
  settings: Settings,
  now: Date,
  clocks: ClockName[] = ['first_response', 'resolution'],
): Promise<void> {
  const pauses = await pausesOf(tx, row.id);
  const due: { firstResponseDueAt?: Date; resolutionDueAt?: Date } = {};
  for (const clock of clocks) {
    const state = caseClock(row, clock, settings.calendar, pauses, now);
    if (state.status !== 'running' || !state.dueAt) continue;
    due[clock === 'first_response' ? 'firstResponseDueAt' : 'resolutionDueAt'] = state.dueAt;
    const soon = new Date(state.dueAt.getTime() - settings.dueSoonMinutes * 60_000);
    await ctx.jobs.send(
      tx,
      JOBS.slaCheck.name,
      { caseId: row.id, clock, stage: 'due_soon' },
      { startAfter: soon },
    );
    await ctx.jobs.send(
      tx,
      JOBS.slaCheck.name,
      { caseId: row.id, clock, stage: 'breach' },
      { startAfter: state.dueAt },
    );
  }
  if (Object.keys(due).length > 0) await updateCase(tx, row.id, due, now);
}
