// Turns a case's SLA targets into clock states, stored due times and durable check jobs.
import type { Settings } from '../../contracts/settings.ts';
import { ClockTargetSchema } from '../../contracts/settings.ts';
import { JOBS } from '../../contracts/jobs.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx, JobRequest } from '../shared/context.ts';
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

export interface SlaPlan {
  due: { firstResponseDueAt?: Date; resolutionDueAt?: Date };
  jobs: JobRequest[];
}

/**
 * Pure: the due times to store (for ordering the queue) and the first check to queue for each
 * running clock — the due-soon check, which queues the breach check when it runs (check-sla.ts):
 * one job per clock at intake, where every row written costs throughput. Handlers re-check the
 * clock, so an early or duplicate check is harmless and a moved due time simply reschedules.
 */
export function planSlaChecks(
  row: ClockFacts,
  settings: Settings,
  pauses: Pause[],
  now: Date,
  clocks: ClockName[] = ['first_response', 'resolution'],
): SlaPlan {
  const plan: SlaPlan = { due: {}, jobs: [] };
  for (const clock of clocks) {
    const state = caseClock(row, clock, settings.calendar, pauses, now);
    if (state.status !== 'running' || !state.dueAt) continue;
    plan.due[clock === 'first_response' ? 'firstResponseDueAt' : 'resolutionDueAt'] = state.dueAt;
    const soon = new Date(state.dueAt.getTime() - settings.dueSoonMinutes * 60_000);
    plan.jobs.push({
      name: JOBS.slaCheck.name,
      data: { caseId: row.id, clock, stage: 'due_soon' },
      startAfter: soon,
    });
  }
  return plan;
}

/** After a pause ends or a case reopens: recompute, store and re-queue. */
export async function scheduleSlaChecks(
  tx: DbOrTx,
  ctx: Ctx,
  row: CaseRow,
  settings: Settings,
  now: Date,
  clocks?: ClockName[],
): Promise<CaseRow> {
  const plan = planSlaChecks(row, settings, await pausesOf(tx, row.id), now, clocks);
  await ctx.jobs.send(tx, plan.jobs);
  return Object.keys(plan.due).length > 0 ? updateCase(tx, row.id, plan.due, now) : row;
}
