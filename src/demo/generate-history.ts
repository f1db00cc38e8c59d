// A year of realistic complaint history for the demo and the benchmark, generated in memory in
// batches: a weekday-heavy rhythm with a mid-year incident spike, channels and categories in
// believable proportions, most cases answered and resolved, verdicts, promises, restitution,
// repeat customers, and customer activity for retention. Seeded, so every run is the same.
import { randomUUID } from 'node:crypto';
import type { Channel } from '../contracts/enums.ts';
import { DEMO_COMPLAINTS } from './demo-data.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small, fast, seeded generator (no crypto needed for demo data). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weighted<T>(rnd: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

const CHANNEL_WEIGHTS: ReadonlyArray<readonly [Channel, number]> = [
  ['email', 30],
  ['phone', 20],
  ['web', 15],
  ['chat', 12],
  ['sms', 8],
  ['social', 7],
  ['in_person', 5],
  ['letter', 3],
];
const CATEGORY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['delivery', 30],
  ['billing', 20],
  ['product quality', 18],
  ['returns', 12],
  ['website', 8],
  ['staff conduct', 7],
];
const VERDICTS: ReadonlyArray<readonly [string | null, number]> = [
  ['meets', 55],
  ['exceeds', 20],
  ['falls_short', 15],
  [null, 10],
];
// Each category's complaints take turns, so the history reads as varied as the recent cases.
const TEMPLATES = new Map<string, Array<(typeof DEMO_COMPLAINTS)[number]>>();
for (const t of DEMO_COMPLAINTS)
  TEMPLATES.set(t.category, [...(TEMPLATES.get(t.category) ?? []), t]);
const KINDS = ['refund', 'credit', 'discount', 'replacement', 'gift_card', 'flowers', 'goodwill'];
const FIRST = ['Amara', 'Ben', 'Chloe', 'Dev', 'Elif', 'Finn', 'Grace', 'Hugo', 'Isla', 'Jamal'];
const LAST = ['Adams', 'Bakr', 'Costa', 'Dunn', 'Eze', 'Fox', 'Gill', 'Hale', 'Ito', 'Jones'];

export interface HistoryOptions {
  total: number;
  now: Date;
  ownerIds: readonly string[];
  seed?: number;
  days?: number;
}

export interface Batch {
  customers: Array<{ id: string; firstName: string; lastName: string; lifetimeValue: string }>;
  cases: Array<{
    id: string;
    customerId: string;
    channel: Channel;
    receivedAt: Date;
    subject: string;
    account: string;
    category: string;
    ownerId: string;
    status: string;
    verdict: string | null;
    firstResponseDueAt: Date;
    firstResponseAt: Date | null;
    resolutionDueAt: Date;
    resolvedAt: Date | null;
    closedAt: Date | null;
  }>;
  promises: Array<{ caseId: string; ownerId: string; dueAt: Date; status: string }>;
  restitutions: Array<{ caseId: string; kind: string; amount: string; status: string; at: Date }>;
  activity: Array<{ customerId: string; at: Date }>;
}

/** When a case arrives: uniform over the days, thinned at weekends, busier in office hours and
 * during a three-week incident, and slowly growing over the year. */
function arrival(rnd: () => number, now: number, days: number): number {
  for (;;) {
    const back = rnd() * days;
    const at = now - back * DAY;
    // 1 January 1970 was a Thursday (day 4).
    const weekday = (Math.floor(at / DAY) + 4) % 7;
    const hour = Math.floor((at % DAY) / HOUR);
    let keep = weekday === 0 || weekday === 6 ? 0.35 : 1;
    keep *= hour >= 8 && hour < 19 ? 1 : 0.25;
    keep *= 0.7 + (0.3 * (days - back)) / days;
    if (back > days * 0.45 && back < days * 0.45 + 21) keep = Math.min(1, keep * 2.5);
    if (rnd() < keep) return at;
  }
}

/** End of the local business day (17:30, taken as UTC here), the next one after 16:00. */
function sameDayDue(at: number): number {
  const d = new Date(at);
  const cutoff = d.getUTCHours() >= 16;
  const due = Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate() + (cutoff ? 1 : 0),
    17,
    30,
  );
  const wd = new Date(due).getUTCDay();
  return due + (wd === 6 ? 2 : wd === 0 ? 1 : 0) * DAY;
}

