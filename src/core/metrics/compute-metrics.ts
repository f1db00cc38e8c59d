// R20, R25: the trend metrics for a period, by bucket and by channel, category, problem or team
// (owner), for supervisors, managers and admins. Definitions: docs/metrics.md.
import { MetricsQuery, type MetricName } from '../../contracts/metrics.ts';
import { linkedCaseTimes } from '../problems/case-problem.repo.ts';
import { measureRecurrence } from '../problems/problem.rules.ts';
import { lastShippedAt } from '../problems/problem.repo.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import {
  caseCounts,
  customerCounts,
  debriefCounts,
  groupLabels,
  promiseCounts,
  restitutionCounts,
  retentionCounts,
  shippedProblems,
  type Cell,
  type Scope,
} from './metrics.repo.ts';
import { neverComplainedCells } from './never-complained.ts';
import { assembleMetrics, mergeCells, type Point } from './metrics.rules.ts';
import {
  loadRollupState,
  rolledCaseCounts,
  rolledClosedCounts,
  rolledCustomerCounts,
  rolledRetention,
  rolledTimes,
  type Rolled,
} from './rollup.repo.ts';
import { grainOf, splitPeriod } from './rollup.rules.ts';
import type { DbOrTx } from '../../db/client.ts';
import { bucketLabels, bucketRange, resolvePeriod } from './period.rules.ts';

type Db = DbOrTx;
type Needs = (names: readonly MetricName[]) => boolean;
const any =
  (...wanted: MetricName[]): Needs =>
  (names) =>
    wanted.some((w) => names.includes(w));

const needsCases = any(
  'volume',
  'same_day_first_response_rate',
  'sla_compliance_rate',
  'first_response_median_hours',
  'first_response_p90_hours',
  'resolution_median_hours',
  'resolution_p90_hours',
  'acceptance_rate',
  'repeat_complaint_rate',
);
const needsCustomers = any(
  'cost_per_recovered_customer',
  'recovered_customer_lifetime_value',
  'repeat_customer_rate',
);

export async function computeMetrics(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'metrics.read');
  const q = parseInput(MetricsQuery, raw ?? {});
  const db = ctx.database.db;
  const { calendar } = await loadSettings(db);
  const resolved = resolvePeriod(q, ctx.now(), calendar.timeZone);
  if ('issues' in resolved)
    throw new DomainError('validation', 'Some fields are not valid.', resolved.issues);
  const { period } = resolved;
  const scope: Scope = {
    period,
    now: ctx.now(),
    channel: q.channel,
    category: q.category,
    problemId: q.problemId,
    ownerId: q.ownerId,
    groupBy: q.groupBy,
  };
  const names = q.metrics;
  const buckets = bucketLabels(period);
  const rolled = await rollupFor(db, scope);
  const work = rolled ? await rolledWork(db, rolled, names) : liveWork(db, scope, names);
  // The comparison group is measured over the whole period only: per bucket it would scan every
  // quiet customer once per bucket. Its count is kept per period start (never-complained.ts).
  if (names.includes('retention_never_complained'))
    work.push(neverComplainedCells(ctx.database, scope));
  const recurrence = names.includes('recurrence_after_fix')
    ? await recurrencePoints(ctx, q.problemId)
    : [];
  const cellLists = await Promise.all(work);
  const groups = [
    ...new Set(cellLists.flat().flatMap((c) => (c.lvl === 2 && c.g !== null ? [c.g] : []))),
  ].sort();
  const hasGroups = q.groupBy !== 'none';
  const labels = await groupLabels(db, q.groupBy, groups);
  for (const p of recurrence) if (p.group) labels.set(p.group, p.label);
  return {
    from: period.from,
    to: period.to,
    bucket: period.bucket,
    timeZone: period.timeZone,
    groupBy: q.groupBy,
    filters: {
      channel: q.channel ?? null,
      category: q.category ?? null,
      problemId: q.problemId ?? null,
      ownerId: q.ownerId ?? null,
    },
    buckets,
    /** The instants each bucket covers (clipped to the period), for drill-down links. */
    bucketRanges: buckets.map((label) => ({ label, ...bucketRange(label, period) })),
    groups: (hasGroups ? groups : []).map((key) => ({ key, label: labels.get(key) ?? key })),
    metrics: assembleMetrics({
      names,
      buckets,
      groups,
      cells: mergeCells(cellLists),
      recurrence: recurrence.map(({ label: _label, ...p }) => p),
      hasGroups,
    }),
    /** Display names of every group key in the report (owners, problems). */
    labels: Object.fromEntries(labels) as Record<string, string>,
  };
}

