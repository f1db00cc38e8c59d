// Text and social intake (R1, R14). A message from someone with an open case on the same
// channel threads into it; otherwise it opens a case. Each provider message id is filed once.
// A public mention marks the case as public-facing: an activist signal with higher attention.
import { InboundSms, SocialEvent } from '../../contracts/webhooks.ts';
import type { Channel, ContactKind } from '../../contracts/enums.ts';
import { applyStatus } from '../cases/change-status.ts';
import { claimIdempotency, findIdempotent } from '../cases/case.repo.ts';
import { insertMessage } from '../cases/message.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { openCase } from '../cases/open-case.ts';
import { record } from '../cases/timeline.ts';
import { findByContacts, normaliseContact } from '../customers/customer.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { openCaseOf } from './intake.repo.ts';

export type MessageOutcome = { outcome: 'opened' | 'threaded' | 'duplicate'; caseId: string };

interface Inbound {
  key: string;
  channel: Channel;
  contact: { kind: ContactKind; value: string };
  name?: string;
  text: string;
  isPublic: boolean;
  url?: string;
}

async function file(ctx: Ctx, m: Inbound): Promise<MessageOutcome> {
  const seen = await findIdempotent(ctx.database.db, m.key);
  if (seen) return { outcome: 'duplicate', caseId: seen };
  const customerId = await findByContacts(ctx.database.db, [normaliseContact(m.contact)]);
  const existing = customerId ? await openCaseOf(ctx.database.db, customerId, m.channel) : null;
  if (existing) {
    return mutateCase(ctx, existing, async (c) => {
      if (!(await claimIdempotency(c.tx, m.key, c.row.id)))
        return { outcome: 'duplicate', caseId: c.row.id };
      const message = await insertMessage(c.tx, {
        caseId: c.row.id,
        direction: 'in',
        kind: m.channel,
        channel: m.channel,
        body: m.text,
        createdAt: c.now,
      });
      await record(c.tx, ctx, c.row.id, 'customer_message', {
        messageId: message.id,
        isPublic: m.isPublic,
        url: m.url,
      });
      if (c.row.status === 'awaiting_customer')
        await applyStatus(ctx, c, 'in_progress', 'The customer wrote again.');
      return { outcome: 'threaded', caseId: c.row.id };
    });
  }
  const [firstName, ...rest] = (m.name ?? '').trim().split(/\s+/).filter(Boolean);
  const { case: opened, isReplay } = await openCase(
    ctx,
    {
      channel: m.channel,
      account: m.text,
      ...(m.isPublic
        ? { complainerType: 'activist', severity: 'high', subject: 'Public mention' }
        : {}),
      customer: {
        ...(firstName ? { firstName: firstName.slice(0, 100) } : {}),
        ...(rest.length > 0 ? { lastName: rest.join(' ').slice(0, 100) } : {}),
        contacts: [m.contact],
      },
    },
    { idempotencyKey: m.key, isPublicFacing: m.isPublic },
  );
  return { outcome: isReplay ? 'duplicate' : 'opened', caseId: opened.id };
}

export async function receiveSms(ctx: Ctx, raw: unknown): Promise<MessageOutcome> {
  authorize(ctx, 'case.write');
  const sms = parseInput(InboundSms, raw);
  return file(ctx, {
    key: `sms:${sms.MessageSid}`,
    channel: 'sms',
    contact: { kind: 'phone', value: sms.From },
    text: sms.Body.trim() || '(empty text message)',
    isPublic: false,
  });
}

export async function receiveSocial(ctx: Ctx, raw: unknown): Promise<MessageOutcome> {
  authorize(ctx, 'case.write');
  const event = parseInput(SocialEvent, raw);
  return file(ctx, {
    key: `social:${event.network}:${event.id}`,
    channel: 'social',
    contact: { kind: 'social', value: `${event.network}:${event.author.handle}` },
    ...(event.author.name ? { name: event.author.name } : {}),
    text: event.text,
    isPublic: event.kind === 'mention',
    ...(event.url ? { url: event.url } : {}),
  });
}
