// The metric rollups (docs/metrics.md, "Rollups") on the hand-built dataset: every report read
// through the rollup equals the same report read live from the base tables, a change to an old
// case shows up after the refresh, and concurrent refreshes never run twice at once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyCase } from '../../src/core/cases/classify-case.ts';
import { reopenCase } from '../../src/core/cases/change-status.ts';
import { transferCase } from '../../src/core/cases/transfer-case.ts';
import { linkCaseToProblem } from '../../src/core/problems/link-case-to-problem.ts';
import { computeMetrics, type MetricsReport } from '../../src/core/metrics/compute-metrics.ts';
import { recordCustomerActivity } from '../../src/core/metrics/record-customer-activity.ts';
import { loadSettings, saveSettings } from '../../src/core/settings/settings.repo.ts';
import { refreshRollups } from '../../src/core/metrics/refresh-rollups.ts';
import type { Actor, Ctx, Logger } from '../../src/core/shared/context.ts';
import { makeDesk, type Desk } from '../support/harness.ts';
import { loadMetricsDataset, type Dataset } from '../support/metrics-dataset.ts';

let desk: Desk;
let manager: Actor;
let data: Dataset;

const NOW = '2026-11-23T10:00:00Z';

beforeAll(async () => {
  desk = await makeDesk();
  desk.clock.set(NOW);
  manager = await desk.makeUser('manager', 'Mo Manager');
  data = await loadMetricsDataset(desk.database);
  // The dataset writes its rows directly; the closures get the timeline event closeCase writes
  // (the refresh finds the day a reopened case had closed on from it).
  await desk.database.db.execute(
    sql`INSERT INTO case_events (case_id, at, actor_label, type)
      SELECT id, closed_at, 'system:test', 'closed' FROM cases WHERE closed_at IS NOT NULL`,
  );
});
afterAll(() => desk.close());

/** The case and the second problem linked after the build (set by that test). */
const linkedLater = { caseId: '', problemId: '' };

const PERIOD = { from: '2026-11-02', to: '2026-11-16', bucket: 'week' } as const;

/** Every cut the metrics API offers on the dataset's period ('$problem': the dataset's problem). */
const CUTS: Array<Record<string, string>> = [
  {},
  { groupBy: 'channel' },
  { groupBy: 'category' },
  { groupBy: 'owner' },
  { channel: 'email' },
  { category: 'billing', groupBy: 'channel' },
  { bucket: 'day' },
  { bucket: 'month', from: '2026-10-01', to: '2026-11-23' },
  { from: '2026-10-15', to: '2026-11-23T10:00:00Z', bucket: 'week' },
  // Edges inside a day: the partial days are read live.
  { from: '2026-11-02T10:00:00Z', to: '2026-11-12T12:00:00Z', bucket: 'day' },
  // Cut by problem: one row per link of a case to a problem.
  { groupBy: 'problem' },
  { problemId: '$problem' },
  { problemId: '$problem', groupBy: 'channel' },
  { problemId: '$problem', bucket: 'day' },
  { groupBy: 'problem', channel: 'email' },
  { groupBy: 'problem', from: '2026-11-02T10:00:00Z', to: '2026-11-12T12:00:00Z', bucket: 'day' },
  { groupBy: 'problem', bucket: 'month', from: '2026-10-01', to: '2026-11-23' },
];

const resolve = (q: Record<string, string>) =>
  Object.fromEntries(
    Object.entries<string>({ ...PERIOD, ...q }).map(([k, v]) => [
      k,
      v === '$problem' ? data.problemId : v,
    ]),
  );

async function report(q: Record<string, string>): Promise<MetricsReport> {
  return computeMetrics(desk.ctxFor(manager), resolve(q));
}

async function rollupState() {
  const res = await desk.database.db.execute<{ through_day: string; as_of: Date }>(
    sql`SELECT through_day::text, as_of FROM metrics_rollup_state`,
  );
  return res.rows[0] ?? null;
}

async function expectSameAsLive(q: Record<string, string>) {
  const rolled = await report(q);
  const live = await liveRollback(q);
  expect(rolled, JSON.stringify(q)).toEqual(live);
}

/** Reads the live report inside a transaction that removes the rollup state and rolls back. */
async function liveRollback(q: Record<string, string>): Promise<MetricsReport> {
  const client = await desk.database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM metrics_rollup_state');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const db = drizzle(client);
    const r = await computeMetrics(
      { ...desk.ctxFor(manager), database: { ...desk.database, db: db as never } },
      resolve(q),
    );
    return r;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

function logs(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (_o, msg) => lines.push(msg ?? ''),
    warn: (_o, msg) => lines.push(msg ?? ''),
    error: (_o, msg) => lines.push(msg ?? ''),
  };
}

