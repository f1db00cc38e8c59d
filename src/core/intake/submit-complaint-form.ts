// The public web form (R1, R15): anyone can complain without an account and gets a reference
// at once. Bots that fill the hidden honeypot field are answered like people but nothing is kept.
import { ComplaintFormInput } from '../../contracts/complaint-form.ts';
import { openCase } from '../cases/open-case.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';

export type FormOutcome = { isStored: true; reference: string } | { isStored: false };

export async function submitComplaintForm(
  ctx: Ctx,
  raw: unknown,
  opts: { idempotencyKey?: string } = {},
): Promise<FormOutcome> {
  const form = parseInput(ComplaintFormInput, raw);
  if (form.website) return { isStored: false };
  const contacts = [
    ...(form.email ? [{ kind: 'email' as const, value: form.email }] : []),
    ...(form.phone ? [{ kind: 'phone' as const, value: form.phone }] : []),
  ];
  const { case: opened } = await openCase(
    ctx,
    {
      channel: 'web',
      ...(form.subject ? { subject: form.subject } : {}),
      account: form.message,
      customer: {
        firstName: form.firstName,
        ...(form.lastName ? { lastName: form.lastName } : {}),
        contacts,
      },
      preferredContact: form.preferredContact,
    },
    opts,
  );
  return { isStored: true, reference: opened.reference };
}
