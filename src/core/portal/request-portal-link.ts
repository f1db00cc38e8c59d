// A customer with an expired or broken link asks for a new one with their reference and email.
// When both match, the owner is told (and the timeline says so); either way the caller gets
// the same answer, so the form cannot be used to find out which references exist.
import { LinkRequestInput } from '../../contracts/portal.ts';
import { findCase } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { contactsOf, normaliseContact } from '../customers/customer.repo.ts';
import { notify } from '../notifications/notification.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';

export async function requestPortalLink(ctx: Ctx, raw: unknown): Promise<{ isMatch: boolean }> {
  const input = parseInput(LinkRequestInput, raw);
  const reference = input.reference.toUpperCase();
  if (!/^RD-\d{1,12}$/.test(reference)) return { isMatch: false };
  const found = await findCase(ctx.database.db, reference);
  if (!found) return { isMatch: false };
  const email = normaliseContact({ kind: 'email', value: input.email }).value;
  const contacts = await contactsOf(ctx.database.db, [found.customerId]);
  if (!contacts.some((c) => c.kind === 'email' && c.value === email)) return { isMatch: false };
  await mutateCase(
    ctx,
    found.id,
    async ({ tx, row }) => {
      await record(tx, ctx, row.id, 'portal_link_requested', {});
      await notify(tx, {
        ...(row.ownerId ? { userId: row.ownerId } : { role: 'supervisor' }),
        caseId: row.id,
        kind: 'portal_link_requested',
        message: `${row.reference}: the customer asks for a new status link.`,
      });
    },
    { allowClosed: true },
  );
  return { isMatch: true };
}
