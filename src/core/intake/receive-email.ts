// Email intake (R1): a reply threads into its case; anything else opens a new case for the sender.
// Each Message-ID is filed once. Auto-replies and bounces never open cases and never get an
// acknowledgement, and a sender opening many cases quickly stops getting acknowledgements, so
// two auto-responders cannot keep each other busy.
import { InboundEmail } from '../../contracts/email.ts';
import { applyStatus } from '../cases/change-status.ts';
import { claimIdempotency, findCase, findIdempotent } from '../cases/case.repo.ts';
import { insertMessage } from '../cases/message.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { openCase } from '../cases/open-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { findReference, splitName, stripQuoted } from './email-thread.rules.ts';
import { casesFromEmailSince } from './intake.repo.ts';
import { DEFAULT_POLICY, type AttachmentPolicy } from '../attachments/attachment.rules.ts';
import { keepAttachments } from '../attachments/keep-attachments.ts';

export const ACK_LIMIT_PER_HOUR = 5;

export type EmailOutcome =
  | { outcome: 'opened'; caseId: string; reference: string; isAcknowledged: boolean }
  | { outcome: 'threaded'; caseId: string; reference: string }
  | { outcome: 'duplicate'; caseId: string }
  | { outcome: 'ignored'; reason: string };

/** What the timeline says about the files (the bytes live in `attachments`). */
const fileFacts = (mail: InboundEmail) =>
  mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size }));

async function thread(
  ctx: Ctx,
  mail: InboundEmail,
  reference: string,
  key: string | null,
  policy: AttachmentPolicy,
): Promise<EmailOutcome | null> {
  const found = await findCase(ctx.database.db, reference);
  if (!found) return null;
  return mutateCase(
    ctx,
    found.id,
    async (c) => {
      if (key && !(await claimIdempotency(c.tx, key, c.row.id)))
        return { outcome: 'duplicate', caseId: c.row.id };
      if (mail.isBounce) {
        await record(c.tx, ctx, c.row.id, 'delivery_failed', { subject: mail.subject });
        if (c.row.ownerId)
          await notify(c.tx, {
            userId: c.row.ownerId,
            caseId: c.row.id,
            kind: 'delivery_failed',
            message: `${c.row.reference}: an email to the customer bounced.`,
          });
        return { outcome: 'threaded', caseId: c.row.id, reference: c.row.reference };
      }
      const body = stripQuoted(mail.text) || mail.subject || '(empty message)';
      const message = await insertMessage(c.tx, {
        caseId: c.row.id,
        direction: 'in',
        kind: 'email',
        channel: 'email',
        body,
        createdAt: c.now,
      });
      await record(c.tx, ctx, c.row.id, 'customer_message', {
        messageId: message.id,
        emailMessageId: mail.messageId,
        isAutoSubmitted: mail.isAutoSubmitted,
        attachments: fileFacts(mail),
      });
      await keepAttachments(ctx, c.tx, c.row, mail.attachments, {
        policy,
        source: 'email',
        messageId: message.id,
        now: c.now,
      });
      // The customer answered: the clocks run again; a closed case is back in work.
      if (c.row.status === 'awaiting_customer' || c.row.status === 'closed') {
        await applyStatus(ctx, c, 'in_progress', 'The customer wrote again.');
      }
      return { outcome: 'threaded', caseId: c.row.id, reference: c.row.reference };
    },
    { allowClosed: true },
  );
}

export async function receiveEmail(
  ctx: Ctx,
  raw: unknown,
  policy: AttachmentPolicy = DEFAULT_POLICY,
): Promise<EmailOutcome> {
  authorize(ctx, 'case.write');
  const mail = parseInput(InboundEmail, raw);
  if (!mail.from)
    throw new DomainError('validation', 'The email has no sender.', [
      { path: 'from', message: 'Required.' },
    ]);
  const key = mail.messageId ? `email:${mail.messageId}` : null;
  const seen = key ? await findIdempotent(ctx.database.db, key) : null;
  if (seen) return { outcome: 'duplicate', caseId: seen };
  const reference = findReference(mail);
  const threaded = reference ? await thread(ctx, mail, reference, key, policy) : null;
  if (threaded) return threaded;
  if (mail.isBounce) return { outcome: 'ignored', reason: 'a bounce that matches no case' };
  if (mail.isAutoSubmitted)
    return { outcome: 'ignored', reason: 'an automatic reply that matches no case' };
  const recent = await casesFromEmailSince(
    ctx.database.db,
    mail.from.address,
    new Date(ctx.now().getTime() - 3_600_000),
  );
  const isAcknowledged = recent < ACK_LIMIT_PER_HOUR;
  const account = stripQuoted(mail.text) || mail.subject || '(empty message)';
  const { case: opened } = await openCase(
    ctx,
    {
      channel: 'email',
      subject: mail.subject ? mail.subject.slice(0, 300) : undefined,
      account: account.slice(0, 50_000),
      customer: {
        ...splitName(mail.from.name),
        contacts: [{ kind: 'email', value: mail.from.address }],
      },
    },
    {
      ...(key ? { idempotencyKey: key } : {}),
      suppressAcknowledgement: !isAcknowledged,
      alsoInTransaction: async (tx, row) => {
        await keepAttachments(ctx, tx, row, mail.attachments, {
          policy,
          source: 'email',
          now: ctx.now(),
        });
      },
    },
  );
  return { outcome: 'opened', caseId: opened.id, reference: opened.reference, isAcknowledged };
}
