// Organisation settings: the business calendar, SLA policy, playbook and compensation limits.
import { z } from 'zod';
import { Channel, RestitutionKind, Role, Severity } from './enums.ts';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM, e.g. 09:00.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.');

const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Unknown time zone; use an IANA name such as Europe/London.');

const HoursWindow = z
  .object({ start: HHMM, end: HHMM })
  .refine((w) => w.start < w.end, { message: 'start must be before end', path: ['end'] });

const Day = z.array(HoursWindow).max(4);

export const BusinessCalendarSchema = z.object({
  timeZone: TimeZone,
  weeklyHours: z
    .object({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day })
    .partial(),
  holidays: z.array(isoDate).max(500),
  closures: z
    .array(
      z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
    )
    .max(500),
});

export const ClockTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same_business_day'), cutoff: HHMM }),
  z.object({
    kind: z.literal('business_minutes'),
    minutes: z.number().int().positive().max(525_600),
  }),
  z.object({
    kind: z.literal('calendar_minutes'),
    minutes: z.number().int().positive().max(525_600),
  }),
]);

export const SlaPolicySchema = z.object({
  firstResponse: ClockTargetSchema,
  resolution: ClockTargetSchema,
  overrides: z
    .array(
      z.object({
        channel: Channel.optional(),
        severity: Severity.optional(),
        firstResponse: ClockTargetSchema.optional(),
        resolution: ClockTargetSchema.optional(),
      }),
    )
    .max(50),
  pauseWhileAwaitingCustomer: z.boolean(),
});

export const PlaybookStepSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  label: z.string().min(1).max(120),
  isRequired: z.boolean(),
});
export const PlaybookSchema = z
  .array(PlaybookStepSchema)
  .min(1)
  .max(40)
  .refine(
    (steps) => new Set(steps.map((s) => s.key)).size === steps.length,
    'Step keys must be unique.',
  );
export type PlaybookStep = z.infer<typeof PlaybookStepSchema>;

const Money = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'Use a decimal amount such as 25 or 25.50.');

export const CompensationRuleSchema = z.object({
  kinds: z.array(RestitutionKind),
  maxPerCase: Money.nullable(), // null = no limit
});
export const CompensationPolicySchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  byRole: z.record(Role, CompensationRuleSchema),
});
export type CompensationPolicy = z.infer<typeof CompensationPolicySchema>;

export const SettingsSchema = z.object({
  name: z.string().min(1).max(120),
  calendar: BusinessCalendarSchema,
  slaPolicy: SlaPolicySchema,
  playbook: PlaybookSchema,
  compensation: CompensationPolicySchema,
  promiseReminderMinutes: z.number().int().min(0).max(10_080),
  dueSoonMinutes: z.number().int().min(0).max(10_080),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial();
