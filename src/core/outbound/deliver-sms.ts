// Sends one outbound message as a text message through the provider adapter. The send runs under
// a per-message lock and is recorded as sent in the same transaction, so two workers (or a
// queued duplicate) never text the customer twice. A temporary refusal is shown to the owner
// once and rethrown so the job queue retries with back-off; a permanent one (a number that
// cannot take texts, rejected credentials) is shown to the owner and not retried.
import { findCase, type CaseRow } from '../cases/case.repo.ts';
import { record } from '../cases/timeline.ts';
import { contactsOf } from '../customers/customer.repo.ts';
import { notify } from '../notifications/notification.repo.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { effectExists, findMessage, lockDelivery } from './outbound.repo.ts';
import { SmsSendError, type SmsSender } from './sms-sender.ts';
import type { DeliveryOutcome } from './deliver-email.ts';

export type SmsOutcome = DeliveryOutcome | 'failed';

async function recordFailure(ctx: Ctx, row: CaseRow, messageId: string, err: unknown) {
  const isPermanent = err instanceof SmsSendError && err.isPermanent;
  const type = isPermanent ? 'sms_failed' : 'sms_delayed';
  const error = String((err as Error).message).slice(0, 300);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await claimEffect(tx, `${type}:${messageId}`, ctx.now()))) return;
    await record(tx, ctx, row.id, type, { messageId, error });
    if (!row.ownerId) return;
    await notify(tx, {
      userId: row.ownerId,
      caseId: row.id,
      kind: type,
      message: isPermanent
        ? `${row.reference}: a text message to the customer could not be sent (${error}). Reach them another way.`
        : `${row.reference}: a text message to the customer is delayed; it will be retried.`,
    });
  });
  return isPermanent;
}

export async function deliverSms(
  ctx: Ctx,
  sender: SmsSender,
  messageId: string,
): Promise<SmsOutcome> {
  const db = ctx.database.db;
  const message = await findMessage(db, messageId);
  if (!message) return 'not_found';
  const row = await findCase(db, message.caseId);
  if (!row) return 'not_found';
  const to = (await contactsOf(db, [row.customerId])).find((c) => c.kind === 'phone')?.value;
  if (!to) return 'no_address';
  const sentKey = `sms-sent:${message.id}`;
  let failure: unknown = null;
  const outcome = await db.transaction(async (tx): Promise<SmsOutcome> => {
    await lockDelivery(tx, sentKey);
    if (await effectExists(tx, sentKey)) return 'already_sent';
    let providerId: string | null;
    try {
      ({ providerId } = await sender.send({ to, body: message.body }));
    } catch (err) {
      failure = err;
      return 'failed';
    }
    await claimEffect(tx, sentKey, ctx.now());
    await record(tx, ctx, row.id, 'sms_sent', { messageId: message.id, to, providerId });
    return 'sent';
  });
  if (outcome !== 'failed') return outcome;
  const isPermanent = await recordFailure(ctx, row, message.id, failure);
  if (isPermanent) return 'failed';
  throw failure;
}
