// Trends and audit (R20, R25): the metrics query shared by the API, the web dashboard and the
// digest. Definitions of every metric are in docs/metrics.md and src/core/metrics/definitions.ts.
import { z } from 'zod';
import { Channel } from './enums.ts';

export const METRIC_NAMES = [
  'volume',
  'same_day_first_response_rate',
  'sla_compliance_rate',
  'first_response_median_hours',
  'first_response_p90_hours',
  'resolution_median_hours',
  'resolution_p90_hours',
  'acceptance_rate',
  'promise_kept_rate',
  'restitution_cost',
  'cost_per_recovered_customer',
  'recovered_customer_lifetime_value',
  'repeat_complaint_rate',
  'repeat_customer_rate',
  'recurrence_after_fix',
  'retention_after_recovery',
  'retention_never_complained',
  'debrief_completion_rate',
] as const;
export const MetricName = z.enum(METRIC_NAMES);
export type MetricName = z.infer<typeof MetricName>;

export const BUCKETS = ['day', 'week', 'month'] as const;
export const Bucket = z.enum(BUCKETS);
export type Bucket = z.infer<typeof Bucket>;

/** "Team" is the case owner: Redress has no team concept, each owner is their own team. */
export const GROUP_BYS = ['none', 'channel', 'category', 'problem', 'owner'] as const;
export const GroupBy = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof GroupBy>;

/** A date (2026-11-01, midnight in the organisation's time zone) or a date-time with offset. */
const DateOrInstant = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  'Use a date (YYYY-MM-DD) or an ISO 8601 date-time with an offset.',
);

export const MetricsQuery = z.object({
  /** Comma-separated metric names; all of them when absent. */
  metrics: z
    .string()
    .max(600)
    .optional()
    .transform((s, ctx) => {
      if (!s) return [...METRIC_NAMES];
      const names = [...new Set(s.split(',').map((n) => n.trim()))].filter(Boolean);
      const bad = names.filter((n) => !(METRIC_NAMES as readonly string[]).includes(n));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown metric ${bad.join(', ')}; known: ${METRIC_NAMES.join(', ')}.`,
        });
        return z.NEVER;
      }
      return names as MetricName[];
    }),
  /** Start of the period (inclusive); 12 weeks before `to` when absent. */
  from: DateOrInstant.optional(),
  /** End of the period (exclusive); now when absent. A date means its midnight, so it is excluded. */
  to: DateOrInstant.optional(),
  bucket: Bucket.default('week'),
  channel: Channel.optional(),
  category: z.string().trim().min(1).max(80).optional(),
  problemId: z.uuid().optional(),
  /** The team: cases owned by this user. */
  ownerId: z.uuid().optional(),
  groupBy: GroupBy.default('none'),
  format: z.enum(['json', 'csv']).optional(),
});
export type MetricsQueryInput = z.input<typeof MetricsQuery>;

/**
 * Drill-down from a dashboard chart to its cases (GET /cases?outcome=…): the cases behind the
 * part of a metric worth reading — those that missed, fell short, broke a promise or cost money.
 */
export const CASE_OUTCOMES = [
  'first_response_missed',
  'sla_missed',
  'accepted',
  'falls_short',
  'promise_broken',
  'restitution_given',
] as const;
export const CaseOutcome = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

/** Customer activity from the systems that know (orders, visits, renewals), for retention. */
export const CustomerActivityInput = z.object({
  items: z
    .array(
      z.object({
        customerId: z.uuid(),
        at: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time with an offset.' }),
        kind: z.string().trim().min(1).max(40),
        value: z
          .string()
          .regex(/^\d{1,12}(\.\d{1,2})?$/, 'A positive amount with at most two decimals.')
          .optional(),
      }),
    )
    .min(1)
    .max(1000),
});

export const AuditQuery = z.object({ format: z.enum(['json', 'csv']).optional() });

/** POST /metrics/rollups: queue a refresh of the metric rollups; `rebuild` starts them afresh. */
export const RollupRefreshInput = z.object({ rebuild: z.boolean().optional() }).strict();
