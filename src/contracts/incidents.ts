// Inputs of the incident actions (R23, R14): one source of types for the API, CLI and web app.
import { z } from 'zod';
import { ListCasesQuery } from './cases.ts';

const Text = (max: number) => z.string().trim().min(1, 'Must not be empty.').max(max);
const Instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 date-time with an offset.' })
  .refine((s) => /^2\d{3}-/.test(s), 'Use a date between the years 2000 and 2999.');

export const INCIDENT_STATUSES = ['open', 'monitoring', 'resolved'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** The placeholders a broadcast template may use, written {{name}}. */
export const PLACEHOLDERS = [
  'firstName',
  'incidentTitle',
  'whatChanged',
  'statement',
  'pageUrl',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const Template = Text(10_000);

export const DeclareIncidentInput = z.object({
  title: Text(200),
  whatFailed: Text(5000),
  startedAt: Instant,
  scope: Text(2000),
  problemId: z.uuid().optional(),
});

export const IncidentUpdateInput = z.object({
  /** What changed, in words the public can read; it becomes {{whatChanged}} in the template. */
  body: Text(5000),
  status: IncidentStatus.optional(),
  /** Send it to every affected customer (default), or only post it on the public page. */
  notifyCustomers: z.boolean().default(true),
  template: Template.optional(),
});

export const ApologyInput = z.object({ template: Template.optional() });

export const StatementInput = z.object({ body: Text(5000) });

/** The case list's filters, without paging: at least one must be given. */
export const CaseFilter = ListCasesQuery.omit({ limit: true, offset: true });

export const AttachCasesInput = z
  .object({
    filter: CaseFilter.optional(),
    references: z
      .array(z.string().regex(/^RD-\d{1,12}$/i, 'Use a case reference such as RD-1001.'))
      .max(5000)
      .optional(),
    /** Count what would be attached, and write nothing. */
    preview: z.boolean().default(false),
  })
  .refine((v) => (v.filter !== undefined) !== (v.references !== undefined), {
    message: 'Give either a filter or a list of case references.',
  })
  .refine((v) => v.filter === undefined || Object.keys(v.filter).length > 0, {
    message: 'Give at least one filter, so that no case is attached by accident.',
    path: ['filter'],
  });

export const ChecklistTickInput = z.object({ isDone: z.boolean().default(true) });
export const ChecklistItemInput = z.object({ label: Text(300) });

export const ListIncidentsQuery = z.object({
  status: z.enum([...INCIDENT_STATUSES, 'active']).optional(),
});

export const DELIVERY_STATUSES = [
  'pending',
  'sent',
  'handed_to_agent',
  'no_channel',
  'failed',
] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const ListDeliveriesQuery = z.object({
  status: DeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const PublicFacingInput = z.object({ reason: Text(500) });
