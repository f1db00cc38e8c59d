// SLA due-time computations per second, against plain elapsed-time arithmetic in the same run.
import { DEFAULT_CALENDAR } from '../src/core/sla/calendar.rules.ts';
import { DEFAULT_SLA_POLICY, dueAt, type ClockTarget } from '../src/core/sla/sla.rules.ts';
import type { Figure } from './figures.ts';

function rate(target: ClockTarget, ms: number): number {
  const start = Date.UTC(2026, 0, 1);
  let n = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 200; i++, n++) {
      sink += dueAt(
        DEFAULT_CALENDAR,
        target,
        new Date(start + ((n * 7_919_000) % 31_536_000_000)),
      ).getTime();
    }
  }
  if (sink === 42) process.stdout.write(''); // keeps the work observable
  return n / (ms / 1000);
}

export function benchSla(): Figure[] {
  const baseline = rate({ kind: 'calendar_minutes', minutes: 480 }, 1000);
  const sameDay = rate(DEFAULT_SLA_POLICY.firstResponse, 1000);
  const business = rate(DEFAULT_SLA_POLICY.resolution, 1000);
  const base = { name: 'calendar-minutes due', value: baseline };
  return [
    {
      name: 'same-business-day due (R2)',
      value: sameDay,
      unit: 'ops/s',
      baseline: base,
      ratio: sameDay / baseline,
    },
    {
      name: '5-business-day resolution due',
      value: business,
      unit: 'ops/s',
      baseline: base,
      ratio: business / baseline,
    },
  ];
}
