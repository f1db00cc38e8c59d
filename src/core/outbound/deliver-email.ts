// Sends one outbound message by email, threaded with a Message-ID that carries the case
// reference (so the customer's reply finds its case). The send runs under a per-message lock and
// is recorded as sent in the same transaction, so two workers (or a queued duplicate) never send
// it twice. When the mail server is down or refuses (4xx or 5xx), nothing is dropped: the case
// owner is told once, and the next try is queued with a growing delay (EMAIL_RETRY), for as
// long as it takes the server to accept the message. If PostgreSQL drops the connection after
// the server took the message, the record is written as soon as it answers again; only a worker
// killed in that instant can leave a second copy (with the same Message-ID) to a later try.
import { createHash } from 'node:crypto';
import { JOBS } from '../../contracts/jobs.ts';
import { findCase } from '../cases/case.repo.ts';
import { record } from '../cases/timeline.ts';
import { contactsOf, findCustomer } from '../customers/customer.repo.ts';
import { notify } from '../notifications/notification.repo.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import type { Tx } from '../../db/client.ts';
import { outboundMessageId } from '../intake/email-thread.rules.ts';
import { EMAIL_RETRY, retryDelaySeconds, type RetryPolicy } from './delivery.rules.ts';
import { effectExists, findMessage, lastInboundEmailId, lockDelivery } from './outbound.repo.ts';
import type { Mailer } from './mailer.ts';

/** Waits at most this long for the database to take the record of a message already sent. */
const RECORD_PATIENCE_MS = 90_000;

async function recordWhenBack(ctx: Ctx, write: (tx: Tx) => Promise<void>, first: unknown) {
  let last = first;
  for (let waited = 0, wait = 250; waited < RECORD_PATIENCE_MS; wait = Math.min(wait * 2, 5_000)) {
    await new Promise((r) => setTimeout(r, wait));
    waited += wait;
    try {
      return await ctx.database.db.transaction(write);
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

export type DeliveryOutcome = 'sent' | 'already_sent' | 'no_address' | 'not_found' | 'delayed';

/**
 * The job id of try number `attempt` of a message: a try queued twice (a worker that dies after
 * queuing it, so its own job runs again) stays one job.
 */
function retryJobId(messageId: string, attempt: number): string {
  const h = createHash('sha256').update(`email-send:${messageId}:${attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function deliverEmail(
  ctx: Ctx,
  mailer: Mailer,
  messageId: string,
  opts: { attempt?: number; retry?: RetryPolicy } = {},
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
  const recordSent = async (tx: Tx) => {
    if (!(await claimEffect(tx, sentKey, ctx.now()))) return;
    await record(tx, ctx, row.id, 'email_sent', {
      messageId: message.id,
      to,
      emailMessageId: mail.messageId,
    });
  };
  let failure: unknown = null;
  let isHandedOver = false;
  let outcome: DeliveryOutcome;
  try {
    outcome = await db.transaction(async (tx): Promise<DeliveryOutcome> => {
      await lockDelivery(tx, sentKey);
      if (await effectExists(tx, sentKey)) return 'already_sent';
      try {
        await mailer.send(mail);
      } catch (err) {
        failure = err;
        return 'delayed';
      }
      isHandedOver = true;
      await recordSent(tx);
      return 'sent';
    });
  } catch (err) {
    if (!isHandedOver) throw err;
    // The server has the message but its record was lost with the transaction (PostgreSQL
    // restarting under it): record it as soon as the database answers, or the job's next run
    // would send a second copy.
    await recordWhenBack(ctx, recordSent, err);
    return 'sent';
  }
  if (outcome !== 'delayed') return outcome;

  // The server is down or refused: queue the next try, and tell the owner the first time.
  const attempt = opts.attempt ?? 0;
  const wait = retryDelaySeconds(attempt, opts.retry ?? EMAIL_RETRY);
  const error = String((failure as Error).message).slice(0, 300);
  // The server's words can quote the address, so the log keeps only the codes.
  const { code, responseCode, command } = failure as Record<string, unknown>;
  ctx.log.warn(
    { messageId: message.id, attempt, code, responseCode, command, retryInSeconds: wait },
    'outbound email delayed',
  );
  await db.transaction(async (tx) => {
    await ctx.jobs.send(tx, [
      {
        name: JOBS.sendEmail.name,
        id: retryJobId(message.id, attempt + 1),
        data: { messageId: message.id, attempt: attempt + 1 },
        startAfter: new Date(ctx.now().getTime() + wait * 1000),
      },
    ]);
    if (!(await claimEffect(tx, `email-delayed:${message.id}`, ctx.now()))) return;
    await record(tx, ctx, row.id, 'email_delayed', { messageId: message.id, error });
    if (row.ownerId) {
      await notify(tx, {
        userId: row.ownerId,
        caseId: row.id,
        kind: 'email_delayed',
        message: `${row.reference}: email to ${customer?.firstName ?? 'the customer'} is delayed (the mail server did not take it); it will be retried until it goes out.`,
      });
    }
  });
  return 'delayed';
}
