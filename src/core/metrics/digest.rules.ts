// The weekly digest for managers: what rose, what fell, the problems that cost most, and the
// promises broken — worked out from two weekly buckets, written as plain text.
import { DateTime } from 'luxon';
import type { MetricName } from '../../contracts/metrics.ts';
import { DEFINITIONS, type Unit } from './definitions.ts';
import type { MetricResult } from './metrics.rules.ts';

/** The digest reports the last full ISO week (Monday to Sunday) before `now`, on the local clock. */
export function digestWeek(now: Date, timeZone: string) {
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf('week').minus({ weeks: 1 });
  return {
    label: `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`,
    previousFrom: start.minus({ weeks: 1 }).toJSDate(),
    from: start.toJSDate(),
    to: start.plus({ weeks: 1 }).toJSDate(),
    title: `${start.toFormat('d LLL')} – ${start.plus({ days: 6 }).toFormat('d LLL yyyy')}`,
  };
}

export const DIGEST_METRICS: MetricName[] = [
  'volume',
  'same_day_first_response_rate',
  'sla_compliance_rate',
  'first_response_median_hours',
  'acceptance_rate',
  'promise_kept_rate',
  'restitution_cost',
  'repeat_complaint_rate',
];

export interface Movement {
  name: MetricName;
  label: string;
  unit: Unit;
  before: number;
  after: number;
  /** true: better, false: worse, null: neither (volume is not good or bad by itself). */
  isBetter: boolean | null;
}

/** Each metric's last two buckets; unchanged or unmeasurable metrics are left out. */
export function movements(results: MetricResult[]): { rose: Movement[]; fell: Movement[] } {
  const rose: Movement[] = [];
  const fell: Movement[] = [];
  for (const m of results) {
    const [prev, last] = m.series.slice(-2);
    if (prev?.value == null || last?.value == null || prev.value === last.value) continue;
    const higher = DEFINITIONS[m.name].isHigherBetter;
    const isUp = last.value > prev.value;
    const mv: Movement = {
      name: m.name,
      label: m.label,
      unit: m.unit,
      before: prev.value,
      after: last.value,
      isBetter: higher === null ? null : higher === isUp,
    };
    (isUp ? rose : fell).push(mv);
  }
  return { rose, fell };
}

export function formatValue(v: number, unit: Unit, currency = 'GBP'): string {
  switch (unit) {
    case 'rate':
      return `${(v * 100).toFixed(1)}%`;
    case 'hours':
      return `${v.toFixed(1)} h`;
    case 'money':
      return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(v);
    case 'change':
      return `${v > 0 ? '+' : ''}${(v * 100).toFixed(0)}%`;
    case 'count':
      return String(v);
  }
}

export interface ProblemCost {
  title: string;
  cases: number;
  cost: number;
}

/** Problems ranked by linked cases × restitution cost in the week, then by cases. */
export function topProblems(rows: ProblemCost[], n = 5): ProblemCost[] {
  return [...rows]
    .sort(
      (a, b) =>
        b.cases * b.cost - a.cases * a.cost || b.cases - a.cases || a.title.localeCompare(b.title),
    )
    .slice(0, n);
}

export interface BrokenPromise {
  reference: string;
  what: string;
  owner: string | null;
  dueAt: Date;
}

export interface DigestInput {
  recipient: string;
  weekTitle: string;
  timeZone: string;
  results: MetricResult[];
  problems: ProblemCost[];
  broken: BrokenPromise[];
  dashboardUrl?: string;
}

export function digestText(d: DigestInput): { subject: string; text: string } {
  const { rose, fell } = movements(d.results);
  const line = (m: Movement) => {
    const verdict = m.isBetter === null ? '' : m.isBetter ? ' — better' : ' — worse';
    return `- ${m.label}: ${formatValue(m.after, m.unit)} (the week before: ${formatValue(m.before, m.unit)})${verdict}`;
  };
  const out: string[] = [
    `Hello ${d.recipient},`,
    '',
    `The week of ${d.weekTitle}, against the week before.`,
    '',
  ];
  out.push('What rose', ...(rose.length ? rose.map(line) : ['- Nothing.']), '');
  out.push('What fell', ...(fell.length ? fell.map(line) : ['- Nothing.']), '');
  out.push('Top problems (linked cases × restitution cost)');
  out.push(
    ...(d.problems.length
      ? topProblems(d.problems).map(
          (p, i) =>
            `${i + 1}. ${p.title} — ${p.cases} case${p.cases === 1 ? '' : 's'}, ${formatValue(p.cost, 'money')}`,
        )
      : ['- No cases were linked to a problem this week.']),
    '',
  );
  out.push(`Broken promises (${d.broken.length})`);
  out.push(
    ...(d.broken.length
      ? d.broken.map((b) => {
          const due = DateTime.fromJSDate(b.dueAt, { zone: d.timeZone }).toFormat(
            'ccc d LLL HH:mm',
          );
          return `- ${b.reference}: ${b.what} (${b.owner ?? 'no owner'}, due ${due})`;
        })
      : ['- None.']),
  );
  if (d.dashboardUrl) out.push('', `The dashboard: ${d.dashboardUrl}`);
  return { subject: `Redress weekly digest: ${d.weekTitle}`, text: `${out.join('\n')}\n` };
}
