// What the customer portal accepts: plain form posts, so every field arrives as a string.
import { z } from 'zod';
import { Verdict } from './enums.ts';

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const score = z.coerce
  .number({ message: 'Choose 1 to 5.' })
  .int('Choose 1 to 5.')
  .min(1, 'Choose 1 to 5.')
  .max(5, 'Choose 1 to 5.');

export const PortalReplyInput = z.object({ body: text(20_000).min(1, 'Write your message.') });

export const PortalVerdictInput = z.object({
  verdict: Verdict,
  suggestion: text(2000)
    .optional()
    .transform((v) => v || undefined),
});

export const SurveyInput = z.object({
  outcomeFair: score,
  processFair: score,
  treatedWell: score,
  willStay: z.enum(['yes', 'no', 'unsure'], { message: 'Choose yes, no or unsure.' }),
  comment: text(5000)
    .optional()
    .transform((v) => v || undefined),
});

/** `contact` is the email address or mobile number given with the complaint (`email` is the
 * older name of the same field). */
export const LinkRequestInput = z
  .object({
    reference: text(40).min(1, 'Enter your case reference.'),
    contact: text(320).optional(),
    email: text(320).optional(),
  })
  .transform((v, issues) => {
    const contact = v.contact || v.email || '';
    if (contact.length < 3)
      issues.addIssue({
        code: 'custom',
        path: ['contact'],
        message: 'Enter the email address or mobile number you gave us.',
      });
    return { reference: v.reference, contact };
  });
