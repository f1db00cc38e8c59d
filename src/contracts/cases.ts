// Inputs and outputs of case actions: one source of types for the API, CLI and web app.
import { z } from 'zod';
import {
  Channel,
  ComplainerType,
  ContactKind,
  Feeling,
  RestitutionKind,
  Severity,
  Verdict,
} from './enums.ts';
import { CaseOutcome } from './metrics.ts';

export const Money = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'Use a decimal amount such as 25 or 25.50.');
const Currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as GBP.');
const Text = (max: number) => z.string().trim().min(1, 'Must not be empty.').max(max);
// Bounded to years PostgreSQL and people can use: 2000 to 2999.
const Instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 date-time with an offset.' })
  .refine((s) => /^2\d{3}-/.test(s), 'Use a date between the years 2000 and 2999.');

export const ContactInput = z.object({ kind: ContactKind, value: Text(320) });

export const CustomerInput = z
  .object({
    id: z.uuid().optional(),
    firstName: Text(100).optional(),
    lastName: Text(100).optional(),
    contacts: z.array(ContactInput).max(10).default([]),
    lifetimeValue: Money.optional(),
    currency: Currency.optional(),
  })
  .refine((c) => c.id || c.firstName || c.contacts.length > 0, {
    message: 'Give the customer’s id, a first name or at least one contact.',
  });

export const OpenCaseInput = z.object({
  channel: Channel,
  receivedAt: Instant.optional(),
  subject: Text(300).optional(),
  account: Text(50_000),
  customer: CustomerInput,
  category: Text(80).optional(),
  severity: Severity.optional(),
  complainerType: ComplainerType.optional(),
  ownerId: z.uuid().optional(),
  callDurationSeconds: z.number().int().min(0).max(86_400).optional(),
  letterScanRef: Text(500).optional(),
  /** How the customer wants to be answered, when they said so (web form). */
  preferredContact: z.enum(['email', 'phone', 'sms', 'social']).optional(),
  suggestedFeelings: z
    .array(
      z.object({
        feeling: Feeling,
        score: z.number().min(0).max(1),
        evidence: z.array(z.string().max(500)).max(20),
      }),
    )
    .max(7)
    .optional(),
});
export type OpenCaseInput = z.input<typeof OpenCaseInput>;

export const ListCasesQuery = z.object({
  status: z
    .enum(['new', 'in_progress', 'awaiting_customer', 'resolved', 'closed', 'open'])
    .optional(),
  ownerId: z.uuid().optional(),
  channel: Channel.optional(),
  customerId: z.uuid().optional(),
  category: z.string().max(80).optional(),
  complainerType: ComplainerType.optional(),
  /**
   * Cases whose next deadline is missed, falls due within the due-soon window, or falls due
   * before the end of today on the organisation's calendar (missed ones included).
   */
  deadline: z.enum(['breached', 'at_risk', 'today']).optional(),
  /** A feeling the agent confirmed or, until they have, one intake suggested. */
  feeling: Feeling.optional(),
  /** Cases with restitution waiting for a supervisor's approval. */
  approval: z.enum(['pending']).optional(),
  q: z.string().max(200).optional(),
  /** Received at or after / before (a dashboard drill-down names its bucket this way). */
  receivedFrom: z.iso.datetime({ offset: true }).optional(),
  receivedTo: z.iso.datetime({ offset: true }).optional(),
  outcome: CaseOutcome.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const TransferInput = z.object({ toUserId: z.uuid(), reason: Text(1000) });
export const StatusInput = z.object({
  status: z.enum(['in_progress', 'awaiting_customer', 'resolved']),
  reason: Text(1000).optional(),
});
export const ReopenInput = z.object({ reason: Text(1000) });
export const ReplyInput = z.object({
  body: Text(20_000),
  channel: Channel.optional(),
  isInternalNote: z.boolean().default(false),
});
/** A call, letter or visit from the customer on an existing case, logged by staff. */
export const LogContactInput = z
  .object({
    channel: z.enum(['phone', 'letter', 'in_person']),
    body: Text(20_000),
    callDurationSeconds: z.number().int().min(0).max(86_400).optional(),
    receivedAt: Instant.optional(),
  })
  .refine((v) => v.callDurationSeconds === undefined || v.channel === 'phone', {
    message: 'Only a phone call has a duration.',
    path: ['callDurationSeconds'],
  });
export const StepInput = z.object({ notes: Text(5000).optional() });
export const RestatementInput = z.object({ restatement: Text(5000) });
export const FeelingsInput = z.object({ feelings: z.array(Feeling).max(7) });
export const ClassifyInput = z.object({
  category: Text(80).optional(),
  severity: Severity.optional(),
  complainerType: ComplainerType.optional(),
});
export const OfferInput = z.object({
  options: z.array(Text(2000)).min(1, 'Offer at least one solution.').max(5),
  customerIdea: Text(2000).optional(),
});
export const ChooseInput = z.object({ optionId: z.uuid() });
export const VerdictInput = z.object({ verdict: Verdict, note: Text(2000).optional() });
export const RefusalInput = z.object({ reason: Text(2000) });
export const RootCauseInput = z.union([
  z.object({ rootCauseCategory: Text(80) }),
  z.object({ oneOffReason: Text(2000) }),
]);
export const RestitutionInput = z.object({
  kind: RestitutionKind,
  amount: Money,
  currency: Currency.optional(),
  note: Text(1000).optional(),
});
export const DecisionInput = z.object({ approve: z.boolean(), reason: Text(1000) });
export const PromiseInput = z.object({
  what: Text(1000),
  dueAt: Instant,
  toWhom: Text(200).optional(),
  ownerId: z.uuid().optional(),
});
export const SettlePromiseInput = z.object({
  outcome: z.enum(['kept', 'broken']),
  note: Text(1000).optional(),
});