describe('building the rollup', () => {
  test('the first refresh builds every day before today, with a log line', async () => {
    const log = logs();
    const ctx: Ctx = { ...desk.system, log };
    const out = await refreshRollups(ctx);
    expect(out).toMatchObject({ skipped: false, rebuilt: true, throughDay: '2026-11-24' });
    expect(out.days).toBeGreaterThan(30);
    expect(log.lines).toContain('building the metric rollups');
    expect(log.lines).toContain('metric rollups built');
    const counted = await desk.database.db.execute<{ n: string }>(
      sql`SELECT sum(volume) AS n FROM metrics_day_cases WHERE grain = 0`,
    );
    expect(Number(counted.rows[0]!.n)).toBe(6);
  });

  test('the known answers come out of the rollup unchanged', async () => {
    const r = await report({});
    const m = (name: string) => r.metrics.find((x) => x.name === name)!;
    expect(m('volume').total.value).toBe(5);
    expect(m('same_day_first_response_rate').total).toEqual({
      value: 0.6,
      numerator: 3,
      denominator: 5,
    });
    expect(m('first_response_median_hours').total.value).toBe(3);
    expect(m('first_response_p90_hours').total.value).toBe(18);
    expect(m('resolution_p90_hours').total.value).toBe(43.2);
    expect(m('cost_per_recovered_customer').total.value).toBe(40.25);
    expect(m('recovered_customer_lifetime_value').total.value).toBe(600);
    expect(m('repeat_customer_rate').total).toMatchObject({ numerator: 2, denominator: 3 });
    expect(m('retention_after_recovery').total.value).toBe(0.5);
    expect(m('debrief_completion_rate').total).toMatchObject({ numerator: 3, denominator: 5 });
  });

  test.each(CUTS)('every cut equals the live answer: %o', async (q) => {
    await expectSameAsLive(q);
  });

  test('the rollup is really read: a rolled-up count edited by hand shows in the answer', async () => {
    const db = desk.database.db;
    await db.execute(
      sql`UPDATE metrics_day_cases SET volume = volume + 100 WHERE grain = 0 AND day = '2026-11-03'`,
    );
    const r = await report({});
    expect(r.metrics.find((x) => x.name === 'volume')!.total.value).toBe(105);
    await db.execute(
      sql`UPDATE metrics_day_cases SET volume = volume - 100 WHERE grain = 0 AND day = '2026-11-03'`,
    );
  });

  test('a cut by problem reads the per-link rows: one edited by hand shows in the answer', async () => {
    const db = desk.database.db;
    const links = await db.execute<{ n: string }>(
      sql`SELECT sum(volume) AS n FROM metrics_day_cases WHERE grain = 8`,
    );
    expect(Number(links.rows[0]!.n)).toBe(3);
    const edit = (by: number) =>
      db.execute(sql`UPDATE metrics_day_cases SET volume = volume + ${by}
        WHERE grain = 8 AND problem_id = ${data.problemId} AND day >= '2026-11-02' AND day < '2026-11-16'
          AND day = (SELECT min(day) FROM metrics_day_cases WHERE grain = 8 AND day >= '2026-11-02')`);
    const vol = async () =>
      (await report({ problemId: data.problemId })).metrics.find((x) => x.name === 'volume')!.total
        .value;
    const live = await vol();
    await edit(100);
    try {
      expect(await vol()).toBe((live ?? 0) + 100);
    } finally {
      await edit(-100);
    }
  });

  test('a clock behind the rollup reads live (debriefs completed by 18 Nov)', async () => {
    desk.clock.set('2026-11-18T10:00:00Z');
    try {
      const r = await report({ metrics: 'debrief_completion_rate' });
      expect(r.metrics[0]!.total).toMatchObject({ numerator: 2, denominator: 5 });
    } finally {
      desk.clock.set(NOW);
    }
  });
});

