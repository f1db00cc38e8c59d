// What each metric means and how its value comes out of the counts the repository returns.
// The written definitions, with examples, are in docs/metrics.md; keep the two in step.
import type { MetricName } from '../../contracts/metrics.ts';

export type Unit = 'count' | 'rate' | 'hours' | 'money' | 'change';

/** Counts per (bucket, group) cell, as metrics.repo.ts returns them. Absent means zero. */
export interface Counts {
  volume: number;
  frMet: number;
  frDecided: number;
  slaMet: number;
  slaDecided: number;
  frMedianH: number | null;
  frP90H: number | null;
  frN: number;
  resMedianH: number | null;
  resP90H: number | null;
  resN: number;
  accepted: number;
  verdicts: number;
  repeatCases: number;
  promisesKept: number;
  promisesBroken: number;
  restitutionCost: number;
  restitutions: number;
  /** Cases with a verdict of meets or exceeds (the rollups count customers from them). */
  recoveredCases: number;
  recoveredCustomers: number;
  recoveredCost: number;
  recoveredLifetimeValue: number;
  customers: number;
  repeatCustomers: number;
  recoveredClosed: number;
  recoveredActiveAgain: number;
  neverComplainedBase: number;
  neverComplainedActive: number;
  debriefsDue: number;
  debriefsCompleted: number;
}

