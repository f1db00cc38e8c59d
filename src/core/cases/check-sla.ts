// A due-soon or breach check for one SLA clock. The check recomputes the clock (pauses may have
// moved the due time): too early → re-queued for the new time; met or paused → nothing; due soon
// or breached → one timeline event and one alert, exactly once per clock and stage. A clock
// starts with its due-soon check only; that check queues the breach check for the due time.
import { JOBS } from '../../contracts/jobs.ts';
import { notify } from '../notifications/notification.repo.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { dueSoon } from '../sla/sla.rules.ts';
import { mutateCase } from './mutate-case.ts';
import { caseClock, pausesOf, type ClockName } from './sla-schedule.ts';
import { record } from './timeline.ts';

export type SlaCheckOutcome = 'fired' | 'rescheduled' | 'not_needed' | 'duplicate';

export async function checkSla(
  ctx: Ctx,
  input: { caseId: string; clock: ClockName; stage: 'due_soon' | 'breach' },
): Promise<SlaCheckOutcome> {
  return mutateCase(
    ctx,
    input.caseId,
    async ({ tx, row, settings, now }) => {
      if (row.status === 'closed') return 'not_needed';
      const state = caseClock(row, input.clock, settings.calendar, await pausesOf(tx, row.id), now);
      if (state.status === 'met' || state.status === 'paused') return 'not_needed';
      const windowMs = settings.dueSoonMinutes * 60_000;
      const isDue =
        input.stage === 'breach'
          ? state.status === 'breached'
          : dueSoon(state, windowMs) || state.status === 'breached';
      if (!isDue && state.dueAt) {
        const at =
          input.stage === 'breach' ? state.dueAt : new Date(state.dueAt.getTime() - windowMs);
        await ctx.jobs.send(tx, [{ name: JOBS.slaCheck.name, data: input, startAfter: at }]);
        return 'rescheduled';
      }
      if (input.stage === 'due_soon' && state.dueAt) {
        // Queued even when this stage already fired: a pause and resume re-queue the due-soon
        // check, and the breach check (itself exactly-once) must follow it again.
        await ctx.jobs.send(tx, [
          {
            name: JOBS.slaCheck.name,
            data: { ...input, stage: 'breach' },
            startAfter: state.dueAt,
          },
        ]);
      }
      if (!(await claimEffect(tx, `sla:${input.stage}:${input.clock}:${row.id}`, now)))
        return 'duplicate';
      const type = input.stage === 'breach' ? 'sla_breached' : 'sla_due_soon';
      await record(tx, ctx, row.id, type, {
        clock: input.clock,
        dueAt: state.dueAt?.toISOString() ?? null,
      });
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
