// The two timed duties of a promise: remind its owner before it is due, and escalate it as
// broken when the due time passes with nobody settling it. Each happens exactly once.
import { isUuid } from '../cases/case.repo.ts';
import { mutateCase, type CaseChange } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { applyOutcome } from './settle-promise.ts';
import { caseOfPromise, claimEffect, lockPromise, type PromiseRow } from './promise.repo.ts';

type Outcome = 'fired' | 'not_needed' | 'duplicate';

type Fire = (c: CaseChange, p: PromiseRow) => Promise<Outcome>;

async function onOpenPromise(
  ctx: Ctx,
  promiseId: string,
  effect: string,
  fire: Fire,
  isReady = (_c: CaseChange, _p: PromiseRow) => true,
): Promise<Outcome> {
  return withPromise(ctx, promiseId, async (c, p) => {
    if (p.status !== 'open' || !isReady(c, p)) return 'not_needed';
    if (!(await claimEffect(c.tx, `${effect}:${p.id}`, c.now))) return 'duplicate';
    return fire(c, p);
  });
}

async function withPromise(ctx: Ctx, promiseId: string, fn: Fire): Promise<Outcome> {
  const caseId = isUuid(promiseId) ? await caseOfPromise(ctx.database.db, promiseId) : null;
  if (!caseId) return 'not_needed';
  return mutateCase(
    ctx,
    caseId,
    async (c) => {
      const p = await lockPromise(c.tx, promiseId);
      return p ? fn(c, p) : 'not_needed';
    },
    { allowClosed: true },
  );
}

export async function remindPromise(ctx: Ctx, promiseId: string): Promise<Outcome> {
  return onOpenPromise(ctx, promiseId, 'promise:reminder', async (c, p) => {
    await record(c.tx, ctx, c.row.id, 'promise_reminder', {
      promiseId: p.id,
      dueAt: p.dueAt.toISOString(),
    });
    const userId = p.ownerId ?? c.row.ownerId;
    if (userId) {
      await notify(c.tx, {
        userId,
        caseId: c.row.id,
        kind: 'promise_reminder',
        message: `${c.row.reference}: “${p.what}” is due ${p.dueAt.toISOString()}.`,
      });
    }
    return 'fired';
  });
}

export async function expirePromise(ctx: Ctx, promiseId: string): Promise<Outcome> {
  return onOpenPromise(
    ctx,
    promiseId,
    'promise:due',
    async (c, p) => {
      await applyOutcome(ctx, c, p, 'broken', 'Nobody marked it kept by its due time.');
      return 'fired';
    },
    // A job that runs early (clock skew) must not break a promise that still has time.
    (c, p) => p.dueAt <= c.now,
  );
}