export interface Value {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const ratio = (num: number, den: number): Value => ({
  value: den === 0 ? null : Math.round((num / den) * 10_000) / 10_000,
  numerator: num,
  denominator: den,
});
const money = (n: number) => Math.round(n * 100) / 100;
const hours = (h: number | null, n: number): Value => ({
  value: h === null ? null : Math.round(h * 100) / 100,
  numerator: null,
  denominator: n,
});

export interface Definition {
  label: string;
  unit: Unit;
  /** Which date puts a record in a bucket. */
  bucketedBy: string;
  /** One sentence; the full text is in docs/metrics.md. */
  definition: string;
  /** Higher is better (for the digest's "rose"/"fell" wording); null when neither. */
  isHigherBetter: boolean | null;
  of?: (c: Counts) => Value;
}

export const DEFINITIONS: Record<MetricName, Definition> = {
  volume: {
    label: 'Complaints received',
    unit: 'count',
    bucketedBy: 'received',
    definition: 'Cases received in the period.',
    isHigherBetter: null,
    of: (c) => ({ value: c.volume, numerator: c.volume, denominator: null }),
  },
  same_day_first_response_rate: {
    label: 'Same-day first response',
    unit: 'rate',
    bucketedBy: 'received',
    definition:
      'Of cases whose first-response target has passed or that were answered, the share answered by a person by the target (end of the business day, R2).',
    isHigherBetter: true,
    of: (c) => ratio(c.frMet, c.frDecided),
  },
  sla_compliance_rate: {
    label: 'SLA compliance',
    unit: 'rate',
    bucketedBy: 'received',
    definition:
      'Of cases whose first-response and resolution targets are both decided, the share that met both.',
    isHigherBetter: true,
    of: (c) => ratio(c.slaMet, c.slaDecided),
  },
  first_response_median_hours: {
    label: 'Median time to first response',
    unit: 'hours',
    bucketedBy: 'received',
    definition: 'Median wall-clock hours from receipt to the first human reply, answered cases.',
    isHigherBetter: false,
    of: (c) => hours(c.frMedianH, c.frN),
  },
  first_response_p90_hours: {
    label: '90th percentile time to first response',
    unit: 'hours',
    bucketedBy: 'received',
    definition: '90% of answered cases got their first human reply within this many hours.',
    isHigherBetter: false,
    of: (c) => hours(c.frP90H, c.frN),
  },
  resolution_median_hours: {
    label: 'Median time to resolution',
    unit: 'hours',
    bucketedBy: 'received',
    definition: 'Median wall-clock hours from receipt to resolved (or closed), resolved cases.',
    isHigherBetter: false,
    of: (c) => hours(c.resMedianH, c.resN),
  },
  resolution_p90_hours: {
    label: '90th percentile time to resolution',
    unit: 'hours',
    bucketedBy: 'received',
    definition: '90% of resolved cases were resolved within this many hours.',
    isHigherBetter: false,
    of: (c) => hours(c.resP90H, c.resN),
  },
  acceptance_rate: {
    label: 'Recovery acceptance',
    unit: 'rate',
    bucketedBy: 'received',
    definition:
      'Of cases with a customer verdict, the share that meets or exceeds expectations (R9).',
    isHigherBetter: true,
    of: (c) => ratio(c.accepted, c.verdicts),
  },
  promise_kept_rate: {
    label: 'Promises kept',
    unit: 'rate',
    bucketedBy: 'received (of the case)',
    definition: 'Of promises settled kept or broken on cases in the period, the share kept (R11).',
    isHigherBetter: true,
    of: (c) => ratio(c.promisesKept, c.promisesKept + c.promisesBroken),
  },
  restitution_cost: {
    label: 'Restitution cost',
    unit: 'money',
    bucketedBy: 'received (of the case)',
    definition: 'Sum of restitution granted (or approved) on cases in the period.',
    isHigherBetter: false,
    of: (c) => ({
      value: money(c.restitutionCost),
      numerator: money(c.restitutionCost),
      denominator: c.restitutions,
    }),
  },
  cost_per_recovered_customer: {
    label: 'Cost per recovered customer',
    unit: 'money',
    bucketedBy: 'received',
    definition:
      'Restitution granted on recovered cases (verdict meets or exceeds) divided by the distinct customers recovered.',
    isHigherBetter: false,
    of: (c) => {
      const r = ratio(c.recoveredCost, c.recoveredCustomers);
      return { ...r, value: r.value === null ? null : money(r.value) };
    },
  },
  recovered_customer_lifetime_value: {
    label: 'Lifetime value per recovered customer',
    unit: 'money',
    bucketedBy: 'received',
    definition: 'Average lifetime value of the distinct customers recovered in the period.',
    isHigherBetter: true,
    of: (c) => {
      const r = ratio(c.recoveredLifetimeValue, c.recoveredCustomers);
      return { ...r, value: r.value === null ? null : money(r.value) };
    },
  },
  repeat_complaint_rate: {
    label: 'Repeat complaints',
    unit: 'rate',
    bucketedBy: 'received',
    definition:
      'Share of cases whose customer had complained before (per problem: flagged as a repeat for that problem, R22).',
    isHigherBetter: false,
    of: (c) => ratio(c.repeatCases, c.volume),
  },
  repeat_customer_rate: {
    label: 'Customers complaining more than once',
    unit: 'rate',
    bucketedBy: 'received',
    definition: 'Of customers with a case in the bucket, the share with two or more.',
    isHigherBetter: false,
    of: (c) => ratio(c.repeatCustomers, c.customers),
  },
  recurrence_after_fix: {
    label: 'Recurrence after fix',
    unit: 'change',
    bucketedBy: 'ship date of the last corrective action',
    definition:
      'Per problem whose fix shipped: change in linked cases per week, after the ship week against the weeks before.',
    isHigherBetter: false,
  },
  retention_after_recovery: {
    label: 'Retention after recovery',
    unit: 'rate',
    bucketedBy: 'closed',
    definition:
      'Of customers whose recovered case closed in the period, the share with customer activity after the closure.',
    isHigherBetter: true,
    of: (c) => ratio(c.recoveredActiveAgain, c.recoveredClosed),
  },
  retention_never_complained: {
    label: 'Retention of customers who never complained',
    unit: 'rate',
    bucketedBy: 'activity',
    definition:
      'Of customers with no case at all who were active before the bucket, the share active again from its start.',
    isHigherBetter: true,
    of: (c) => ratio(c.neverComplainedActive, c.neverComplainedBase),
  },
  debrief_completion_rate: {
    label: 'Debrief completion',
    unit: 'rate',
    bucketedBy: 'closed',
    definition:
      'Of the debriefs due for cases closed in the period (one per person involved), the share completed (R24).',
    isHigherBetter: true,
    of: (c) => ratio(c.debriefsCompleted, c.debriefsDue),
  },
};
