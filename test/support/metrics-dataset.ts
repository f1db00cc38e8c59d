// A hand-built dataset whose every metric is worked out by hand in test/core/metrics.test.ts.
// Rows are written straight into the tables so each timestamp is exactly what the arithmetic
// needs; the organisation's zone is Europe/London, which is UTC in November.
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';

export interface Dataset {
  owners: { o1: string; o2: string };
  customers: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;
  cases: Record<number, { id: string; reference: string }>;
  problemId: string;
}

type CaseSpec = {
  n: number;
  customer: 'A' | 'B' | 'C';
  channel: string;
  category: string;
  owner: 'o1' | 'o2';
  received: string;
  frDue: string;
  fr: string | null;
  resDue: string;
  resolved: string | null;
  verdict: string | null;
  closed: string | null;
};

export const CASES: CaseSpec[] = [
  {
    n: 1,
    customer: 'A',
    channel: 'email',
    category: 'delivery',
    owner: 'o1',
    received: '2026-11-02T09:00Z',
    frDue: '2026-11-02T17:30Z',
    fr: '2026-11-02T11:00Z',
    resDue: '2026-11-09T17:30Z',
    resolved: '2026-11-03T09:00Z',
    verdict: 'exceeds',
    closed: '2026-11-03T10:00Z',
  },
  {
    n: 2,
    customer: 'B',
    channel: 'phone',
    category: 'billing',
    owner: 'o2',
    received: '2026-11-03T10:00Z',
    frDue: '2026-11-03T17:30Z',
    fr: '2026-11-04T10:00Z',
    resDue: '2026-11-10T17:30Z',
    resolved: '2026-11-05T10:00Z',
    verdict: 'falls_short',
    closed: null,
  },
  {
    n: 3,
    customer: 'A',
    channel: 'email',
    category: 'delivery',
    owner: 'o1',
    received: '2026-11-10T09:00Z',
    frDue: '2026-11-10T17:30Z',
    fr: '2026-11-10T13:00Z',
    resDue: '2026-11-17T17:30Z',
    resolved: null,
    verdict: null,
    closed: null,
  },
  {
    n: 4,
    customer: 'C',
    channel: 'web',
    category: 'delivery',
    owner: 'o2',
    received: '2026-11-11T09:00Z',
    frDue: '2026-11-11T17:30Z',
    fr: null,
    resDue: '2026-11-18T17:30Z',
    resolved: null,
    verdict: null,
    closed: null,
  },
  {
    n: 5,
    customer: 'C',
    channel: 'email',
    category: 'billing',
    owner: 'o1',
    received: '2026-11-12T09:00Z',
    frDue: '2026-11-12T17:30Z',
    fr: '2026-11-12T10:00Z',
    resDue: '2026-11-19T17:30Z',
    resolved: '2026-11-12T18:00Z',
    verdict: 'meets',
    closed: '2026-11-13T09:00Z',
  },
  // Before the period: makes case 2 a repeat for B, and is linked to the problem before its fix.
  {
    n: 6,
    customer: 'B',
    channel: 'email',
    category: 'billing',
    owner: 'o2',
    received: '2026-10-20T09:00Z',
    frDue: '2026-10-20T17:30Z',
    fr: '2026-10-20T10:00Z',
    resDue: '2026-10-27T17:30Z',
    resolved: '2026-10-21T09:00Z',
    verdict: 'meets',
    closed: '2026-10-21T10:00Z',
  },
];

/** The day the worked answers are for; `near` moves the whole dataset by whole weeks. */
export const DATASET_NOW = new Date('2026-11-23T10:00:00Z');
const WEEK = 7 * 86_400_000;

