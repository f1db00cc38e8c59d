// Every metric definition on a hand-built dataset whose answers were worked out by hand
// (test/support/metrics-dataset.ts). Period: the ISO weeks of 2 and 9 November 2026.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MetricName } from '../../src/contracts/metrics.ts';
import { computeMetrics, type MetricsReport } from '../../src/core/metrics/compute-metrics.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { makeDesk, type Desk } from '../support/harness.ts';
import { loadMetricsDataset, type Dataset } from '../support/metrics-dataset.ts';

let desk: Desk;
let manager: Actor;
let data: Dataset;

beforeAll(async () => {
  desk = await makeDesk();
  desk.clock.set('2026-11-23T10:00:00Z');
  manager = await desk.makeUser('manager', 'Mo Manager');
  data = await loadMetricsDataset(desk.database);
});
afterAll(() => desk.close());

const PERIOD = { from: '2026-11-02', to: '2026-11-16', bucket: 'week' } as const;
const W45 = '2026-11-02';
const W46 = '2026-11-09';

async function report(q: Record<string, string> = {}) {
  return computeMetrics(desk.ctxFor(manager), { ...PERIOD, ...q });
}
const metric = (r: MetricsReport, name: MetricName) => {
  const m = r.metrics.find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  return m;
};
const bucket = (r: MetricsReport, name: MetricName, b: string) =>
  metric(r, name).series.find((p) => p.bucket === b);
const group = (r: MetricsReport, name: MetricName, g: string) =>
  metric(r, name).byGroup.find((p) => p.group === g);

