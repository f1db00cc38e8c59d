// Metric rollups (docs/metrics.md, "Rollups"): per-day counts written only by the refresh job
// (src/core/metrics/refresh-rollups.ts), never by intake or case actions. A query reads the
// rolled-up days from here and the rest of its period live from the base tables.
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  bigint,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = () => date('day', { mode: 'string' }).notNull();
const count = (name: string) => integer(name).notNull().default(0);
const money = (name: string) => numeric(name, { precision: 16, scale: 2 }).notNull().default('0');

/**
 * The grain of a rollup row: which of problem (8), channel (4), category (2) and owner (1) it
 * is split by. 0 is the whole day; 7 splits by channel, category and owner; 8 by problem alone
 * and 15 by all four. A column outside the grain is null. The problem rows count each link of a
 * case to a problem (a case linked to two problems counts under both), as a live read does.
 */
const grain = () => smallint('grain').notNull();
const dims = () => ({
  channel: text('channel'),
  category: text('category'),
  ownerId: uuid('owner_id'),
  /** Set on the rows of one problem's linked cases only (grains 8 and 15, pending rows). */
  problemId: uuid('problem_id'),
});

/** One row (id = 1) once the rollup is built: how far it reaches and what it has seen. */
export const metricsRollupState = pgTable('metrics_rollup_state', {
  id: integer('id').primaryKey(),
  /** The organisation's time zone the days were cut in; a change rebuilds the rollup. */
  timeZone: text('time_zone').notNull(),
  /** Every local day before this one is rolled up; it and later days are read live. */
  throughDay: date('through_day', { mode: 'string' }).notNull(),
  /** The clock reading the rollup was computed at: a query with an earlier clock reads live. */
  asOf: ts('as_of').notNull(),
  /** case_events and customer_activity ids seen by the last two refreshes (the older one is rescanned). */
  eventMark: bigint('event_mark', { mode: 'number' }).notNull(),
  eventMarkBefore: bigint('event_mark_before', { mode: 'number' }).notNull(),
  activityMark: bigint('activity_mark', { mode: 'number' }).notNull(),
  activityMarkBefore: bigint('activity_mark_before', { mode: 'number' }).notNull(),
  refreshedAt: ts('refreshed_at').notNull(),
});

/** The cases received on a local day: the additive counts of the received cohort. */
export const metricsDayCases = pgTable(
  'metrics_day_cases',
  {
    day: day(),
    grain: grain(),
    ...dims(),
    volume: count('volume'),
    frMet: count('fr_met'),
    /** Decided at the rollup's clock and for good (answered, or the target already passed). */
    frDecided: count('fr_decided'),
    slaMet: count('sla_met'),
    slaDecided: count('sla_decided'),
    accepted: count('accepted'),
    verdicts: count('verdicts'),
    repeatCases: count('repeat_cases'),
    promisesKept: count('promises_kept'),
    promisesBroken: count('promises_broken'),
    restitutionCost: money('restitution_cost'),
    restitutions: count('restitutions'),
    recoveredCases: count('recovered_cases'),
    recoveredCost: money('recovered_cost'),
    recoveredLifetimeValue: money('recovered_lifetime_value'),
  },
  (t) => [index('metrics_day_cases_grain_day').on(t.grain, t.day)],
);

/**
 * Hours to first response (kind 'fr') and to resolution ('res') as counts per bin, per day and
 * also per ISO week and per month (`span`; `day` is the span's first day), so a long period
 * merges a few rows rather than one per day.
 */
export const metricsDayTimes = pgTable(
  'metrics_day_times',
  {
    day: day(),
    span: text('span').notNull(),
    grain: grain(),
    ...dims(),
    kind: text('kind').notNull(),
    bins: integer('bins').array().notNull(),
    counts: integer('counts').array().notNull(),
  },
  (t) => [index('metrics_day_times_span_grain_day').on(t.span, t.grain, t.day)],
);

/**
 * Rolled-up cases whose first-response or resolution clock was still running at the rollup's
 * clock: whether they are decided depends on the clock of the query, so it is decided then.
 */
