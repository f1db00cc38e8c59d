// Inputs of the debrief actions (R24): one source of types for the API, CLI and web app.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1, 'Must not be empty.').max(max);
const Day = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });

export const InvolveStaffInput = z.object({
  userId: z.uuid({ message: 'Must be the id of a staff member.' }),
  /** Their part in what happened, in a few plain words (optional). */
  role: Text(200).optional(),
});

export const CompleteDebriefInput = z.object({
  howItHappened: Text(4000),
  howToPrevent: Text(4000),
});

export const ListDebriefsQuery = z.object({
  status: z.enum(['open', 'completed']).optional(),
  caseId: z.uuid().optional(),
});

export const DebriefCompletionQuery = z
  .object({ from: Day, to: Day })
  .refine((q) => q.from < q.to, { message: '`from` must be before `to`.', path: ['to'] });
