import { describe, expect, test } from 'vitest';
import { digestWeek, formatValue, movements, topProblems } from './digest.rules.ts';
import { toCsv, type MetricResult } from './metrics.rules.ts';
import { bucketLabels, bucketRange, resolvePeriod } from './period.rules.ts';

const LONDON = 'Europe/London';
const NOW = new Date('2026-11-25T12:00:00Z');

describe('periods and buckets on the organisation clock', () => {
  test('a bare date is local midnight, across the October clock change', () => {
    const r = resolvePeriod({ from: '2026-10-20', to: '2026-10-27', bucket: 'day' }, NOW, LONDON);
    expect('period' in r && r.period.from.toISOString()).toBe('2026-10-19T23:00:00.000Z');
    expect('period' in r && r.period.to.toISOString()).toBe('2026-10-27T00:00:00.000Z');
  });

  test.each([
    ['day', '2026-11-02', '2026-11-05', ['2026-11-02', '2026-11-03', '2026-11-04']],
    ['week', '2026-11-04', '2026-11-16', ['2026-11-02', '2026-11-09']],
    ['month', '2026-10-15', '2026-12-01', ['2026-10-01', '2026-11-01']],
  ] as const)('%s buckets from %s to %s', (bucket, from, to, labels) => {
    const r = resolvePeriod({ from, to, bucket }, NOW, LONDON);
    if (!('period' in r)) throw new Error('refused');
    expect(bucketLabels(r.period)).toEqual(labels);
  });

  test('a bucket range is clipped to the period', () => {
    const r = resolvePeriod({ from: '2026-11-04', to: '2026-11-16', bucket: 'week' }, NOW, LONDON);
    if (!('period' in r)) throw new Error('refused');
    expect(bucketRange('2026-11-02', r.period).from.toISOString()).toBe('2026-11-04T00:00:00.000Z');
    expect(bucketRange('2026-11-09', r.period).to.toISOString()).toBe('2026-11-16T00:00:00.000Z');
  });

  test.each([
    [{ from: '2026-11-10', to: '2026-11-01', bucket: 'week' }, 'from'],
    [{ from: '2020-01-01', to: '2026-01-01', bucket: 'day' }, 'to'],
  ] as const)('refuses %o on %s', (q, path) => {
    const r = resolvePeriod(q, NOW, LONDON);
    expect('issues' in r && r.issues[0]?.path).toBe(path);
  });

  test('without dates: the 12 weeks before now, from a local midnight', () => {
    const r = resolvePeriod({ bucket: 'week' }, new Date('2026-11-25T15:00:00Z'), LONDON);
    // 2 September, midnight in London (summer time, UTC+1).
    expect('period' in r && r.period.from.toISOString()).toBe('2026-09-01T23:00:00.000Z');
  });
});

describe('CSV', () => {
  test('quotes commas, quotes and line breaks; defuses formulas; leaves numbers alone', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['=1+1', -5],
          ['line\nbreak', null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=1+1,-5\r\n"line\nbreak",\r\n');
  });
});

describe('the digest', () => {
  const metric = (
    name: MetricResult['name'],
    unit: MetricResult['unit'],
    a: number | null,
    b: number | null,
  ) =>
    ({
      name,
      label: name,
      unit,
      series: [
        { bucket: 'w1', group: null, value: a, numerator: null, denominator: null },
        { bucket: 'w2', group: null, value: b, numerator: null, denominator: null },
      ],
    }) as MetricResult;

  test('rose and fell, better or worse by what the metric means', () => {
    const { rose, fell } = movements([
      metric('volume', 'count', 2, 3),
      metric('acceptance_rate', 'rate', 0.8, 0.6),
      metric('first_response_median_hours', 'hours', 5, 2),
      metric('sla_compliance_rate', 'rate', 0.5, 0.5),
      metric('promise_kept_rate', 'rate', null, 0.5),
    ]);
    expect(rose.map((m) => [m.name, m.isBetter])).toEqual([['volume', null]]);
    expect(fell.map((m) => [m.name, m.isBetter])).toEqual([
      ['acceptance_rate', false],
      ['first_response_median_hours', true],
    ]);
  });

  test('the week is the last full ISO week before now, on the local clock', () => {
    const w = digestWeek(new Date('2026-11-23T06:30:00Z'), LONDON);
    expect(w.label).toBe('2026-W47');
    expect(w.from.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(w.title).toBe('16 Nov – 22 Nov 2026');
  });

  test('problems rank by cases × cost, then by cases', () => {
    const ranked = topProblems([
      { title: 'A', cases: 10, cost: 0 },
      { title: 'B', cases: 2, cost: 100 },
      { title: 'C', cases: 5, cost: 50 },
      { title: 'D', cases: 12, cost: 0 },
    ]);
    expect(ranked.map((p) => p.title)).toEqual(['C', 'B', 'D', 'A']);
  });

  test.each([
    [0.6667, 'rate', '66.7%'],
    [3.25, 'hours', '3.3 h'],
    [30.5, 'money', '£30.50'],
    [-0.5, 'change', '-50%'],
  ] as const)('formats %s as %s', (v, unit, text) => {
    expect(formatValue(v, unit)).toBe(text);
  });
});