export function* generateHistory(o: HistoryOptions, batchSize = 5_000): Generator<Batch> {
  const rnd = seeded(o.seed ?? 20_261_125);
  const now = o.now.getTime();
  const days = o.days ?? 365;
  // About one customer in three complains again; 30% more customers never complain at all.
  const poolSize = Math.max(1, Math.round(o.total * 0.7));
  const pool: string[] = [];
  for (let done = 0; done < o.total;) {
    const n = Math.min(batchSize, o.total - done);
    const batch: Batch = { customers: [], cases: [], promises: [], restitutions: [], activity: [] };
    const newCustomer = () => {
      const id = randomUUID();
      const i = pool.length;
      batch.customers.push({
        id,
        firstName: FIRST[i % FIRST.length]!,
        lastName: LAST[Math.floor(i / FIRST.length) % LAST.length]!,
        lifetimeValue: (40 + Math.floor(rnd() * rnd() * 3000)).toFixed(2),
      });
      if (rnd() < 0.8)
        batch.activity.push({ customerId: id, at: new Date(now - rnd() * days * DAY) });
      pool.push(id);
      return id;
    };
    for (let i = 0; i < n; i++) {
      const customerId =
        pool.length < poolSize && (pool.length === 0 || rnd() < 0.75)
          ? newCustomer()
          : pool[Math.floor(rnd() * pool.length)]!;
      batch.cases.push(makeCase(rnd, now, days, customerId, o.ownerIds, batch));
    }
    // Customers who never complained, for the retention comparison.
    for (let i = 0; i < Math.round(n * 0.3); i++) {
      const id = randomUUID();
      batch.customers.push({
        id,
        firstName: 'Quiet',
        lastName: 'Customer',
        lifetimeValue: '250.00',
      });
      const at = now - rnd() * days * DAY;
      batch.activity.push({ customerId: id, at: new Date(at) });
      if (rnd() < 0.7)
        batch.activity.push({ customerId: id, at: new Date(Math.min(now, at + rnd() * 90 * DAY)) });
    }
    done += n;
    yield batch;
  }
}

function makeCase(
  rnd: () => number,
  now: number,
  days: number,
  customerId: string,
  ownerIds: readonly string[],
  batch: Batch,
): Batch['cases'][number] {
  const id = randomUUID();
  const at = arrival(rnd, now, days);
  const channel = weighted(rnd, CHANNEL_WEIGHTS);
  const category = weighted(rnd, CATEGORY_WEIGHTS);
  const templates = TEMPLATES.get(category) ?? DEMO_COMPLAINTS;
  const template = templates[batch.cases.length % templates.length]!;
  const frDue = sameDayDue(at);
  const late = rnd() < 0.12;
  const frDelay = late
    ? frDue - at + rnd() * 30 * HOUR
    : Math.min(frDue - at, HOUR * (0.2 + 6 * rnd() * rnd()));
  const fr = at + frDelay < now && rnd() < 0.97 ? at + frDelay : null;
  const resDue = at + 7 * DAY;
  const resDuration = HOUR * (2 + 160 * rnd() * rnd());
  const resolved = fr !== null && at + resDuration < now && rnd() < 0.95 ? at + resDuration : null;
  const closed = resolved !== null && resolved + DAY < now ? resolved + DAY * rnd() : null;
  const verdict = resolved !== null ? weighted(rnd, VERDICTS) : null;
  const ownerId = ownerIds[Math.floor(rnd() * ownerIds.length)]!;
  if (rnd() < 0.3) {
    const dueAt = at + HOUR * (2 + 48 * rnd());
    const status = dueAt > now ? 'open' : rnd() < 0.88 ? 'kept' : 'broken';
    batch.promises.push({ caseId: id, ownerId, dueAt: new Date(dueAt), status });
  }
  if (resolved !== null && rnd() < 0.4) {
    batch.restitutions.push({
      caseId: id,
      kind: KINDS[Math.floor(rnd() * KINDS.length)]!,
      amount: (5 + Math.floor(rnd() * rnd() * 150)).toFixed(2),
      status: rnd() < 0.95 ? 'granted' : 'declined',
      at: new Date(resolved),
    });
  }
  if (closed !== null && verdict !== 'falls_short' && rnd() < 0.7)
    batch.activity.push({ customerId, at: new Date(Math.min(now, closed + rnd() * 120 * DAY)) });
  return {
    id,
    customerId,
    channel,
    receivedAt: new Date(at),
    subject: template.subject,
    account: template.account,
    category,
    ownerId,
    status: closed ? 'closed' : resolved ? 'resolved' : fr ? 'in_progress' : 'new',
    verdict,
    firstResponseDueAt: new Date(frDue),
    firstResponseAt: fr === null ? null : new Date(fr),
    resolutionDueAt: new Date(resDue),
    resolvedAt: resolved === null ? null : new Date(resolved),
    closedAt: closed === null ? null : new Date(closed),
  };
}
