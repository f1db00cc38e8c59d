// Moves a case through its lifecycle. Waiting on the customer pauses the SLA clocks when the
// policy says so; coming back resumes them and moves their due times.
import { StatusInput, ReopenInput } from '../../contracts/cases.ts';
import type { CaseStatus } from '../../contracts/enums.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { closePauses, openPause, updateCase } from './case.repo.ts';
import { mutateCase, type CaseChange } from './mutate-case.ts';
import { refreshDueTimes } from './sla-schedule.ts';
import { canTransition } from './status.rules.ts';
import { record } from './timeline.ts';

export async function applyStatus(ctx: Ctx, c: CaseChange, to: CaseStatus, reason?: string) {
  const { tx, row, settings, now } = c;
  const from = row.status as CaseStatus;
  if (from === to) return row;
  if (!canTransition(from, to)) {
    throw new DomainError('precondition_failed', `A case cannot move from ${from} to ${to}.`);
  }
  const pauses = settings.slaPolicy.pauseWhileAwaitingCustomer;
  if (pauses && to === 'awaiting_customer') await openPause(tx, row.id, now);
  if (pauses && from === 'awaiting_customer') await closePauses(tx, row.id, now);
  const updated = await updateCase(
    tx,
    row.id,
    {
      status: to,
      resolvedAt: to === 'resolved' ? now : to === 'in_progress' ? null : row.resolvedAt,
    },
    now,
  );
  await record(tx, ctx, row.id, 'status_changed', { from, to, reason });
  if (pauses && from === 'awaiting_customer') return refreshDueTimes(tx, updated, settings, now);
  return updated;
}

export async function changeStatus(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(StatusInput, raw);
  return mutateCase(ctx, caseId, (c) => applyStatus(ctx, c, input.status, input.reason));
}

/** Reopening a resolved or closed case puts it back to work, with the reason on the timeline. */
export async function reopenCase(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(ReopenInput, raw);
  return mutateCase(
    ctx,
    caseId,
    async ({ tx, row, settings, now }) => {
      if (row.status !== 'resolved' && row.status !== 'closed') {
        throw new DomainError('precondition_failed', `Case ${row.reference} is still open.`);
      }
      const updated = await updateCase(
        tx,
        row.id,
        { status: 'in_progress', closedAt: null, resolvedAt: null },
        now,
      );
      await record(tx, ctx, row.id, 'reopened', { from: row.status, reason: input.reason });
      return refreshDueTimes(tx, updated, settings, now, ['resolution']);
    },
    { allowClosed: true },
  );
}
