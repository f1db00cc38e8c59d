// R11: a promise is a commitment with a due time and an owner. A reminder is queued before it
// is due and a check at the due time, which escalates it if nobody settled it.
import { PromiseInput } from '../../contracts/cases.ts';
import { JOBS } from '../../contracts/jobs.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { findCustomer } from '../customers/customer.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { findUser } from '../users/user.repo.ts';
import { insertPromise } from './promise.repo.ts';

export async function makePromise(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(PromiseInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row, settings, now }) => {
    const dueAt = new Date(input.dueAt);
    if (dueAt <= now) {
      throw new DomainError('validation', 'Some fields are not valid.', [
        { path: 'dueAt', message: 'A promise must be due in the future.' },
      ]);
    }
    const ownerId = input.ownerId ?? (ctx.actor.kind === 'user' ? ctx.actor.id : row.ownerId);
    if (input.ownerId && !(await findUser(tx, input.ownerId))?.isActive) {
      throw new DomainError('validation', 'Unknown owner.', [
        { path: 'ownerId', message: 'No active user with this id.' },
      ]);
    }
    const customer = await findCustomer(tx, row.customerId);
    const promise = await insertPromise(tx, {
      caseId: row.id,
      what: input.what,
      toWhom: input.toWhom ?? customer?.firstName ?? 'the customer',
      ownerId,
      dueAt,
      status: 'open',
    });
    await record(tx, ctx, row.id, 'promise_made', {
      promiseId: promise.id,
      what: promise.what,
      dueAt: dueAt.toISOString(),
    });
    const remindAt = new Date(dueAt.getTime() - settings.promiseReminderMinutes * 60_000);
    await ctx.jobs.send(tx, [
      {
        name: JOBS.promiseReminder.name,
        data: { promiseId: promise.id },
        startAfter: remindAt < now ? now : remindAt,
      },
      { name: JOBS.promiseDue.name, data: { promiseId: promise.id }, startAfter: dueAt },
    ]);
    return promise;
  });
}