describe('changes to old cases', () => {
  test('recategorised, reassigned, reopened and a customer active again: seen after the refresh', async () => {
    const { o1, o2 } = data.owners;
    expect(o1).not.toBe(o2);
    const before = await report({});
    const ctx = desk.ctxFor(manager);
    await reopenCase(ctx, data.cases[1]!.id, { reason: 'The parcel never came after all' });
    await classifyCase(ctx, data.cases[1]!.id, { category: 'billing' });
    await transferCase(ctx, data.cases[3]!.id, { toUserId: o2, reason: 'Back from leave' });
    await reopenCase(ctx, data.cases[5]!.id, { reason: 'The customer wrote again' });
    await recordCustomerActivity(ctx, {
      items: [{ customerId: data.customers.C, at: '2026-11-20T09:00:00Z', kind: 'order' }],
    });
    // Until the refresh the rolled-up days still hold the old counts (the whole desk's report
    // is read from the rollup entirely: every day of the period has ended).
    expect(await report({})).toEqual(before);
    desk.clock.set('2026-11-23T10:01:00Z');
    const out = await refreshRollups(desk.system);
    expect(out).toMatchObject({ skipped: false, rebuilt: false });
    expect(out.days).toBeGreaterThan(0);
    expect(await report({})).not.toEqual(before);
    const after = await report({ groupBy: 'category' });
    const vol = after.metrics.find((x) => x.name === 'volume')!;
    expect(vol.byGroup.find((p) => p.group === 'billing')?.value).toBe(3);
    for (const q of CUTS) await expectSameAsLive(q);
  });

  test('cases linked to problems after the build: seen after the refresh, as a live read counts them', async () => {
    const db = desk.database.db;
    const other = await db.execute<{ id: string }>(
      sql`INSERT INTO problems (title, status, status_changed_at)
        VALUES ('Wrong size sent', 'open', ${new Date(NOW)}) RETURNING id`,
    );
    const second = other.rows[0]!.id;
    linkedLater.problemId = second;
    const unlinked = await db.execute<{ id: string }>(
      sql`SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM case_problems)
        AND received_at >= '2026-11-02' AND received_at < '2026-11-16' ORDER BY received_at LIMIT 1`,
    );
    const linked = await db.execute<{ id: string }>(
      sql`SELECT case_id AS id FROM case_problems cp JOIN cases c ON c.id = cp.case_id
        WHERE c.received_at >= '2026-11-02' AND c.received_at < '2026-11-16' LIMIT 1`,
    );
    const fresh = unlinked.rows[0]!.id;
    linkedLater.caseId = fresh;
    const already = linked.rows[0]!.id;
    const volume = (r: MetricsReport, group: string) =>
      r.metrics.find((x) => x.name === 'volume')!.byGroup.find((p) => p.group === group)?.value ??
      null;
    const before = await report({ groupBy: 'problem' });
    const wholeBefore = await report({});
    expect(volume(before, second)).toBeNull();
    const known = volume(before, data.problemId)!;
    const ctx = desk.ctxFor(manager);
    // Links are written by the product's action: each writes a 'problem_linked' case event,
    // which is how the refresh finds the days to recompute. A case may have several problems.
    await linkCaseToProblem(ctx, fresh, { problemId: data.problemId });
    await linkCaseToProblem(ctx, fresh, { problemId: second });
    await linkCaseToProblem(ctx, already, { problemId: second });
    // Every day of the period is rolled up: until the refresh the rolled-up counts stand (the
    // per-customer metrics of a cut are read live, so only the rolled ones are compared).
    const stale = await report({ groupBy: 'problem' });
    expect(volume(stale, data.problemId)).toBe(known);
    expect(volume(stale, second) ?? 0).toBe(0);
    desk.clock.set('2026-11-23T10:02:00Z');
    const out = await refreshRollups(desk.system);
    expect(out).toMatchObject({ skipped: false, rebuilt: false });
    const after = await report({ groupBy: 'problem' });
    expect(volume(after, data.problemId)).toBe(known + 1);
    expect(volume(after, second)).toBe(2);
    // The whole desk still counts each case once.
    const all = await report({});
    expect(all.metrics.find((x) => x.name === 'volume')!.total.value).toBe(
      wholeBefore.metrics.find((x) => x.name === 'volume')!.total.value,
    );
    for (const q of [...CUTS, { problemId: second }, { problemId: second, groupBy: 'owner' }])
      await expectSameAsLive(q);
  });

  test('a link removed straight in the database (no action unlinks) is seen after a rebuild', async () => {
    const db = desk.database.db;
    const { caseId, problemId } = linkedLater;
    const volume = async () =>
      (await report({ problemId })).metrics.find((x) => x.name === 'volume')!.total.value;
    expect(await volume()).toBe(2);
    // A refresh rescans the events of the one before: one more, so the links' events are behind.
    desk.clock.set('2026-11-23T10:03:00Z');
    await refreshRollups(desk.system);
    await db.execute(
      sql`DELETE FROM case_problems WHERE case_id = ${caseId} AND problem_id = ${problemId}`,
    );
    // No timeline event: the refresh does not know the case's days changed.
    desk.clock.set('2026-11-23T10:04:00Z');
    await refreshRollups(desk.system);
    expect(await volume()).toBe(2);
    const out = await refreshRollups(desk.system, { rebuild: true });
    expect(out.rebuilt).toBe(true);
    expect(await volume()).toBe(1);
    for (const q of CUTS.filter((c) => c.groupBy === 'problem' || c.problemId))
      await expectSameAsLive(q);
    await expectSameAsLive({ problemId, groupBy: 'channel' });
  });

  test('a new day is rolled up when it ends', async () => {
    desk.clock.set('2026-11-25T08:00:00Z');
    const out = await refreshRollups(desk.system);
    expect(out.throughDay).toBe('2026-11-26');
    expect(out.days).toBeGreaterThanOrEqual(3);
    expect((await rollupState())?.through_day).toBe('2026-11-26');
    for (const q of CUTS) await expectSameAsLive(q);
  });

  test('a change of time zone rebuilds the rollup in the new zone', async () => {
    const db = desk.database.db;
    const settings = await loadSettings(db);
    const zone = (timeZone: string) =>
      saveSettings(
        db,
        { ...settings, calendar: { ...settings.calendar, timeZone } },
        desk.clock.now(),
      );
    await zone('America/New_York');
    try {
      // Until the refresh the rollup's zone no longer matches: answers are read live.
      await expectSameAsLive({});
      const out = await refreshRollups(desk.system);
      expect(out.rebuilt).toBe(true);
      for (const q of CUTS) await expectSameAsLive(q);
    } finally {
      await zone(settings.calendar.timeZone);
      await refreshRollups(desk.system);
    }
  });
});