export const metricsDayPending = pgTable(
  'metrics_day_pending',
  {
    day: day(),
    ...dims(),
    /** The first-response clock was running (not counted in metrics_day_cases.fr_decided). */
    frPending: boolean('fr_pending').notNull(),
    answered: boolean('answered').notNull(),
    frDueAt: ts('fr_due_at'),
    resolved: boolean('resolved').notNull(),
    resDueAt: ts('res_due_at'),
  },
  (t) => [index('metrics_day_pending_day').on(t.day)],
);

/**
 * Per-customer facts of the received cohort, for a case that is not its customer's first: the
 * receipt of the customer's previous case and the one before it, and of their previous
 * recovered case. A customer is counted once per bucket through these.
 */
export const metricsDayCustomers = pgTable(
  'metrics_day_customers',
  {
    day: day(),
    receivedAt: ts('received_at').notNull(),
    prevAt: ts('prev_at').notNull(),
    prev2At: ts('prev2_at'),
    recovered: boolean('recovered').notNull(),
    prevRecoveredAt: ts('prev_recovered_at'),
    lifetimeValue: numeric('lifetime_value', { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [index('metrics_day_customers_prev').on(t.prevAt, t.day)],
);

/** The cases closed on a local day: recovered customers' retention and debriefs due. */
export const metricsDayClosed = pgTable(
  'metrics_day_closed',
  {
    day: day(),
    grain: grain(),
    ...dims(),
    recoveredClosed: count('recovered_closed'),
    recoveredActiveAgain: count('recovered_active_again'),
    debriefsDue: count('debriefs_due'),
    /** Completed by the rollup's clock; later completions are in metrics_day_closed_pending. */
    debriefsCompleted: count('debriefs_completed'),
  },
  (t) => [index('metrics_day_closed_grain_day').on(t.grain, t.day)],
);

/** Debriefs of rolled-up closures completed after the rollup's clock. */
export const metricsDayClosedPending = pgTable(
  'metrics_day_closed_pending',
  {
    day: day(),
    ...dims(),
    completedAt: ts('completed_at').notNull(),
  },
  (t) => [index('metrics_day_closed_pending_day').on(t.day)],
);

/**
 * A recovered case closed on a local day after an earlier recovered closure of the same
 * customer: when that was, and when their last one active again afterwards was.
 */
export const metricsDayRetention = pgTable(
  'metrics_day_retention',
  {
    day: day(),
    closedAt: ts('closed_at').notNull(),
    prevAt: ts('prev_at').notNull(),
    activeAgain: boolean('active_again').notNull(),
    prevActiveAgainAt: ts('prev_active_again_at'),
  },
  (t) => [index('metrics_day_retention_prev').on(t.prevAt, t.day)],
);

/**
 * Retention of the customers who never complained, per period start, with the case event and
 * activity ids it was counted at: a query adds what changed since for the customers concerned.
 * Filled on first use and recounted by the refresh job while it is in use.
 */
export const metricsQuietCache = pgTable('metrics_quiet_cache', {
  start: ts('start').primaryKey(),
  base: integer('base').notNull(),
  active: integer('active').notNull(),
  eventMark: bigint('event_mark', { mode: 'number' }).notNull(),
  activityMark: bigint('activity_mark', { mode: 'number' }).notNull(),
  computedAt: ts('computed_at').notNull(),
  usedAt: ts('used_at').notNull(),
});

/**
 * metrics_day_customers and metrics_day_retention counted per (day, earlier day): kind 1 the
 * previous case, 2 the one before it, 3 the previous recovered case (of recovered cases), 4 the
 * previous recovered closure, 5 the previous one active again (of closures active again).
 */
export const metricsDayPairs = pgTable(
  'metrics_day_pairs',
  {
    day: day(),
    /** 'day', or the pairs of a whole ISO week or month ('week', 'month'; `day` its first day). */
    span: text('span').notNull(),
    kind: smallint('kind').notNull(),
    otherDay: date('other_day', { mode: 'string' }).notNull(),
    n: count('n'),
    lifetimeValue: money('lifetime_value'),
  },
  (t) => [index('metrics_day_pairs_span_kind_day').on(t.span, t.kind, t.day, t.otherDay)],
);
