import { describe, expect, test } from 'vitest';
import { todayBounds } from './today.rules.ts';

describe('todayBounds', () => {
  test.each([
    // instant, zone, start of that local day, start of the next
    [
      '2026-11-23T10:00:00Z',
      'Europe/London',
      '2026-11-23T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
    ],
    // 23:30 UTC is already tomorrow in Tokyo.
    ['2026-11-23T23:30:00Z', 'Asia/Tokyo', '2026-11-23T15:00:00.000Z', '2026-11-24T15:00:00.000Z'],
    // The day the clocks go back in London is 25 hours long.
    [
      '2026-10-25T12:00:00Z',
      'Europe/London',
      '2026-10-24T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ],
    // And the day they go forward in New York is 23.
    [
      '2026-03-08T18:00:00Z',
      'America/New_York',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
    ],
  ])('%s in %s', (now, zone, start, end) => {
    const bounds = todayBounds(new Date(now), zone);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });
});