describe('several instances', () => {
  test('a refresh while another instance holds the lock skips; afterwards it runs', async () => {
    const holder = await desk.database.pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(7352010)');
      const out = await refreshRollups(desk.system, { rebuild: true });
      expect(out.skipped).toBe(true);
    } finally {
      await holder.query('SELECT pg_advisory_unlock(7352010)');
      holder.release();
    }
    desk.clock.set('2026-11-25T08:05:00Z');
    const outs = await Promise.all([refreshRollups(desk.system), refreshRollups(desk.system)]);
    expect(outs.some((o) => !o.skipped)).toBe(true);
    await expectSameAsLive({});
  });
});

describe('customers who never complained: the kept count', () => {
  const quiet = async () => {
    const r = await report({ metrics: 'retention_never_complained' });
    return r.metrics[0]!.total;
  };
  const kept = async () =>
    (
      await desk.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM metrics_quiet_cache WHERE start = '2026-11-02T00:00:00Z'`,
      )
    ).rows[0]!.n;

  test('counted once, then kept current: new activity and a first complaint', async () => {
    expect(await quiet()).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(await kept()).toBe(1);
    // E was active in September (before the period) and now again in November: retained.
    await recordCustomerActivity(desk.ctxFor(manager), {
      items: [{ customerId: data.customers.E, at: '2026-11-10T09:00:00Z', kind: 'visit' }],
    });
    expect(await quiet()).toEqual({ value: 1, numerator: 2, denominator: 2 });
    // D complains for the first time (a case and its opening event, as intake writes them): D
    // is no longer a customer who never complained.
    await desk.database.db.execute(sql`WITH c AS (
        INSERT INTO cases (customer_id, channel, received_at, account, severity, status,
          first_response_target, resolution_target)
        VALUES (${data.customers.D}, 'email', '2026-11-22T09:00Z', 'Late again', 'normal', 'new',
          '{}'::jsonb, '{}'::jsonb) RETURNING id)
      INSERT INTO case_events (case_id, at, actor_label, type)
        SELECT id, '2026-11-22T09:00Z', 'system:test', 'case_opened' FROM c`);
    expect(await quiet()).toEqual({ value: 1, numerator: 1, denominator: 1 });
    // Counting from scratch agrees.
    await desk.database.db.execute(sql`DELETE FROM metrics_quiet_cache`);
    expect(await quiet()).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(await kept()).toBe(1);
  });
});
