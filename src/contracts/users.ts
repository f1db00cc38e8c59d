import { z } from 'zod';
import { Role } from './enums.ts';
import { BusinessCalendarSchema } from './settings.ts';

const Email = z
  .email('Use a valid email address.')
  .max(320)
  .transform((s) => s.trim().toLowerCase());
const Password = z.string().min(10, 'Use at least 10 characters.').max(200);

export const CreateUserInput = z.object({
  email: Email,
  name: z.string().trim().min(1).max(120),
  role: Role,
  password: Password,
});
export const SignInInput = z.object({ email: Email, password: z.string().min(1).max(200) });
/** A signed-in person changes their own password; their other sessions end. */
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export const SetupInput = z.object({
  token: z.string().min(10).max(200),
  email: Email,
  name: z.string().trim().min(1).max(120),
  password: Password,
  organisationName: z.string().trim().min(1).max(120).optional(),
  /** The organisation's calendar, set at first run (defaults apply to what is left out). */
  timeZone: BusinessCalendarSchema.shape.timeZone.optional(),
  weeklyHours: BusinessCalendarSchema.shape.weeklyHours.optional(),
});
export const TokenInput = z.object({
  name: z.string().trim().min(1).max(120),
  scopes: z.array(z.enum(['cases:read', 'cases:write', 'admin'])).min(1),
});
