// Zod schemas for the language API (POST /api/v1/analyze, POST /api/v1/coach) and the
// JSONL CLI. Types are inferred from these where the edges need them.
import { z } from 'zod';
import { FEELINGS } from './types.ts';

export const MAX_TEXT_CHARS = 20_000;

export const feelingSchema = z.enum(FEELINGS);
const textSchema = z.string().max(MAX_TEXT_CHARS);
const idSchema = z.union([z.string().max(200), z.number()]);

export const spanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

const reasonSchema = z.object({ reason: z.string(), span: spanSchema });

export const analyzeInputSchema = z.object({ text: textSchema });

export const analysisSchema = z.object({
  feelings: z.array(
    z.object({
      feeling: feelingSchema,
      score: z.number().min(0).max(1),
      evidence: z.array(spanSchema),
    }),
  ),
  urgency: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  urgencyReasons: z.array(reasonSchema),
  activist: z.boolean(),
  activistReasons: z.array(reasonSchema),
  repeat: z.boolean(),
  repeatReasons: z.array(reasonSchema),
  wants: z.string().nullable(),
  language: z.string().min(2).max(3),
});

export const coachContextSchema = z.object({
  customerFirstName: z.string().max(100).optional(),
  confirmedFeelings: z.array(feelingSchema).max(FEELINGS.length).optional(),
  remainingAuthority: z
    .object({ amount: z.number().nonnegative(), currency: z.string().length(3) })
    .nullable()
    .optional(),
  openPromises: z
    .array(z.object({ what: z.string().max(500), dueAt: z.string().max(100) }))
    .max(50)
    .optional(),
  isClosing: z.boolean().optional(),
  isRepeat: z.boolean().optional(),
});

export const coachInputSchema = coachContextSchema.extend({ text: textSchema });

export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  span: spanSchema.nullable(),
  explanation: z.string(),
  suggestion: z.string(),
});

export const coachResultSchema = z.object({
  findings: z.array(findingSchema),
  has: z.object({
    apology: z.boolean(),
    apologyEarly: z.boolean(),
    conditionalApology: z.boolean(),
    blameShift: z.boolean(),
    thanks: z.boolean(),
    usesFirstName: z.boolean(),
    acknowledgesFeeling: z.boolean(),
    concreteNextTime: z.boolean(),
    vagueTime: z.boolean(),
    offersAction: z.boolean(),
    deflectsChannel: z.boolean(),
    statesChange: z.boolean(),
    beyondAuthority: z.boolean(),
    evasivePassive: z.boolean(),
  }),
});

/** One line of `redress analyze` input. */
export const analyzeLineSchema = analyzeInputSchema.extend({ id: idSchema });
/** One line of `redress coach` input. */
export const coachLineSchema = coachInputSchema.extend({ id: idSchema });

export type AnalyzeInput = z.infer<typeof analyzeInputSchema>;
export type CoachInput = z.infer<typeof coachInputSchema>;
