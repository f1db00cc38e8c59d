import { describe, expect, test } from 'vitest';
import {
  addToHistogram,
  binMinutes,
  binOf,
  binSql,
  daysBetween,
  grainOf,
  percentileHours,
  splitPeriod,
  type Histogram,
} from './rollup.rules.ts';

const LONDON = 'Europe/London';

describe('time bins', () => {
  test.each([
    [0, 0, 0],
    [59.9, 59, 59],
    [119, 119, 119],
    [120, 120, 120],
    [124, 120, 120],
    [125, 121, 125],
    [1_439, 383, 1_435],
    [1_440, 384, 1_440],
    [1_454, 384, 1_440],
    [10_080, 960, 10_080],
    [10_139, 960, 10_080],
    [129_600, 2_952, 129_600],
    [131_040, 2_953, 131_040],
    [-30, 0, 0],
  ])('%d minutes fall in bin %d, which starts at %d minutes', (minutes, bin, start) => {
    expect(binOf(minutes)).toBe(bin);
    expect(binMinutes(bin)).toBe(start);
  });

  test('every bin starts where the one before it ends', () => {
    for (let b = 1; b < 3_000; b++) expect(binOf(binMinutes(b))).toBe(b);
  });

  test('the SQL form names every edge', () => {
    const s = binSql('m');
    for (const edge of [120, 1_440, 10_080, 129_600]) expect(s).toContain(`>= ${edge} THEN`);
  });
});

describe('percentiles of a binned distribution', () => {
  const hist = (hours: number[]): Histogram => {
    const h: Histogram = new Map();
    for (const x of hours) addToHistogram(h, [binOf(x * 60)], [1]);
    return h;
  };

  test('whole hours are exact: median 3 h and p90 18 h over 1, 2, 4 and 24 h', () => {
    const h = hist([1, 2, 4, 24]);
    expect(percentileHours(h, 0.5)).toEqual({ value: 3, n: 4 });
    expect(percentileHours(h, 0.9).value).toBeCloseTo(18, 10);
  });

  test('p90 43.2 h over 9, 24 and 48 h (interpolated as percentile_cont does)', () => {
    expect(percentileHours(hist([9, 24, 48]), 0.9).value).toBeCloseTo(43.2, 10);
  });

  test('a time inside a bin reads as the bin start: within 5 minutes under a day', () => {
    expect(percentileHours(hist([3 + 4 / 60]), 0.5).value).toBe(3);
  });

  test('an empty histogram has no value', () => {
    expect(percentileHours(new Map(), 0.5)).toEqual({ value: null, n: 0 });
  });
});

describe('splitting a period between the rollup and the live tables', () => {
  const period = (from: string, to: string) => ({
    from: new Date(from),
    to: new Date(to),
    bucket: 'week' as const,
    timeZone: LONDON,
  });

  test('today is rolled up as far as the refresh; the minutes since are live', () => {
    const asOf = new Date('2026-11-23T09:59Z');
    const s = splitPeriod(period('2026-11-02T00:00Z', '2026-11-23T10:00Z'), '2026-11-24', asOf);
    expect(s.rolled).toEqual({ fromDay: '2026-11-02', toDay: '2026-11-24' });
    expect(s.live).toEqual([{ from: asOf, to: new Date('2026-11-23T10:00Z') }]);
  });

  test('a period ending before the refresh reads its part of today live', () => {
    const asOf = new Date('2026-11-23T09:59Z');
    const s = splitPeriod(period('2026-11-02T00:00Z', '2026-11-23T08:00Z'), '2026-11-24', asOf);
    expect(s.rolled).toEqual({ fromDay: '2026-11-02', toDay: '2026-11-23' });
    expect(s.live).toEqual([
      { from: new Date('2026-11-23T00:00Z'), to: new Date('2026-11-23T08:00Z') },
    ]);
  });

  test('partial days at both edges are live; local midnight in summer time', () => {
    const s = splitPeriod(
      period('2026-07-01T10:00Z', '2026-07-05T12:00Z'),
      '2026-08-01',
      new Date('2026-07-31T12:00Z'),
    );
    expect(s.fromDayStart).toBe(false);
    expect(s.rolled).toEqual({ fromDay: '2026-07-02', toDay: '2026-07-05' });
    expect(s.live).toEqual([
      { from: new Date('2026-07-01T10:00Z'), to: new Date('2026-07-01T23:00Z') },
      { from: new Date('2026-07-04T23:00Z'), to: new Date('2026-07-05T12:00Z') },
    ]);
  });

  test('no whole rolled-up day: all live', () => {
    const p = period('2026-11-23T00:00Z', '2026-11-23T10:00Z');
    expect(splitPeriod(p, '2026-11-24', new Date('2026-11-23T11:00Z'))).toEqual({
      rolled: null,
      live: [{ from: p.from, to: p.to }],
      fromDayStart: true,
    });
  });

  test('the grain follows the filters and the grouping', () => {
    expect(grainOf({ groupBy: 'none' })).toBe(0);
    expect(grainOf({ groupBy: 'channel' })).toBe(4);
    expect(grainOf({ groupBy: 'owner', category: 'billing' })).toBe(3);
    expect(grainOf({ groupBy: 'none', channel: 'email', ownerId: 'x' })).toBe(5);
    expect(grainOf({ groupBy: 'problem' })).toBe(8);
    expect(grainOf({ groupBy: 'channel', problemId: 'p' })).toBe(12);
  });

  test('days between two dates, across a clock change', () => {
    expect(daysBetween('2026-10-24', '2026-10-27')).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
    ]);
  });
});
