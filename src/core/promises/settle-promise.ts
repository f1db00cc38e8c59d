// A promise ends kept or broken. A broken promise is worse than none: it is escalated to the
// supervisors and counted (R11).
import { SettlePromiseInput } from '../../contracts/cases.ts';
import { isUuid } from '../cases/case.repo.ts';
import { mutateCase, type CaseChange } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { caseOfPromise, lockPromise, settle, type PromiseRow } from './promise.repo.ts';

export async function applyOutcome(
  ctx: Ctx,
  c: CaseChange,
  p: PromiseRow,
  outcome: 'kept' | 'broken',
  note?: string,
) {
  const settled = await settle(c.tx, p.id, outcome, c.now);
  await record(c.tx, ctx, c.row.id, outcome === 'kept' ? 'promise_kept' : 'promise_broken', {
    promiseId: p.id,
    what: p.what,
    note,
  });
  if (outcome === 'broken') {
    await notify(c.tx, {
      role: 'supervisor',
      caseId: c.row.id,
      kind: 'promise_broken',
      message: `${c.row.reference}: the promise “${p.what}” was broken.`,
    });
  }
  return settled;
}

export async function settlePromise(ctx: Ctx, promiseId: string, raw: unknown) {
  const input = parseInput(SettlePromiseInput, raw);
  const caseId = isUuid(promiseId) ? await caseOfPromise(ctx.database.db, promiseId) : null;
  if (!caseId) throw notFound('Promise');
  return mutateCase(
    ctx,
    caseId,
    async (c) => {
      const p = await lockPromise(c.tx, promiseId);
      if (!p) throw notFound('Promise');
      if (p.status !== 'open')
        throw new DomainError('conflict', `This promise is already ${p.status}.`);
      return applyOutcome(ctx, c, p, input.outcome, input.note);
    },
    { allowClosed: true },
  );
}
