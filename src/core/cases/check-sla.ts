// A due-soon or breach check for one SLA clock, run by the SLA sweep (sweep-sla.ts). The check
// recomputes the clock (a pause or a settings change may have moved the due time): not due yet
// → the new due time is stored, so the sweep looks again then; met or paused → nothing; due
// soon or breached → one timeline event and one alert, exactly once per clock, stage and due
// time. A due time moved by a pause, or a case reopened, earns its own alerts.
import { notify } from '../notifications/notification.repo.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { dueSoon } from '../sla/sla.rules.ts';
import { updateCase } from './case.repo.ts';
import { mutateCase } from './mutate-case.ts';
import { caseClock, pausesOf, type ClockName } from './sla-schedule.ts';
import { record } from './timeline.ts';

export type SlaCheckOutcome = 'fired' | 'rescheduled' | 'not_needed' | 'duplicate';
export type SlaStage = 'due_soon' | 'breach';

/**
 * The `effects` key that makes an alert happen once. The sweep's query builds the same text in
 * SQL (sweep-sla.ts, `effectKeySql`) to skip alerts already given.
 */
export function slaEffectKey(stage: SlaStage, clock: ClockName, caseId: string, dueAt: Date) {
  return `sla:${stage}:${clock}:${caseId}@${dueAt.toISOString()}`;
}

export async function checkSla(
  ctx: Ctx,
  input: { caseId: string; clock: ClockName; stage: SlaStage },
): Promise<SlaCheckOutcome> {
  return mutateCase(
    ctx,
    input.caseId,
    async ({ tx, row, settings, now }) => {
      if (row.status === 'closed') return 'not_needed';
      const state = caseClock(row, input.clock, settings.calendar, await pausesOf(tx, row.id), now);
      if (state.status === 'met' || state.status === 'paused' || !state.dueAt) return 'not_needed';
      const dueAt = state.dueAt;
      const stored =
        input.clock === 'first_response' ? row.firstResponseDueAt : row.resolutionDueAt;
      if (stored?.getTime() !== dueAt.getTime()) {
        const patch =
          input.clock === 'first_response'
            ? { firstResponseDueAt: dueAt }
            : { resolutionDueAt: dueAt };
        await updateCase(tx, row.id, patch, now);
      }
      const windowMs = settings.dueSoonMinutes * 60_000;
      const isDue =
        input.stage === 'breach'
          ? state.status === 'breached'
          : dueSoon(state, windowMs) || state.status === 'breached';
      if (!isDue) return 'rescheduled';
      if (!(await claimEffect(tx, slaEffectKey(input.stage, input.clock, row.id, dueAt), now)))
        return 'duplicate';
      const type = input.stage === 'breach' ? 'sla_breached' : 'sla_due_soon';
      await record(tx, ctx, row.id, type, { clock: input.clock, dueAt: dueAt.toISOString() });
      const what = input.clock === 'first_response' ? 'first response' : 'resolution';
      const message =
        input.stage === 'breach'
          ? `${row.reference}: the ${what} target was missed.`
          : `${row.reference}: the ${what} is due soon.`;
      if (row.ownerId)
        await notify(tx, { userId: row.ownerId, caseId: row.id, kind: type, message });
      if (input.stage === 'breach')
        await notify(tx, { role: 'supervisor', caseId: row.id, kind: type, message });
      return 'fired';
    },
    { allowClosed: true },
  );
}