export async function loadMetricsDataset(
  database: Database,
  opts: { near?: Date } = {},
): Promise<Dataset & { shiftMs: number }> {
  const { db } = database;
  const shiftMs = opts.near
    ? Math.floor((opts.near.getTime() - DATASET_NOW.getTime()) / WEEK) * WEEK
    : 0;
  const t = <T extends string | null>(iso: T): T =>
    (iso === null ? null : new Date(new Date(iso).getTime() + shiftMs).toISOString()) as T;
  const user = async (name: string) =>
    (
      await insertNewUser(db, {
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@metrics.test`,
        name,
        role: 'agent',
        password: 'correct horse battery',
      })
    ).id;
  const owners = { o1: await user('Olu Owner'), o2: await user('Tess Owner') };
  const ltv = { A: '1000', B: '500', C: '200', D: '300', E: '300', F: '300' } as const;
  const customers = {} as Dataset['customers'];
  for (const [k, v] of Object.entries(ltv)) {
    const res = await db.execute<{ id: string }>(
      sql`INSERT INTO customers (first_name, lifetime_value) VALUES (${`Customer ${k}`}, ${v}) RETURNING id`,
    );
    customers[k as keyof typeof ltv] = res.rows[0]!.id;
  }
  const cases: Dataset['cases'] = {};
  for (const c of CASES) {
    const status = c.closed ? 'closed' : c.resolved ? 'resolved' : 'in_progress';
    const res = await db.execute<{ id: string; reference: string }>(sql`
      INSERT INTO cases (customer_id, channel, received_at, subject, account, category, severity,
        owner_id, status, verdict, verdict_at, first_response_target, resolution_target,
        first_response_due_at, resolution_due_at, first_response_at, resolved_at, closed_at)
      VALUES (${customers[c.customer]}, ${c.channel}, ${t(c.received)}, ${`Metrics case ${c.n}`},
        ${`The account of metrics case ${c.n}.`}, ${c.category}, 'normal', ${owners[c.owner]},
        ${status}, ${c.verdict}, ${c.verdict ? t(c.resolved ?? c.received) : null},
        '{"kind":"same_business_day","cutoff":"16:00"}', '{"kind":"business_minutes","minutes":2550}',
        ${t(c.frDue)}, ${t(c.resDue)}, ${t(c.fr)}, ${t(c.resolved)}, ${t(c.closed)})
      RETURNING id, reference`);
    cases[c.n] = res.rows[0]!;
  }
  const id = (n: number) => cases[n]!.id;
  const promise = (n: number, status: string) =>
    db.execute(sql`INSERT INTO promises (case_id, what, to_whom, due_at, status)
      VALUES (${id(n)}, 'Call back', 'customer', ${t('2026-11-15T12:00Z')}, ${status})`);
  await promise(1, 'kept');
  await promise(2, 'broken');
  await promise(3, 'kept');
  await promise(3, 'open');
  await promise(6, 'broken');
  const give = (n: number, amount: string, status: string) =>
    db.execute(sql`INSERT INTO restitutions (case_id, kind, amount, currency, status, requested_at)
      VALUES (${id(n)}, 'refund', ${amount}, 'GBP', ${status}, ${t('2026-11-14T12:00Z')})`);
  await give(1, '50.00', 'granted');
  await give(2, '20.00', 'granted');
  await give(2, '100.00', 'pending_approval');
  await give(5, '30.50', 'granted');
  await give(5, '40.00', 'declined');
  const activity = (k: keyof typeof ltv, at: string) =>
    db.execute(
      sql`INSERT INTO customer_activity (customer_id, at, kind) VALUES (${customers[k]}, ${t(at)}, 'order')`,
    );
  await activity('A', '2026-11-20T12:00Z');
  await activity('C', '2026-11-01T12:00Z');
  await activity('D', '2026-10-15T12:00Z');
  await activity('D', '2026-11-05T12:00Z');
  await activity('E', '2026-09-01T12:00Z');
  const problem = await db.execute<{ id: string }>(sql`
    INSERT INTO problems (title, status, status_changed_at) VALUES ('Parcels left outside', 'fixed', ${t('2026-11-04T12:00Z')})
    RETURNING id`);
  const problemId = problem.rows[0]!.id;
  await db.execute(sql`INSERT INTO corrective_actions (problem_id, what, due_at, customer_facing_change, status, shipped_at)
    VALUES (${problemId}, 'Photo on delivery', ${t('2026-11-04T12:00Z')}, 'Drivers now photograph every parcel.', 'shipped', ${t('2026-11-04T12:00Z')})`);
  const link = (n: number, isRepeat: boolean) =>
    db.execute(sql`INSERT INTO case_problems (case_id, problem_id, linked_at, is_repeat_for_customer, search)
      VALUES (${id(n)}, ${problemId}, ${t('2026-11-14T12:00Z')}, ${isRepeat}, to_tsvector('english', 'parcel'))`);
  await link(6, false);
  await link(3, true);
  await link(5, false);
  // Debriefs, assigned when each closed case closed: case 1 (closed W45) has 1 of 2 completed,
  // case 5 (closed W46) 2 of 3, case 6 (closed before the period) 1 of 1.
  const staff = await user('Sam Staff');
  const debrief = (n: number, who: string, completed: string | null) =>
    db.execute(sql`INSERT INTO debriefs (case_id, user_id, assigned_at, how_it_happened, how_to_prevent, completed_at)
      VALUES (${id(n)}, ${who}, ${t(CASES.find((c) => c.n === n)!.closed)},
        ${completed ? 'The parcel was left outside.' : null},
        ${completed ? 'Photograph every parcel.' : null}, ${t(completed)})`);
  await debrief(1, owners.o1, '2026-11-05T12:00Z');
  await debrief(1, staff, null);
  await debrief(5, owners.o1, '2026-11-14T12:00Z');
  await debrief(5, owners.o2, '2026-11-20T12:00Z');
  await debrief(5, staff, null);
  await debrief(6, owners.o2, '2026-10-22T12:00Z');
  return { owners, customers, cases, problemId, shiftMs };
}
