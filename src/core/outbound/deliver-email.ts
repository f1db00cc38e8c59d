// Sends one outbound message by email, threaded with a Message-ID that carries the case
// reference (so the customer's reply finds its case). A failure is shown to the case owner once
// and rethrown, so the job queue retries with back-off; nothing is dropped. A message already
// sent is never sent again.
import { findCase } from '../cases/case.repo.ts';
import { record } from '../cases/timeline.ts';
import { contactsOf, findCustomer } from '../customers/customer.repo.ts';
import { notify } from '../notifications/notification.repo.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { outboundMessageId } from '../intake/email-thread.rules.ts';
import { effectExists, findMessage, lastInboundEmailId } from './outbound.repo.ts';
import type { Mailer } from './mailer.ts';

export type DeliveryOutcome = 'sent' | 'already_sent' | 'no_address' | 'not_found';

export async function deliverEmail(
  ctx: Ctx,
  mailer: Mailer,
  messageId: string,
): Promise<DeliveryOutcome> {
  const db = ctx.database.db;
  const message = await findMessage(db, messageId);
  if (!message) return 'not_found';
  const row = await findCase(db, message.caseId);
  if (!row) return 'not_found';
  const sentKey = `email-sent:${message.id}`;
  if (await effectExists(db, sentKey)) return 'already_sent';
  const to = (await contactsOf(db, [row.customerId])).find((c) => c.kind === 'email')?.value;
  if (!to) return 'no_address';
  const customer = await findCustomer(db, row.customerId);
  const inReplyTo = await lastInboundEmailId(db, row.id);
  const mail = {
    from: mailer.from,
    to,
    subject: `${row.subject ? `Re: ${row.subject.replace(/^(re:\s*)+/i, '')}` : 'Your complaint'} [${row.reference}]`,
    text: message.body,
    messageId: outboundMessageId(row.reference, message.id, mailer.domain),
    isAutomatic: message.kind === 'acknowledgement' || message.kind === 'portal_link',
    ...(inReplyTo ? { inReplyTo } : {}),
  };
  try {
    await mailer.send(mail);
  } catch (err) {
    await db.transaction(async (tx) => {
      if (!(await claimEffect(tx, `email-delayed:${message.id}`, ctx.now()))) return;
      await record(tx, ctx, row.id, 'email_delayed', {
        messageId: message.id,
        error: String((err as Error).message).slice(0, 300),
      });
      if (row.ownerId) {
        await notify(tx, {
          userId: row.ownerId,
          caseId: row.id,
          kind: 'email_delayed',
          message: `${row.reference}: email to ${customer?.firstName ?? 'the customer'} is delayed; it will be retried.`,
        });
      }
    });
    throw err;
  }
  await db.transaction(async (tx) => {
    if (!(await claimEffect(tx, sentKey, ctx.now()))) return;
    await record(tx, ctx, row.id, 'email_sent', {
      messageId: message.id,
      to,
      emailMessageId: mail.messageId,
    });
  });
  return 'sent';
}