/** Every count read live from the base tables. */
function liveWork(db: Db, scope: Scope, names: readonly MetricName[]): Array<Promise<Cell[]>> {
  const work: Array<Promise<Cell[]>> = [];
  if (needsCases(names))
    work.push(
      caseCounts(db, scope, {
        clocks: any('same_day_first_response_rate', 'sla_compliance_rate')(names),
        firstResponseTimes: any('first_response_median_hours', 'first_response_p90_hours')(names),
        resolutionTimes: any('resolution_median_hours', 'resolution_p90_hours')(names),
        verdicts: names.includes('acceptance_rate'),
        repeats: names.includes('repeat_complaint_rate'),
      }),
    );
  if (names.includes('promise_kept_rate')) work.push(promiseCounts(db, scope));
  if (names.includes('restitution_cost')) work.push(restitutionCounts(db, scope));
  if (needsCustomers(names)) work.push(customerCounts(db, scope));
  if (names.includes('retention_after_recovery')) work.push(retentionCounts(db, scope));
  if (names.includes('debrief_completion_rate')) work.push(debriefCounts(db, scope));
  return work;
}

/**
 * The rollup answers when it is built in the organisation's time zone, the query's clock is
 * not behind it and the period holds at least one whole rolled-up day.
 */
async function rollupFor(db: Db, scope: Scope): Promise<Rolled | null> {
  const state = await loadRollupState(db);
  if (!state || state.timeZone !== scope.period.timeZone || scope.now < state.asOf) return null;
  const split = splitPeriod(scope.period, state.throughDay, state.asOf);
  if (!split.rolled) return null;
  // Rows are kept for no cut, each single cut, and all three; per problem link, for the problem
  // alone and with all three. Two cuts read the full rows.
  const grain = grainOf(scope);
  const rowGrain = grain & 8 ? (grain === 8 ? 8 : 15) : [0, 1, 2, 4].includes(grain) ? grain : 7;
  return { scope, split: { ...split, rolled: split.rolled }, grain: rowGrain };
}

/** Rolled-up days plus the live rest. Per-customer counts need the whole desk (grain 0). */
async function rolledWork(
  db: Db,
  r: Rolled,
  names: readonly MetricName[],
): Promise<Array<Promise<Cell[]>>> {
  const work: Array<Promise<Cell[]>> = [];
  const perCustomer = needsCustomers(names);
  const wholeDesk = r.grain === 0;
  const caseCells =
    needsCases(names) ||
    names.includes('promise_kept_rate') ||
    names.includes('restitution_cost') ||
    (perCustomer && wholeDesk)
      ? rolledCaseCounts(db, r)
      : null;
  if (caseCells) work.push(caseCells);
  work.push(
    rolledTimes(db, r, {
      fr: any('first_response_median_hours', 'first_response_p90_hours')(names),
      res: any('resolution_median_hours', 'resolution_p90_hours')(names),
    }),
  );
  if (perCustomer)
    work.push(
      wholeDesk && caseCells ? rolledCustomerCounts(db, r, caseCells) : customerCounts(db, r.scope),
    );
  const retention = names.includes('retention_after_recovery');
  const debriefs = names.includes('debrief_completion_rate');
  const closed = debriefs || (retention && wholeDesk) ? rolledClosedCounts(db, r) : null;
  if (closed && debriefs)
    work.push(
      closed.then((cs) =>
        cs.map(({ lvl, b, g, debriefsDue, debriefsCompleted }) => ({
          lvl,
          b,
          g,
          debriefsDue,
          debriefsCompleted,
        })),
      ),
    );
  if (retention)
    work.push(wholeDesk && closed ? rolledRetention(db, r, closed) : retentionCounts(db, r.scope));
  return work;
}

/** Per shipped problem: weekly linked cases after the ship week against the weeks before. */
async function recurrencePoints(ctx: Ctx, problemId?: string) {
  const db = ctx.database.db;
  const points: Array<Point & { label: string }> = [];
  for (const p of await shippedProblems(db, problemId)) {
    const shippedAt = await lastShippedAt(db, p.id);
    if (!shippedAt) continue;
    const r = measureRecurrence(await linkedCaseTimes(db, p.id), shippedAt, ctx.now());
    const change =
      r.meanAfter === null || r.meanBefore === 0
        ? null
        : Math.round(((r.meanAfter - r.meanBefore) / r.meanBefore) * 10_000) / 10_000;
    points.push({
      bucket: null,
      group: p.id,
      label: p.title,
      value: change,
      numerator: r.meanAfter,
      denominator: r.meanBefore,
    });
  }
  return points;
}

export type MetricsReport = Awaited<ReturnType<typeof computeMetrics>>;