describe('metric definitions on known data', () => {
  let r: MetricsReport;
  beforeAll(async () => {
    r = await report();
  });

  test('the period has two weekly buckets in the organisation zone', () => {
    expect(r.buckets).toEqual([W45, W46]);
    expect(r.timeZone).toBe('Europe/London');
  });

  test('volume: five cases received, two then three', () => {
    expect(metric(r, 'volume').total.value).toBe(5);
    expect(bucket(r, 'volume', W45)?.value).toBe(2);
    expect(bucket(r, 'volume', W46)?.value).toBe(3);
  });

  test('same-day first response: 3 of 5 decided cases answered by the target', () => {
    expect(metric(r, 'same_day_first_response_rate').total).toEqual({
      value: 0.6,
      numerator: 3,
      denominator: 5,
    });
    expect(bucket(r, 'same_day_first_response_rate', W45)?.value).toBe(0.5);
    expect(bucket(r, 'same_day_first_response_rate', W46)?.value).toBe(0.6667);
  });

  test('SLA compliance: only cases 1 and 5 met both clocks', () => {
    expect(metric(r, 'sla_compliance_rate').total).toEqual({
      value: 0.4,
      numerator: 2,
      denominator: 5,
    });
  });

  test('time to first response: median 3 h and p90 18 h over 1, 2, 4 and 24 h', () => {
    expect(metric(r, 'first_response_median_hours').total).toMatchObject({
      value: 3,
      denominator: 4,
    });
    expect(metric(r, 'first_response_p90_hours').total.value).toBe(18);
  });

  test('time to resolution: median 24 h and p90 43.2 h over 9, 24 and 48 h', () => {
    expect(metric(r, 'resolution_median_hours').total).toMatchObject({ value: 24, denominator: 3 });
    expect(metric(r, 'resolution_p90_hours').total.value).toBe(43.2);
  });

  test('acceptance: exceeds and meets out of three verdicts', () => {
    expect(metric(r, 'acceptance_rate').total).toEqual({
      value: 0.6667,
      numerator: 2,
      denominator: 3,
    });
  });

  test('promise-kept rate: 2 kept, 1 broken (open and out-of-period promises ignored)', () => {
    expect(metric(r, 'promise_kept_rate').total).toEqual({
      value: 0.6667,
      numerator: 2,
      denominator: 3,
    });
  });

  test('restitution cost: granted only (pending and declined left out)', () => {
    expect(metric(r, 'restitution_cost').total).toEqual({
      value: 100.5,
      numerator: 100.5,
      denominator: 3,
    });
    expect(bucket(r, 'restitution_cost', W45)?.value).toBe(70);
  });

  test('cost per recovered customer against their lifetime value', () => {
    expect(metric(r, 'cost_per_recovered_customer').total).toEqual({
      value: 40.25,
      numerator: 80.5,
      denominator: 2,
    });
    expect(metric(r, 'recovered_customer_lifetime_value').total.value).toBe(600);
  });

  test('repeat complaints per case and per customer', () => {
    expect(metric(r, 'repeat_complaint_rate').total).toEqual({
      value: 0.6,
      numerator: 3,
      denominator: 5,
    });
    expect(metric(r, 'repeat_customer_rate').total).toEqual({
      value: 0.6667,
      numerator: 2,
      denominator: 3,
    });
    expect(bucket(r, 'repeat_customer_rate', W45)?.value).toBe(0);
    expect(bucket(r, 'repeat_customer_rate', W46)?.value).toBe(0.5);
  });

  test('retention after recovery against customers who never complained', () => {
    expect(metric(r, 'retention_after_recovery').total).toEqual({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    expect(metric(r, 'retention_never_complained').total).toEqual({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
  });

  test('recurrence after fix: 0.25 a week before the ship week, 1 a week after', () => {
    const m = metric(r, 'recurrence_after_fix');
    expect(m.byGroup).toEqual([
      { bucket: null, group: data.problemId, value: 3, numerator: 1, denominator: 0.25 },
    ]);
    expect(r.labels[data.problemId]).toBe('Parcels left outside');
  });

  test('debrief completion: 3 of 5 debriefs due on cases closed in the period', () => {
    expect(metric(r, 'debrief_completion_rate').total).toEqual({
      value: 0.6,
      numerator: 3,
      denominator: 5,
    });
    // Bucketed by the case's closure: case 1 in W45, case 5 in W46 (case 6 closed in October).
    expect(bucket(r, 'debrief_completion_rate', W45)).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    expect(bucket(r, 'debrief_completion_rate', W46)).toMatchObject({
      value: 0.6667,
      numerator: 2,
      denominator: 3,
    });
  });
});

describe('filters and groups', () => {
  test('by channel', async () => {
    const r = await report({ groupBy: 'channel' });
    expect(group(r, 'volume', 'email')?.value).toBe(3);
    expect(group(r, 'volume', 'phone')?.value).toBe(1);
    expect(group(r, 'same_day_first_response_rate', 'web')?.value).toBe(0);
    expect(metric(r, 'volume').total.value).toBe(5);
    expect(
      metric(r, 'volume').seriesByGroup.find((p) => p.bucket === W46 && p.group === 'email')?.value,
    ).toBe(2);
  });

  test('by team (owner), with owner names as labels', async () => {
    const r = await report({ groupBy: 'owner', metrics: 'volume,acceptance_rate' });
    expect(group(r, 'volume', data.owners.o1)?.value).toBe(3);
    expect(group(r, 'acceptance_rate', data.owners.o1)?.value).toBe(1);
    expect(group(r, 'acceptance_rate', data.owners.o2)?.value).toBe(0);
    expect(r.groups.find((g) => g.key === data.owners.o2)?.label).toBe('Tess Owner');
  });

  test('by category and filtered to one channel', async () => {
    const r = await report({ channel: 'email', groupBy: 'category', metrics: 'volume' });
    expect(group(r, 'volume', 'delivery')?.value).toBe(2);
    expect(group(r, 'volume', 'billing')?.value).toBe(1);
  });

  test('one problem: its cases, and repeats as flagged for that problem', async () => {
    const r = await report({ problemId: data.problemId, metrics: 'volume,repeat_complaint_rate' });
    expect(metric(r, 'volume').total.value).toBe(2);
    expect(metric(r, 'repeat_complaint_rate').total.value).toBe(0.5);
  });

  test('debrief completion by category, channel, team and problem', async () => {
    const byCategory = await report({ groupBy: 'category', metrics: 'debrief_completion_rate' });
    expect(group(byCategory, 'debrief_completion_rate', 'delivery')).toMatchObject({
      value: 0.5,
      denominator: 2,
    });
    expect(group(byCategory, 'debrief_completion_rate', 'billing')).toMatchObject({
      value: 0.6667,
      denominator: 3,
    });
    expect(
      metric(byCategory, 'debrief_completion_rate').seriesByGroup.find(
        (p) => p.bucket === W45 && p.group === 'billing',
      ),
    ).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    const email = await report({ channel: 'email', metrics: 'debrief_completion_rate' });
    expect(metric(email, 'debrief_completion_rate').total.denominator).toBe(5);
    const phone = await report({ channel: 'phone', metrics: 'debrief_completion_rate' });
    expect(metric(phone, 'debrief_completion_rate').total).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
    // The team is the case owner, not the person debriefed: both closed cases are Olu's.
    const byOwner = await report({ groupBy: 'owner', metrics: 'debrief_completion_rate' });
    expect(group(byOwner, 'debrief_completion_rate', data.owners.o1)?.value).toBe(0.6);
    expect(byOwner.groups.map((g) => g.key)).toEqual([data.owners.o1]);
    const problem = await report({
      problemId: data.problemId,
      metrics: 'debrief_completion_rate',
    });
    expect(metric(problem, 'debrief_completion_rate').total).toEqual({
      value: 0.6667,
      numerator: 2,
      denominator: 3,
    });
  });

  test('debrief completion counts only debriefs completed by now', async () => {
    desk.clock.set('2026-11-18T10:00:00Z');
    try {
      const r = await report({ metrics: 'debrief_completion_rate' });
      expect(metric(r, 'debrief_completion_rate').total).toEqual({
        value: 0.4,
        numerator: 2,
        denominator: 5,
      });
    } finally {
      desk.clock.set('2026-11-23T10:00:00Z');
    }
  });

  test('day buckets include empty days', async () => {
    const r = await report({ bucket: 'day', metrics: 'volume' });
    expect(r.buckets).toHaveLength(14);
    expect(bucket(r, 'volume', '2026-11-04')?.value).toBe(0);
    expect(bucket(r, 'volume', '2026-11-12')?.value).toBe(1);
  });
});

describe('refusals', () => {
  test('agents may not read metrics', async () => {
    const agent = await desk.makeUser('agent', 'Ann Agent');
    await expect(computeMetrics(desk.ctxFor(agent), PERIOD)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  test('bad filters are refused field by field', async () => {
    await expect(report({ metrics: 'volume,happiness' })).rejects.toMatchObject({
      code: 'validation',
      issues: [expect.objectContaining({ path: 'metrics' })],
    });
    await expect(report({ from: '2026-11-20' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'from' })],
    });
    await expect(report({ from: '2020-01-01', bucket: 'day' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'to' })],
    });
  });
});
