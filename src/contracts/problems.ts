// Inputs of the problem actions (R21, R22): one source of types for the API, CLI and web app.
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1, 'Must not be empty.').max(max);
const Instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 date-time with an offset.' })
  .refine((s) => /^2\d{3}-/.test(s), 'Use a date between the years 2000 and 2999.');

export const PROBLEM_STATUSES = [
  'investigating',
  'known_error',
  'change_planned',
  'fixed',
  'verified',
] as const;
export const ProblemStatus = z.enum(PROBLEM_STATUSES);
export type ProblemStatus = z.infer<typeof ProblemStatus>;

export const Why = z.object({ why: Text(1000), answer: Text(2000) });
export type Why = z.infer<typeof Why>;

export const CreateProblemInput = z.object({
  title: Text(200),
  category: Text(80).optional(),
  analysis: Text(10_000).optional(),
  whys: z.array(Why).max(10).default([]),
  ownerId: z.uuid().optional(),
});

export const ProblemStatusInput = z.object({
  status: ProblemStatus,
  /** Required to become a known error, unless the problem already has one. */
  workaround: Text(2000).optional(),
  note: Text(2000).optional(),
});

export const CorrectiveActionInput = z.object({
  what: Text(2000),
  ownerId: z.uuid().optional(),
  dueAt: Instant,
  customerFacingChange: Text(500),
});

export const ShipActionInput = z.object({ shippedAt: Instant.optional() });

export const LinkProblemInput = z.object({ problemId: z.uuid() });

export const ListProblemsQuery = z.object({
  status: z.enum([...PROBLEM_STATUSES, 'open']).optional(),
});
