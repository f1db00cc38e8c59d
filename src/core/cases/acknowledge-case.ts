// R2: an automatic acknowledgement with the case reference and an honest expected time for the
// first human answer. It is not the first response and does not stop that clock. Exactly once.
import { DateTime } from 'luxon';
import { claimEffect } from '../promises/promise.repo.ts';
import { findCustomer } from '../customers/customer.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { mutateCase } from './mutate-case.ts';
import { queueDelivery } from '../outbound/queue-delivery.ts';
import { routeMessage } from '../outbound/route-message.ts';
import { insertMessage } from './message.repo.ts';
import { record } from './timeline.ts';
import { portalSecret, type PortalConfig } from '../portal/portal-secret.ts';
import { defaultExpiry, portalToken, portalUrl } from '../portal/portal-token.rules.ts';

interface AckFacts {
  firstName: string | null;
  reference: string;
  expectedBy: Date | null;
  timeZone: string;
  /** The customer's portal link (R15), when the server knows its public address. */
  statusUrl?: string;
}

function answerBy(input: AckFacts, format: string): string {
  return input.expectedBy
    ? DateTime.fromJSDate(input.expectedBy, { zone: input.timeZone }).toFormat(format)
    : 'as soon as someone is back at their desk';
}

/** A text message is read on a phone: the same facts, in as few characters as honesty allows. */
export function shortAcknowledgementText(input: AckFacts): string {
  const when = answerBy(input, "ccc d LLL 'at' HH:mm");
  return [
    `We have your message: case ${input.reference}. A person will reply by ${when}.`,
    ...(input.statusUrl ? [`Follow it here: ${input.statusUrl}`] : []),
  ].join(' ');
}

export function acknowledgementText(input: AckFacts): string {
  const greeting = input.firstName ? `Dear ${input.firstName},` : 'Hello,';
  const when = answerBy(input, "cccc d LLLL 'at' HH:mm");
  return [
    greeting,
    '',
    `We have your message and it is logged as case ${input.reference}.`,
    `A member of our team will reply personally by ${when}. Quote ${input.reference} in any reply and it will reach the same person.`,
    ...(input.statusUrl ? ['', `Follow your case and answer us here: ${input.statusUrl}`] : []),
  ].join('\n');
}

export async function acknowledgeCase(ctx: Ctx, caseId: string, portal: PortalConfig = {}) {
  return mutateCase(
    ctx,
    caseId,
    async ({ tx, row, settings, now }) => {
      if (!(await claimEffect(tx, `ack:${row.id}`, now))) return { isNew: false };
      const customer = await findCustomer(tx, row.customerId);
      // On the customer's own channel: a text for a text, or how they asked to be answered.
      const channel = await routeMessage(tx, row);
      const text = channel === 'sms' ? shortAcknowledgementText : acknowledgementText;
      const body = text({
        firstName: customer?.firstName ?? null,
        reference: row.reference,
        expectedBy: row.firstResponseDueAt,
        timeZone: settings.calendar.timeZone,
        ...(portal.publicUrl
          ? {
              statusUrl: portalUrl(
                portal.publicUrl,
                portalToken(await portalSecret(tx, portal), row.id, defaultExpiry(now)),
              ),
            }
          : {}),
      });
      const message = await insertMessage(tx, {
        caseId: row.id,
        direction: 'out',
        kind: 'acknowledgement',
        channel,
        body,
        createdAt: now,
      });
      await record(tx, ctx, row.id, 'acknowledged', {
        messageId: message.id,
        expectedBy: row.firstResponseDueAt?.toISOString() ?? null,
        channel,
      });
      await queueDelivery(ctx, tx, message);
      return { isNew: true };
    },
    { allowClosed: true },
  );
}
