// A corrective action's due date is a promise on the R11 clock: its owner is reminded before it
// is due, and when it passes unshipped it is escalated as overdue to the owner, the problem's
// owner and every manager. Each happens exactly once, however often the job runs.
import { notify } from '../notifications/notification.repo.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { isUuid } from '../cases/case.repo.ts';
import { recordProblemEvent } from './problem-timeline.ts';
import { findProblem, lockAction, type ActionRow } from './problem.repo.ts';
import { DomainError } from '../shared/errors.ts';
import type { Tx } from '../../db/client.ts';

type Outcome = 'fired' | 'not_needed' | 'duplicate';

async function onPlannedAction(
  ctx: Ctx,
  actionId: string,
  effect: string,
  isReady: (a: ActionRow, now: Date) => boolean,
  fire: (tx: Tx, a: ActionRow) => Promise<void>,
): Promise<Outcome> {
  if (!isUuid(actionId)) return 'not_needed';
  return ctx.database.db.transaction(async (tx) => {
    let action: ActionRow;
    try {
      action = await lockAction(tx, actionId);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') return 'not_needed';
      throw err;
    }
    if (action.status === 'shipped' || !isReady(action, ctx.now())) return 'not_needed';
    if (!(await claimEffect(tx, `${effect}:${action.id}`, ctx.now()))) return 'duplicate';
    await fire(tx, action);
    return 'fired';
  });
}

export async function remindCorrectiveAction(ctx: Ctx, actionId: string): Promise<Outcome> {
  return onPlannedAction(
    ctx,
    actionId,
    'corrective-action:reminder',
    () => true,
    async (tx, a) => {
      await recordProblemEvent(tx, ctx, a.problemId, 'action_reminder', {
        actionId: a.id,
        dueAt: a.dueAt.toISOString(),
      });
      const userId = a.ownerId ?? (await findProblem(tx, a.problemId))?.ownerId;
      if (userId) {
        await notify(tx, {
          userId,
          kind: 'corrective_action_reminder',
          message: `Corrective action “${a.what.slice(0, 120)}” is due ${a.dueAt.toISOString()}.`,
        });
      }
    },
  );
}

export async function escalateCorrectiveAction(ctx: Ctx, actionId: string): Promise<Outcome> {
  return onPlannedAction(
    ctx,
    actionId,
    'corrective-action:overdue',
    // A job that runs early (clock skew) must not call an action overdue while it has time.
    (a, now) => a.dueAt <= now,
    async (tx, a) => {
      await recordProblemEvent(tx, ctx, a.problemId, 'action_overdue', {
        actionId: a.id,
        dueAt: a.dueAt.toISOString(),
      });
      const problem = await findProblem(tx, a.problemId);
      const message = `Overdue: corrective action “${a.what.slice(0, 120)}” for “${problem?.title ?? 'a problem'}” was due ${a.dueAt.toISOString()} and has not shipped.`;
      const people = new Set([a.ownerId, problem?.ownerId].filter((v): v is string => !!v));
      for (const userId of people)
        await notify(tx, { userId, kind: 'corrective_action_overdue', message });
      await notify(tx, { role: 'manager', kind: 'corrective_action_overdue', message });
    },
  );
}
