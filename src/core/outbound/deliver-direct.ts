// Sends one outbound message through a direct channel adapter (text message, social direct
// message). The send runs under a per-message lock and is recorded as sent in the same
// transaction, so two workers (or a queued duplicate) never message the customer twice. A
// temporary refusal is shown to the owner once and rethrown so the job queue retries with
// back-off; a permanent one (an address that cannot receive, rejected credentials) is shown to
// the owner and not retried.
import { findCase, type CaseRow } from '../cases/case.repo.ts';
import { record, type EventType } from '../cases/timeline.ts';
import { contactsOf } from '../customers/customer.repo.ts';
import { notify } from '../notifications/notification.repo.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import type { MessageRow } from '../cases/message.repo.ts';
import type { DeliveryOutcome } from './deliver-email.ts';
import { DeliveryError } from './delivery-error.ts';
import { effectExists, findMessage, lockDelivery } from './outbound.repo.ts';

export type DirectOutcome = DeliveryOutcome | 'failed';

export interface DirectChannel {
  channel: 'sms' | 'social';
  contactKind: 'phone' | 'social';
  /** "a text message", "a direct message" */
  label: string;
  send(to: string, message: MessageRow, row: CaseRow): Promise<{ providerId: string | null }>;
}

async function recordFailure(
  ctx: Ctx,
  via: DirectChannel,
  row: CaseRow,
  messageId: string,
  err: unknown,
) {
  const isPermanent = err instanceof DeliveryError && err.isPermanent;
  const type = `${via.channel}_${isPermanent ? 'failed' : 'delayed'}` as EventType;
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
        ? `${row.reference}: ${via.label} to the customer could not be sent (${error}). Reach them another way.`
        : `${row.reference}: ${via.label} to the customer is delayed; it will be retried.`,
    });
  });
  return isPermanent;
}

export async function deliverDirect(
  ctx: Ctx,
  via: DirectChannel,
  messageId: string,
): Promise<DirectOutcome> {
  const db = ctx.database.db;
  const message = await findMessage(db, messageId);
  if (!message) return 'not_found';
  const row = await findCase(db, message.caseId);
  if (!row) return 'not_found';
  const to = (await contactsOf(db, [row.customerId])).find(
    (c) => c.kind === via.contactKind,
  )?.value;
  if (!to) return 'no_address';
  const sentKey = `${via.channel}-sent:${message.id}`;
  let failure: unknown = null;
  const outcome = await db.transaction(async (tx): Promise<DirectOutcome> => {
    await lockDelivery(tx, sentKey);
    if (await effectExists(tx, sentKey)) return 'already_sent';
    let providerId: string | null;
    try {
      ({ providerId } = await via.send(to, message, row));
    } catch (err) {
      failure = err;
      return 'failed';
    }
    await claimEffect(tx, sentKey, ctx.now());
    await record(tx, ctx, row.id, `${via.channel}_sent`, { messageId: message.id, to, providerId });
    return 'sent';
  });
  if (outcome !== 'failed') return outcome;
  if (await recordFailure(ctx, via, row, message.id, failure)) return 'failed';
  throw failure;
}
