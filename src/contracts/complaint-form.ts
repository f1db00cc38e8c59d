// The public complaint form: no account needed.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1, 'Please fill this in.').max(max);

export const ComplaintFormInput = z
  .object({
    firstName: Text(100),
    lastName: z.string().trim().max(100).optional(),
    email: z.email('Please give a valid email address.').max(320).optional().or(z.literal('')),
    phone: z.string().trim().max(32).optional(),
    preferredContact: z.enum(['email', 'phone', 'sms']).default('email'),
    subject: z.string().trim().max(300).optional(),
    message: Text(20_000),
    /** Honeypot: hidden from people; bots fill it in. */
    website: z.string().max(500).optional(),
  })
  .refine((f) => (f.preferredContact === 'email' ? Boolean(f.email) : Boolean(f.phone)), {
    message: 'Give the address or number we should use to reach you.',
    path: ['preferredContact'],
  });
