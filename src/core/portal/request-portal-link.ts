// A customer with an expired or broken link asks for a new one with their reference and the
// email address or mobile number they gave us. When both match, a fresh link goes to that
// contact on file by a durable job (email, or a text message); without a public address to put
// in a link, the owner is asked to send one instead. Either way the caller gets the same answer,
// so the form cannot be used to find out which references or addresses exist. Each case gets at
// most LINKS_PER_DAY links a day, counted in the database so every instance shares the count.
import { DateTime } from 'luxon';
import { LinkRequestInput } from '../../contracts/portal.ts';
import { findCase } from '../cases/case.repo.ts';
import { insertMessage } from '../cases/message.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { contactsOf, normaliseContact } from '../customers/customer.repo.ts';
import { notify } from '../notifications/notification.repo.ts';
import { queueDelivery } from '../outbound/queue-delivery.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { countRecentEvents } from './portal.repo.ts';
import { portalSecret, type PortalConfig } from './portal-secret.ts';
import { defaultExpiry, portalToken, portalUrl } from './portal-token.rules.ts';

export const LINKS_PER_DAY = 3;

export function newLinkText(reference: string, url: string, expiresAt: Date, timeZone: string) {
  const until = DateTime.fromJSDate(expiresAt, { zone: timeZone }).toFormat('d LLLL yyyy');
  return `Here is a new link to follow case ${reference} and write to us: ${url} (valid until ${until}). If you did not ask for it, you can ignore this message.`;
}

export async function requestPortalLink(
  ctx: Ctx,
  raw: unknown,
  config: PortalConfig = {},
): Promise<{ isMatch: boolean }> {
  const input = parseInput(LinkRequestInput, raw);
  const reference = input.reference.toUpperCase();
  if (!/^RD-\d{1,12}$/.test(reference)) return { isMatch: false };
  const found = await findCase(ctx.database.db, reference);
  if (!found) return { isMatch: false };
  const given = normaliseContact({
    kind: input.contact.includes('@') ? 'email' : 'phone',
    value: input.contact,
  });
  const contacts = await contactsOf(ctx.database.db, [found.customerId]);
  const isMatch = contacts.some((c) => c.kind === given.kind && c.value === given.value);
  if (!isMatch || (given.kind === 'phone' && given.value.replace(/\D/g, '').length < 6))
    return { isMatch: false };
  const channel = given.kind === 'email' ? 'email' : 'sms';
  await mutateCase(
    ctx,
    found.id,
    async ({ tx, row, now }) => {
      const since = new Date(now.getTime() - 86_400_000);
      const sentToday = await countRecentEvents(tx, row.id, 'portal_link_sent', since);
      if (!config.publicUrl || sentToday >= LINKS_PER_DAY) {
        const why = config.publicUrl ? 'limit' : 'no_public_url';
        await record(tx, ctx, row.id, 'portal_link_requested', { channel, held: why });
        await notify(tx, {
          ...(row.ownerId ? { userId: row.ownerId } : { role: 'supervisor' }),
          caseId: row.id,
          kind: 'portal_link_requested',
          message:
            why === 'limit'
              ? `${row.reference}: the customer asked for another status link after ${LINKS_PER_DAY} today; none was sent. Check in with them.`
              : `${row.reference}: the customer asks for a new status link.`,
        });
        return;
      }
      const expiresAt = defaultExpiry(now);
      const url = portalUrl(
        config.publicUrl,
        portalToken(await portalSecret(tx, config), row.id, expiresAt),
      );
      const settings = await loadSettings(tx);
      const message = await insertMessage(tx, {
        caseId: row.id,
        direction: 'out',
        kind: 'portal_link',
        channel,
        body: newLinkText(row.reference, url, expiresAt, settings.calendar.timeZone),
        createdAt: now,
      });
      await record(tx, ctx, row.id, 'portal_link_sent', { channel, messageId: message.id });
      await queueDelivery(ctx, tx, message);
    },
    { allowClosed: true },
  );
  return { isMatch: true };
}
