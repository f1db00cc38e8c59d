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
  neverComplainedCounts,
  promiseCounts,
  restitutionCounts,
  retentionCounts,
  shippedProblems,
  type Cell,
  type Scope,
} from './metrics.repo.ts';
import { assembleMetrics, mergeCells, type Point } from './metrics.rules.ts';
import { bucketLabels, bucketRange, resolvePeriod } from './period.rules.ts';

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
  // The comparison group is measured over the whole period only: per bucket it would scan every
  // quiet customer once per bucket.
  if (names.includes('retention_never_complained'))
    work.push(neverComplainedCounts(db, scope, [{ b: null, at: period.from }]));
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
