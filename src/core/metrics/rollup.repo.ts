// The metric rollups in SQL (docs/metrics.md, "Rollups"). The same per-case facts feed both
// the refresh (one local day at a time, into the metrics_day_* tables) and the live part of a
// query (the instants the rollup does not cover), so the two always count alike.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Cell, Level, Scope } from './metrics.repo.ts';
import { RETENTION_DAYS } from './metrics.repo.ts';
import { frDecided, frMet, isAccepted, resDecided, resMet } from './outcomes.ts';
import {
  addToHistogram,
  binSql,
  daysBetween,
  nextDay,
  spanEnd,
  spanStart,
  percentileHours,
  type Histogram,
  type Split,
} from './rollup.rules.ts';

export interface RollupState {
  timeZone: string;
  throughDay: string;
  asOf: Date;
  eventMark: number;
  eventMarkBefore: number;
  activityMark: number;
  activityMarkBefore: number;
}

const ROLLUP_LOCK = 7_352_010;

/**
 * Runs `fn` while holding the rollup's advisory lock; returns null at once when another
 * instance holds it (that instance is refreshing already).
 */
export async function withRollupLock<T>(
  database: Database,
  fn: () => Promise<T>,
): Promise<T | null> {
  const client = await database.pool.connect();
  try {
    const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
      ROLLUP_LOCK,
    ]);
    if (!got.rows[0]?.ok) return null;
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ROLLUP_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

export async function loadRollupState(db: DbOrTx): Promise<RollupState | null> {
  const res = await db.execute<Record<string, unknown>>(
    sql`SELECT time_zone, through_day::text AS through_day, as_of, event_mark, event_mark_before,
        activity_mark, activity_mark_before
      FROM metrics_rollup_state WHERE id = 1`,
  );
  const r = res.rows[0];
  if (!r) return null;
  return {
    timeZone: String(r.time_zone),
    throughDay: String(r.through_day),
    asOf: new Date(r.as_of as string | Date),
    eventMark: Number(r.event_mark),
    eventMarkBefore: Number(r.event_mark_before),
    activityMark: Number(r.activity_mark),
    activityMarkBefore: Number(r.activity_mark_before),
  };
}

export async function saveRollupState(db: DbOrTx, s: RollupState, now: Date): Promise<void> {
  await db.execute(
    sql`INSERT INTO metrics_rollup_state (id, time_zone, through_day, as_of, event_mark,
        event_mark_before, activity_mark, activity_mark_before, refreshed_at)
      VALUES (1, ${s.timeZone}, ${s.throughDay}::date, ${s.asOf}, ${s.eventMark}, ${s.eventMarkBefore},
        ${s.activityMark}, ${s.activityMarkBefore}, ${now})
      ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone,
        through_day = excluded.through_day, as_of = excluded.as_of,
        event_mark = excluded.event_mark, event_mark_before = excluded.event_mark_before,
        activity_mark = excluded.activity_mark, activity_mark_before = excluded.activity_mark_before,
        refreshed_at = excluded.refreshed_at`,
  );
}

export async function dropRollupState(db: DbOrTx): Promise<void> {
  await db.execute(sql`DELETE FROM metrics_rollup_state`);
}

/** The newest case event and customer activity ids. */
export async function currentMarks(db: DbOrTx): Promise<{ event: number; activity: number }> {
  const res = await db.execute<{ e: string | null; a: string | null }>(
    sql`SELECT (SELECT max(id) FROM case_events) AS e, (SELECT max(id) FROM customer_activity) AS a`,
  );
  return { event: Number(res.rows[0]?.e ?? 0), activity: Number(res.rows[0]?.a ?? 0) };
}

/** The first local day holding a case (received or closed), or null on an empty desk. */
export async function firstCaseDay(db: DbOrTx, timeZone: string): Promise<string | null> {
  const res = await db.execute<{ d: string | null }>(
    sql`SELECT (min(received_at) AT TIME ZONE ${timeZone})::date::text AS d FROM cases`,
  );
  return res.rows[0]?.d ?? null;
}

/**
 * The local days before `throughDay` whose counts may have changed since the marks: every day
 * holding a case (received or closed) of a customer with a new case event or a new activity,
 * and the day of every closure of a case with a new event (a reopened case leaves its old day).
 */
export async function touchedDays(
  db: DbOrTx,
  m: { eventFrom: number; eventTo: number; activityFrom: number; activityTo: number },
  timeZone: string,
  throughDay: string,
): Promise<string[]> {
  const res = await db.execute<{ day: string }>(
    sql`WITH ev AS (SELECT DISTINCT case_id FROM case_events
          WHERE id > ${m.eventFrom} AND id <= ${m.eventTo}),
        cu AS (SELECT customer_id FROM cases WHERE id IN (SELECT case_id FROM ev)
          UNION SELECT customer_id FROM customer_activity
            WHERE id > ${m.activityFrom} AND id <= ${m.activityTo}),
        k AS (SELECT received_at, closed_at FROM cases
          WHERE customer_id IN (SELECT customer_id FROM cu))
      SELECT DISTINCT day::text AS day FROM (
        SELECT (received_at AT TIME ZONE ${timeZone})::date AS day FROM k
        UNION SELECT (closed_at AT TIME ZONE ${timeZone})::date FROM k WHERE closed_at IS NOT NULL
        UNION SELECT (e.at AT TIME ZONE ${timeZone})::date FROM case_events e
          WHERE e.case_id IN (SELECT case_id FROM ev) AND e.type IN ('closed', 'reopened')
      ) x WHERE day < ${throughDay}::date ORDER BY day`,
  );
  return res.rows.map((r) => r.day);
}

// ---------------------------------------------------------------------------------------------
// Per-case facts, shared by the refresh and the live part of a query.

const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;

/** Which instants a fact query reads: a condition on the case's received or closed column. */
export type Ranges = (column: SQL) => SQL;

const anyOf = (parts: SQL[]) =>
  parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` OR `)})`;

/** Instant ranges [from, to), each read through the index on the column. */
export function rangesOf(ranges: ReadonlyArray<{ from: Date; to: Date }>): Ranges {
  return (col) => anyOf(ranges.map((r) => sql`(${col} >= ${r.from} AND ${col} < ${r.to})`));
}

/** Local days, consecutive ones merged into one range, cut at local midnight by PostgreSQL. */
function dayRanges(days: readonly string[], timeZone: string): Ranges {
  const runs: Array<[string, string]> = [];
  for (const d of [...days].sort()) {
    const last = runs[runs.length - 1];
    const next = nextDay(d);
    if (last && last[1] === d) last[1] = next;
    else runs.push([d, next]);
  }
  const at = (d: string) => sql`(${d}::date::timestamp AT TIME ZONE ${timeZone})`;
  return (col) => anyOf(runs.map(([a, b]) => sql`(${col} >= ${at(a)} AND ${col} < ${at(b)})`));
}

export interface Filters {
  channel?: string | undefined;
  category?: string | undefined;
  ownerId?: string | undefined;
  problemId?: string | undefined;
}

/** The filters on a case (alias `c`, its problem link `cp`) or on a rollup row. */
function filterSql(f: Filters, alias: string): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`true`];
  if (f.channel) parts.push(sql`${a}.channel = ${f.channel}`);
  if (f.category) parts.push(sql`${a}.category = ${f.category}`);
  if (f.ownerId) parts.push(sql`${a}.owner_id = ${f.ownerId}`);
  if (f.problemId)
    parts.push(sql`${sql.raw(alias === 'c' ? 'cp' : alias)}.problem_id = ${f.problemId}`);
  return sql.join(parts, sql` AND `);
}

/**
 * Per problem link (`byProblem`): one row per link of a case to a problem, with the link's own
 * repeat flag (R22), as the live read counts a query cut by problem. Otherwise one row per case.
 */
function problemJoin(byProblem: boolean) {
  return byProblem
    ? {
        col: sql`cp.problem_id`,
        join: sql`JOIN case_problems cp ON cp.case_id = c.id`,
      }
    : { col: sql`NULL::uuid`, join: sql`` };
}

const minutes = (to: string) => sql.raw(binSql(`extract(epoch FROM ${to} - received_at) / 60`));

/** The cases received in `ranges`: one row each (or per problem link) with every count it adds to. */
function receivedFacts(
  ranges: Ranges,
  timeZone: string,
  now: Date,
  f: Filters = {},
  byProblem = false,
): SQL {
  const p = problemJoin(byProblem);
  const isRepeat = byProblem
    ? sql`cp.is_repeat_for_customer`
    : sql`EXISTS (SELECT 1 FROM cases e WHERE e.customer_id = c.customer_id
        AND e.received_at < c.received_at)`;
  return sql`SELECT (c.received_at AT TIME ZONE ${timeZone})::date AS day,
      c.id, c.customer_id, c.channel, c.category, c.owner_id, ${p.col} AS problem_id,
      first_response_at IS NOT NULL AS answered,
      ${frMet} AS fr_met,
      (first_response_at IS NOT NULL OR first_response_due_at IS NULL
        OR first_response_due_at <= ${now}) AS fr_fixed,
      coalesce(${frDecided(now)}, false) AS fr_dec,
      first_response_due_at AS fr_due_at,
      coalesce(resolved_at, closed_at) IS NOT NULL AS resolved,
      coalesce(${resMet}, false) AS res_met,
      (coalesce(resolved_at, closed_at) IS NOT NULL OR resolution_due_at IS NULL
        OR resolution_due_at <= ${now}) AS res_fixed,
      coalesce(${resDecided(now)}, false) AS res_dec,
      resolution_due_at AS res_due_at,
      CASE WHEN first_response_at IS NOT NULL THEN ${minutes('first_response_at')} END AS fr_bin,
      CASE WHEN coalesce(resolved_at, closed_at) IS NOT NULL
        THEN ${minutes('coalesce(resolved_at, closed_at)')} END AS res_bin,
      coalesce(${isAccepted}, false) AS accepted,
      verdict IS NOT NULL AS has_verdict,
      ${isRepeat} AS is_repeat,
      coalesce(pr.kept, 0) AS kept, coalesce(pr.broken, 0) AS broken,
      coalesce(rs.cost, 0) AS cost, coalesce(rs.n, 0) AS n_rest,
      (SELECT cu.lifetime_value FROM customers cu WHERE cu.id = c.customer_id) AS ltv
    FROM cases c ${p.join}
    LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE p.status = 'kept') AS kept,
        count(*) FILTER (WHERE p.status = 'broken') AS broken
      FROM promises p WHERE p.case_id = c.id) pr ON true
    LEFT JOIN LATERAL (SELECT sum(x.amount) AS cost, count(*) AS n
      FROM restitutions x WHERE x.case_id = c.id AND x.status = 'granted') rs ON true
    WHERE ${ranges(sql`c.received_at`)} AND ${filterSql(f, 'c')}`;
}

/** The received cases that are not their customer's first, with the facts per-customer counts need. */
function customerFacts(ranges: Ranges, timeZone: string): SQL {
  return sql`SELECT (c.received_at AT TIME ZONE ${timeZone})::date AS day, c.received_at,
      pv.prev[1] AS prev_at, pv.prev[2] AS prev2_at,
      coalesce(c.verdict IN ('meets', 'exceeds'), false) AS recovered,
      pr.received_at AS prev_recovered_at,
      (SELECT cu.lifetime_value FROM customers cu WHERE cu.id = c.customer_id) AS lifetime_value
    FROM cases c
    CROSS JOIN LATERAL (SELECT array_agg(e.received_at ORDER BY e.received_at DESC, e.id DESC) AS prev
      FROM (SELECT e.received_at, e.id FROM cases e WHERE e.customer_id = c.customer_id
        AND (e.received_at, e.id) < (c.received_at, c.id)
        ORDER BY e.received_at DESC, e.id DESC LIMIT 2) e) pv
    LEFT JOIN LATERAL (SELECT e.received_at FROM cases e WHERE e.customer_id = c.customer_id
        AND (e.received_at, e.id) < (c.received_at, c.id) AND e.verdict IN ('meets', 'exceeds')
        ORDER BY e.received_at DESC, e.id DESC LIMIT 1) pr ON true
    WHERE ${ranges(sql`c.received_at`)} AND pv.prev IS NOT NULL`;
}

const activeAgain = (alias: string) => {
  const a = sql.raw(alias);
  return sql`EXISTS (SELECT 1 FROM customer_activity act WHERE act.customer_id = ${a}.customer_id
    AND act.at > ${a}.closed_at AND act.at <= ${a}.closed_at + make_interval(days => ${RETENTION_DAYS}))`;
};

/** The cases closed in `ranges`: recovered, active again afterwards, debriefs due and done. */
function closedFacts(
  ranges: Ranges,
  timeZone: string,
  now: Date,
  f: Filters = {},
  byProblem = false,
): SQL {
  const p = problemJoin(byProblem);
  return sql`SELECT (c.closed_at AT TIME ZONE ${timeZone})::date AS day,
      c.id, c.channel, c.category, c.owner_id, ${p.col} AS problem_id,
      coalesce(c.verdict IN ('meets', 'exceeds'), false) AS recovered,
      coalesce(c.verdict IN ('meets', 'exceeds'), false) AND ${activeAgain('c')} AS active_again,
      coalesce(db.due, 0) AS due, coalesce(db.done, 0) AS done
    FROM cases c ${p.join}
    LEFT JOIN LATERAL (SELECT count(*) AS due, count(*) FILTER (WHERE d.completed_at <= ${now}) AS done
      FROM debriefs d WHERE d.case_id = c.id) db ON true
    WHERE ${ranges(sql`c.closed_at`)} AND ${filterSql(f, 'c')}`;
}

/** Recovered closures after an earlier recovered closure of the same customer. */
function retentionFacts(ranges: Ranges, timeZone: string): SQL {
  const recoveredClosed = sql`e.customer_id = c.customer_id AND e.closed_at IS NOT NULL
    AND e.verdict IN ('meets', 'exceeds') AND (e.closed_at, e.id) < (c.closed_at, c.id)`;
  return sql`SELECT (c.closed_at AT TIME ZONE ${timeZone})::date AS day, c.closed_at,
      pv.closed_at AS prev_at, ${activeAgain('c')} AS active_again,
      (SELECT e.closed_at FROM cases e WHERE ${recoveredClosed} AND ${activeAgain('e')}
        ORDER BY e.closed_at DESC, e.id DESC LIMIT 1) AS prev_active_again_at
    FROM cases c
    CROSS JOIN LATERAL (SELECT e.closed_at FROM cases e WHERE ${recoveredClosed}
      ORDER BY e.closed_at DESC, e.id DESC LIMIT 1) pv
    WHERE ${ranges(sql`c.closed_at`)} AND c.verdict IN ('meets', 'exceeds')`;
}

// ---------------------------------------------------------------------------------------------
// The refresh: recompute whole local days.

/** The rollup rows of one pass: per case (grains 0..7) or per problem link (grains 8, 15). */
interface Pass {
  byProblem: boolean;
  grain: SQL;
  /** Grouping sets over day and the dimensions, with `extra` grouped in every set. */
  sets: (extra?: SQL) => SQL;
}

const CASE_PASS: Pass = {
  byProblem: false,
  grain: sql`7 - GROUPING(channel, category, owner_id)`,
  // problem_id is null throughout: grouped by only so that it can be selected.
  sets: (x = sql``) => sql`GROUPING SETS ((day, problem_id ${x}), (day, problem_id, channel ${x}),
    (day, problem_id, category ${x}), (day, problem_id, owner_id ${x}),
    (day, problem_id, channel, category, owner_id ${x}))`,
};
const PROBLEM_PASS: Pass = {
  byProblem: true,
  grain: sql`15 - GROUPING(channel, category, owner_id)`,
  sets: (x = sql``) => sql`GROUPING SETS ((day, problem_id ${x}),
    (day, problem_id, channel, category, owner_id ${x}))`,
};

/**
 * Recomputes every rollup row of `days`, in the caller's transaction, at the clock `asOf`.
 * Without `links` the per-customer facts are left to `rebuildLinks` (a build from scratch).
 */
export async function recomputeDays(
  tx: DbOrTx,
  days: readonly string[],
  timeZone: string,
  asOf: Date,
  opts: { links: boolean } = { links: true },
): Promise<void> {
  if (days.length === 0) return;
  const list = sql`${pgArray(days)}::date[]`;
  const ranges = dayRanges(days, timeZone);
  await tx.execute(sql`DELETE FROM metrics_day_times WHERE span = 'day' AND day = ANY(${list})`);
  const tables = [
    'metrics_day_cases',
    'metrics_day_pending',
    'metrics_day_closed',
    'metrics_day_closed_pending',
    ...(opts.links ? ['metrics_day_customers', 'metrics_day_retention'] : []),
  ];
  for (const t of tables) await tx.execute(sql`DELETE FROM ${sql.raw(t)} WHERE day = ANY(${list})`);

  for (const pass of [CASE_PASS, PROBLEM_PASS]) {
    await tx.execute(sql`DROP TABLE IF EXISTS rollup_received`);
    await tx.execute(
      sql`CREATE TEMP TABLE rollup_received ON COMMIT DROP AS
        ${receivedFacts(ranges, timeZone, asOf, {}, pass.byProblem)}`,
    );
    await insertReceived(tx, pass);
  }
  for (const span of ['week', 'month'] as const) await recomputeSpans(tx, days, span);
  if (opts.links)
    await tx.execute(
      sql`INSERT INTO metrics_day_customers (day, received_at, prev_at, prev2_at, recovered,
          prev_recovered_at, lifetime_value)
        SELECT day, received_at, prev_at, prev2_at, recovered, prev_recovered_at, lifetime_value
        FROM (${customerFacts(ranges, timeZone)}) f`,
    );

  for (const pass of [CASE_PASS, PROBLEM_PASS]) {
    await tx.execute(sql`DROP TABLE IF EXISTS rollup_closed`);
    await tx.execute(
      sql`CREATE TEMP TABLE rollup_closed ON COMMIT DROP AS
        ${closedFacts(ranges, timeZone, asOf, {}, pass.byProblem)}`,
    );
    await tx.execute(
      sql`INSERT INTO metrics_day_closed (day, grain, channel, category, owner_id, problem_id,
          recovered_closed, recovered_active_again, debriefs_due, debriefs_completed)
        SELECT day, ${pass.grain}, channel, category, owner_id, problem_id,
          count(*) FILTER (WHERE recovered), count(*) FILTER (WHERE active_again), sum(due), sum(done)
        FROM rollup_closed GROUP BY ${pass.sets()}`,
    );
    await tx.execute(
      sql`INSERT INTO metrics_day_closed_pending (day, channel, category, owner_id, problem_id, completed_at)
        SELECT f.day, f.channel, f.category, f.owner_id, f.problem_id, d.completed_at
        FROM rollup_closed f JOIN debriefs d ON d.case_id = f.id WHERE d.completed_at > ${asOf}`,
    );
  }
  if (opts.links)
    await tx.execute(
      sql`INSERT INTO metrics_day_retention (day, closed_at, prev_at, active_again, prev_active_again_at)
        SELECT day, closed_at, prev_at, active_again, prev_active_again_at
        FROM (${retentionFacts(ranges, timeZone)}) f`,
    );
  if (opts.links) {
    await tx.execute(sql`DELETE FROM metrics_day_pairs WHERE span = 'day' AND day = ANY(${list})`);
    await insertPairs(tx, timeZone, sql`day = ANY(${list})`);
    for (const span of ['week', 'month'] as const) await recomputePairSpans(tx, days, span);
  }
}

/** The counts, time bins and pending clocks of the received cohort in rollup_received. */
async function insertReceived(tx: DbOrTx, pass: Pass): Promise<void> {
  await tx.execute(
    sql`INSERT INTO metrics_day_cases (day, grain, channel, category, owner_id, problem_id, volume,
        fr_met, fr_decided, sla_met, sla_decided, accepted, verdicts, repeat_cases, promises_kept,
        promises_broken, restitution_cost, restitutions, recovered_cases, recovered_cost,
        recovered_lifetime_value)
      SELECT day, ${pass.grain}, channel, category, owner_id, problem_id, count(*),
        count(*) FILTER (WHERE fr_met),
        count(*) FILTER (WHERE fr_fixed AND fr_dec),
        count(*) FILTER (WHERE fr_met AND res_met),
        count(*) FILTER (WHERE fr_fixed AND res_fixed AND fr_dec AND res_dec),
        count(*) FILTER (WHERE accepted), count(*) FILTER (WHERE has_verdict),
        count(*) FILTER (WHERE is_repeat), sum(kept), sum(broken), sum(cost), sum(n_rest),
        count(*) FILTER (WHERE accepted),
        coalesce(sum(cost) FILTER (WHERE accepted), 0),
        coalesce(sum(ltv) FILTER (WHERE accepted), 0)
      FROM rollup_received GROUP BY ${pass.sets()}`,
  );
  for (const kind of ['fr', 'res'] as const) {
    const bin = sql.raw(`${kind}_bin`);
    await tx.execute(
      sql`INSERT INTO metrics_day_times (day, span, grain, channel, category, owner_id, problem_id,
          kind, bins, counts)
        SELECT day, 'day', grain, channel, category, owner_id, problem_id, ${kind},
          array_agg(bin ORDER BY bin), array_agg(n ORDER BY bin)
        FROM (SELECT day, ${pass.grain} AS grain, channel, category, owner_id, problem_id,
            ${bin} AS bin, count(*)::int AS n
          FROM rollup_received WHERE ${bin} IS NOT NULL
          GROUP BY ${pass.sets(sql`, ${bin}`)}) x
        GROUP BY day, grain, channel, category, owner_id, problem_id`,
    );
  }
  await tx.execute(
    sql`INSERT INTO metrics_day_pending (day, channel, category, owner_id, problem_id, fr_pending,
        answered, fr_due_at, resolved, res_due_at)
      SELECT day, channel, category, owner_id, problem_id, NOT fr_fixed, answered, fr_due_at,
        resolved, res_due_at
      FROM rollup_received WHERE NOT (fr_fixed AND res_fixed)`,
  );
}
/** The week or month rows of metrics_day_times holding any of `days`, summed from the days. */
async function recomputeSpans(tx: DbOrTx, days: readonly string[], span: 'week' | 'month') {
  const starts = [...new Set(days.map((d) => spanStart(d, span)))].sort();
  const list = sql`${pgArray(starts)}::date[]`;
  const first = starts[0]!;
  const end = spanEnd(starts[starts.length - 1]!, span);
  await tx.execute(sql`DELETE FROM metrics_day_times WHERE span = ${span} AND day = ANY(${list})`);
  await tx.execute(
    sql`INSERT INTO metrics_day_times (day, span, grain, channel, category, owner_id, problem_id,
        kind, bins, counts)
      SELECT s, ${span}, grain, channel, category, owner_id, problem_id, kind,
        array_agg(bin ORDER BY bin), array_agg(n ORDER BY bin)
      FROM (SELECT date_trunc(${span}, t.day::timestamp)::date AS s, t.grain, t.channel, t.category,
          t.owner_id, t.problem_id, t.kind, u.bin, sum(u.n)::int AS n
        FROM metrics_day_times t CROSS JOIN LATERAL unnest(t.bins, t.counts) AS u(bin, n)
        WHERE t.span = 'day' AND t.day >= ${first}::date AND t.day < ${end}::date
          AND date_trunc(${span}, t.day::timestamp)::date = ANY(${list})
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) x
      GROUP BY s, grain, channel, category, owner_id, problem_id, kind`,
  );
}

/** The week or month rows of metrics_day_pairs holding any of `days`, summed from the days. */
async function recomputePairSpans(tx: DbOrTx, days: readonly string[], span: 'week' | 'month') {
  if (days.length === 0) return;
  const starts = [...new Set(days.map((d) => spanStart(d, span)))].sort();
  const list = sql`${pgArray(starts)}::date[]`;
  const first = starts[0]!;
  const end = spanEnd(starts[starts.length - 1]!, span);
  await tx.execute(sql`DELETE FROM metrics_day_pairs WHERE span = ${span} AND day = ANY(${list})`);
  await tx.execute(
    sql`INSERT INTO metrics_day_pairs (day, span, kind, other_day, n, lifetime_value)
      SELECT date_trunc(${span}, day::timestamp)::date, ${span}, kind, other_day, sum(n),
        sum(lifetime_value)
      FROM metrics_day_pairs
      WHERE span = 'day' AND day >= ${first}::date AND day < ${end}::date
        AND date_trunc(${span}, day::timestamp)::date = ANY(${list})
      GROUP BY 1, 3, 4`,
  );
}

/** metrics_day_pairs from the per-case facts of the days matching `where`. */
async function insertPairs(tx: DbOrTx, timeZone: string, where: SQL): Promise<void> {
  const d = (col: string) =>
    sql.raw(`(${col} AT TIME ZONE '${timeZone.replace(/'/g, "''")}')::date`);
  await tx.execute(
    sql`INSERT INTO metrics_day_pairs (day, span, kind, other_day, n, lifetime_value)
      SELECT day, 'day', kind, other_day, count(*), coalesce(sum(ltv), 0) FROM (
        SELECT day, 1 AS kind, ${d('prev_at')} AS other_day, NULL::numeric AS ltv
          FROM metrics_day_customers WHERE ${where}
        UNION ALL SELECT day, 2, ${d('prev2_at')}, NULL FROM metrics_day_customers
          WHERE ${where} AND prev2_at IS NOT NULL
        UNION ALL SELECT day, 3, ${d('prev_recovered_at')}, lifetime_value FROM metrics_day_customers
          WHERE ${where} AND recovered AND prev_recovered_at IS NOT NULL
        UNION ALL SELECT day, 4, ${d('prev_at')}, NULL FROM metrics_day_retention WHERE ${where}
        UNION ALL SELECT day, 5, ${d('prev_active_again_at')}, NULL FROM metrics_day_retention
          WHERE ${where} AND active_again AND prev_active_again_at IS NOT NULL) x
      GROUP BY day, kind, other_day`,
  );
}

/**
 * The per-customer facts of every day before `throughDay` at once: the same values as
 * customerFacts and retentionFacts, from one pass over each customer's cases in order (a case
 * at a time would look every customer up once per case).
 */
export async function rebuildLinks(
  tx: DbOrTx,
  timeZone: string,
  throughDay: string,
): Promise<void> {
  await tx.execute(sql`TRUNCATE metrics_day_customers, metrics_day_retention, metrics_day_pairs`);
  const recovered = sql`coalesce(c.verdict IN ('meets', 'exceeds'), false)`;
  const before = sql`ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING`;
  await tx.execute(
    sql`INSERT INTO metrics_day_customers (day, received_at, prev_at, prev2_at, recovered,
        prev_recovered_at, lifetime_value)
      SELECT x.day, x.received_at, x.prev_at, x.prev2_at, x.recovered, x.prev_recovered_at,
        cu.lifetime_value
      FROM (SELECT (c.received_at AT TIME ZONE ${timeZone})::date AS day, c.received_at,
          c.customer_id, lag(c.received_at) OVER w AS prev_at,
          lag(c.received_at, 2) OVER w AS prev2_at, ${recovered} AS recovered,
          max(c.received_at) FILTER (WHERE ${recovered}) OVER (w ${before}) AS prev_recovered_at
        FROM cases c WINDOW w AS (PARTITION BY c.customer_id ORDER BY c.received_at, c.id)) x
      JOIN customers cu ON cu.id = x.customer_id
      WHERE x.prev_at IS NOT NULL AND x.day < ${throughDay}::date`,
  );
  await tx.execute(
    sql`INSERT INTO metrics_day_retention (day, closed_at, prev_at, active_again, prev_active_again_at)
      SELECT day, closed_at, prev_at, active_again, prev_active_again_at
      FROM (SELECT (c.closed_at AT TIME ZONE ${timeZone})::date AS day, c.closed_at,
          lag(c.closed_at) OVER w AS prev_at, c.active_again,
          max(c.closed_at) FILTER (WHERE c.active_again) OVER (w ${before}) AS prev_active_again_at
        FROM (SELECT k.id, k.customer_id, k.closed_at, ${activeAgain('k')} AS active_again
          FROM cases k WHERE k.closed_at IS NOT NULL AND k.verdict IN ('meets', 'exceeds')) c
        WINDOW w AS (PARTITION BY c.customer_id ORDER BY c.closed_at, c.id)) x
      WHERE prev_at IS NOT NULL AND day < ${throughDay}::date`,
  );
  await insertPairs(tx, timeZone, sql`true`);
  const first = await tx.execute<{ d: string | null }>(
    sql`SELECT min(day)::text AS d FROM metrics_day_pairs`,
  );
  const from = first.rows[0]?.d;
  const days = from ? daysBetween(from, throughDay) : [];
  for (const span of ['week', 'month'] as const) await recomputePairSpans(tx, days, span);
}

export async function clearRollups(tx: DbOrTx): Promise<void> {
  await tx.execute(
    sql`TRUNCATE metrics_day_cases, metrics_day_times, metrics_day_pending, metrics_day_customers,
      metrics_day_closed, metrics_day_closed_pending, metrics_day_retention, metrics_day_pairs`,
  );
}

// ---------------------------------------------------------------------------------------------
// Queries: the rolled-up days plus the live instants.

export interface Rolled {
  scope: Scope;
  split: Split & { rolled: { fromDay: string; toDay: string } };
  grain: number;
}

function groupOf(r: Rolled): SQL {
  switch (r.scope.groupBy) {
    case 'channel':
      return sql`channel`;
    case 'category':
      return sql`coalesce(category, '(none)')`;
    case 'owner':
      return sql`coalesce(owner_id::text, '(none)')`;
    case 'problem':
      return sql`problem_id::text`;
    case 'none':
      return sql`'all'`;
  }
}

/** The query is cut by problem: it reads the per-link rows (grains 8 and 15). */
const byProblem = (r: Rolled) => (r.grain & 8) !== 0;

/**
 * Rollup rows of the query's grain and filters over its rolled days; for the tables without a
 * grain (one row per case or per link), the per-link rows or the per-case ones.
 */
function rolledWhere(r: Rolled, withGrain = true): SQL {
  const { fromDay, toDay } = r.split.rolled;
  const grain = withGrain
    ? sql`grain = ${r.grain} AND`
    : byProblem(r)
      ? sql`problem_id IS NOT NULL AND`
      : sql`problem_id IS NULL AND`;
  return sql`${grain} day >= ${fromDay}::date AND day < ${toDay}::date AND ${filterSql(r.scope, 't')}`;
}

function liveRanges(r: Rolled): Ranges {
  return rangesOf(r.split.live);
}

const bucketOf = (r: Rolled) => sql`date_trunc(${r.scope.period.bucket}, day::timestamp)`;
const SETS = sql`GROUPING SETS ((b, g), (b), (g), ())`;

async function cells(db: DbOrTx, query: SQL): Promise<Cell[]> {
  const res = await db.execute<Record<string, unknown>>(query);
  return res.rows.map((row) => {
    const cell: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row))
      cell[k] = k === 'b' || k === 'g' ? v : v === null ? null : Number(v);
    return cell as Cell;
  });
}

/** Every additive count of the received cohort, with the clocks decided at the query's clock. */
export function rolledCaseCounts(db: DbOrTx, r: Rolled): Promise<Cell[]> {
  const { now, period } = r.scope;
  const tz = period.timeZone;
  return cells(
    db,
    sql`WITH live AS (${receivedFacts(liveRanges(r), tz, now, r.scope, byProblem(r))}),
      rows AS (
        SELECT day, channel, category, owner_id, problem_id, volume, fr_met, fr_decided, sla_met, sla_decided,
          accepted, verdicts, repeat_cases, promises_kept, promises_broken, restitution_cost,
          restitutions, recovered_cases, recovered_cost, recovered_lifetime_value
        FROM metrics_day_cases t WHERE ${rolledWhere(r)}
        UNION ALL
        SELECT day, channel, category, owner_id, problem_id, 0, 0,
          CASE WHEN fr_pending AND fr_due_at <= ${now} THEN 1 ELSE 0 END, 0,
          CASE WHEN (answered OR fr_due_at <= ${now}) AND (resolved OR res_due_at <= ${now})
            THEN 1 ELSE 0 END,
          0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM metrics_day_pending t WHERE ${rolledWhere(r, false)}
        UNION ALL
        SELECT day, channel, category, owner_id, problem_id, 1, fr_met::int, fr_dec::int,
          (fr_met AND res_met)::int, (fr_dec AND res_dec)::int, accepted::int, has_verdict::int,
          is_repeat::int, kept, broken, cost, n_rest, accepted::int,
          CASE WHEN accepted THEN cost ELSE 0 END, CASE WHEN accepted THEN ltv ELSE 0 END
        FROM live),
      x AS (SELECT ${bucketOf(r)} AS b, ${groupOf(r)} AS g, * FROM rows)
    SELECT GROUPING(b, g) AS lvl, to_char(b, 'YYYY-MM-DD') AS b, g,
      coalesce(sum(volume), 0) AS "volume", coalesce(sum(fr_met), 0) AS "frMet", coalesce(sum(fr_decided), 0) AS "frDecided",
      coalesce(sum(sla_met), 0) AS "slaMet", coalesce(sum(sla_decided), 0) AS "slaDecided", coalesce(sum(accepted), 0) AS "accepted",
      coalesce(sum(verdicts), 0) AS "verdicts", coalesce(sum(repeat_cases), 0) AS "repeatCases",
      coalesce(sum(promises_kept), 0) AS "promisesKept", coalesce(sum(promises_broken), 0) AS "promisesBroken",
      coalesce(sum(restitution_cost), 0) AS "restitutionCost", coalesce(sum(restitutions), 0) AS "restitutions",
      coalesce(sum(recovered_cases), 0) AS "recoveredCases", coalesce(sum(recovered_cost), 0) AS "recoveredCost",
      coalesce(sum(recovered_lifetime_value), 0) AS "recoveredLifetimeValue"
    FROM x GROUP BY ${SETS}`,
  );
}

const KEY = (lvl: number, b: string | null, g: string | null) => `${lvl}|${b ?? ''}|${g ?? ''}`;

/**
 * The metrics_day_times rows covering the rolled days: whole weeks or months of a week or month
 * bucket from their span rows, the days around them from day rows.
 */
function timeRows(r: Rolled): SQL {
  const { fromDay, toDay } = r.split.rolled;
  const bucket = r.scope.period.bucket;
  const days = (a: string, b: string) =>
    sql`(t.span = 'day' AND t.day >= ${a}::date AND t.day < ${b}::date)`;
  if (bucket === 'day') return days(fromDay, toDay);
  let first = spanStart(fromDay, bucket);
  if (first < fromDay) first = spanEnd(first, bucket);
  const end = spanStart(toDay, bucket);
  if (end <= first) return days(fromDay, toDay);
  return sql`(${days(fromDay, first)} OR ${days(end, toDay)}
    OR (t.span = ${bucket} AND t.day >= ${first}::date AND t.day < ${end}::date))`;
}

/** Medians and 90th percentiles of the binned times (docs/metrics.md, "Rollups"). */
export async function rolledTimes(
  db: DbOrTx,
  r: Rolled,
  want: { fr: boolean; res: boolean },
): Promise<Cell[]> {
  const kinds = [...(want.fr ? ['fr'] : []), ...(want.res ? ['res'] : [])];
  if (kinds.length === 0) return [];
  const { now, period } = r.scope;
  const live = receivedFacts(liveRanges(r), period.timeZone, now, r.scope, byProblem(r));
  const rows = timeRows(r);
  const res = await db.execute<{
    b: string;
    g: string;
    kind: string;
    bins: number[];
    counts: number[];
  }>(
    sql`SELECT to_char(${bucketOf(r)}, 'YYYY-MM-DD') AS b, ${groupOf(r)} AS g, kind, bins, counts
      FROM metrics_day_times t WHERE ${rows} AND grain = ${r.grain}
        AND ${filterSql(r.scope, 't')} AND kind = ANY(${pgArray(kinds)}::text[])
      UNION ALL
      SELECT b, g, kind, array_agg(bin), array_agg(n) FROM (
        SELECT to_char(${bucketOf(r)}, 'YYYY-MM-DD') AS b, ${groupOf(r)} AS g, k.kind, k.bin, count(*)::int AS n
        FROM (${live}) l CROSS JOIN LATERAL (VALUES ('fr', l.fr_bin), ('res', l.res_bin)) k(kind, bin)
        WHERE k.bin IS NOT NULL AND k.kind = ANY(${pgArray(kinds)}::text[])
        GROUP BY 1, 2, 3, 4) y
      GROUP BY b, g, kind`,
  );
  const hists = new Map<string, { lvl: Level; b: string | null; g: string | null; h: Histogram }>();
  const add = (
    lvl: Level,
    b: string | null,
    g: string | null,
    kind: string,
    row: (typeof res.rows)[number],
  ) => {
    const key = `${KEY(lvl, b, g)}|${kind}`;
    let entry = hists.get(key);
    if (!entry) hists.set(key, (entry = { lvl, b, g, h: new Map() }));
    addToHistogram(entry.h, row.bins.map(Number), row.counts.map(Number));
  };
  for (const row of res.rows) {
    add(0, row.b, row.g, row.kind, row);
    add(1, row.b, null, row.kind, row);
    add(2, null, row.g, row.kind, row);
    add(3, null, null, row.kind, row);
  }
  const out = new Map<string, Cell>();
  for (const [key, { lvl, b, g, h }] of hists) {
    const kind = key.slice(key.lastIndexOf('|') + 1);
    const cellKey = KEY(lvl, b, g);
    const cell = out.get(cellKey) ?? { lvl, b, g };
    const median = percentileHours(h, 0.5);
    const p90 = percentileHours(h, 0.9);
    if (kind === 'fr')
      Object.assign(cell, { frMedianH: median.value, frP90H: p90.value, frN: median.n });
    else Object.assign(cell, { resMedianH: median.value, resP90H: p90.value, resN: median.n });
    out.set(cellKey, cell);
  }
  return [...out.values()];
}

/**
 * The metrics_day_pairs rows of the rolled days: a pair's earlier day is never after its day,
 * so only the end of the period needs whole days; the weeks or months before the one holding
 * the end come from their span rows.
 */
function pairRows(r: Rolled): SQL {
  const { fromDay, toDay } = r.split.rolled;
  const bucket = r.scope.period.bucket;
  const days = (a: string) =>
    sql`(t.span = 'day' AND t.day >= ${a}::date AND t.day < ${toDay}::date)`;
  if (bucket === 'day') return days(fromDay);
  const last = spanStart(toDay, bucket);
  if (last <= fromDay) return days(fromDay);
  return sql`(${days(last)} OR (t.span = ${bucket} AND t.day >= ${spanStart(fromDay, bucket)}::date
    AND t.day < ${last}::date))`;
}

/**
 * Per-customer counts are known per bucket (level 1), or for the whole period (level 3, whose
 * corrections are keyed ''); without a grouping the single group 'all' has the same counts.
 */
function perBucket(totals: Cell[], counts: (t: Cell, key: string) => Partial<Cell>): Cell[] {
  return totals
    .filter((t) => t.lvl === 1 || t.lvl === 3)
    .flatMap((t) => {
      const c = counts(t, t.lvl === 1 ? (t.b ?? '') : '');
      return [
        { ...c, lvl: t.lvl, b: t.b, g: null },
        { ...c, lvl: (t.lvl - 1) as Level, b: t.b, g: 'all' },
      ];
    });
}

/**
 * Sums of metrics_day_pairs per bucket and for the whole period, for the given kinds: the
 * pairs whose earlier day falls in the same bucket (or, for the total, in the period). Live
 * facts join as pairs of one. Only when the period starts at a local midnight (the earlier day
 * then says all); otherwise the per-case tables answer (below).
 */
async function pairSums(
  db: DbOrTx,
  r: Rolled,
  kinds: number[],
  live: SQL,
  liveCte: SQL,
): Promise<Map<string, Map<number, { n: number; ltv: number }>>> {
  const { fromDay } = r.split.rolled;
  const cs = sql`greatest(${fromDay}::date, b::date)`;
  const res = await db.execute<{ b: string | null; kind: number; n: string; ltv: string }>(
    sql`WITH ${liveCte}, rows AS (
        SELECT day, kind, other_day, n, lifetime_value FROM metrics_day_pairs t
        WHERE kind = ANY(${`{${kinds.join(',')}}`}::smallint[]) AND ${pairRows(r)}
          AND other_day >= ${fromDay}::date
        UNION ALL ${live}),
      x AS (SELECT ${bucketOf(r)} AS b, * FROM rows WHERE other_day >= ${fromDay}::date)
      SELECT to_char(b, 'YYYY-MM-DD') AS b, kind, sum(n) FILTER (WHERE other_day >= ${cs}) AS n,
        coalesce(sum(lifetime_value) FILTER (WHERE other_day >= ${cs}), 0) AS ltv
      FROM x GROUP BY b, kind
      UNION ALL
      SELECT NULL, kind, sum(n), coalesce(sum(lifetime_value), 0) FROM x GROUP BY kind`,
  );
  const out = new Map<string, Map<number, { n: number; ltv: number }>>();
  for (const row of res.rows) {
    const key = row.b ?? '';
    const m = out.get(key) ?? new Map<number, { n: number; ltv: number }>();
    m.set(Number(row.kind), { n: Number(row.n ?? 0), ltv: Number(row.ltv ?? 0) });
    out.set(key, m);
  }
  return out;
}

const dayOf = (col: string, tz: string) => sql`(${sql.raw(col)} AT TIME ZONE ${tz})::date`;

/**
 * Per-customer counts for the whole desk (no filter, no grouping). A customer is counted in a
 * cell by their first case there: every case counts, less those whose customer's previous case
 * falls in the same cell.
 */
export async function rolledCustomerCounts(
  db: DbOrTx,
  r: Rolled,
  totalsOf: Promise<Cell[]>,
): Promise<Cell[]> {
  if (!r.split.fromDayStart) return rolledCustomerCountsExact(db, r, await totalsOf);
  const tz = r.scope.period.timeZone;
  const [totals, sums] = await Promise.all([
    totalsOf,
    pairSums(
      db,
      r,
      [1, 2, 3],
      sql`SELECT day, 1, ${dayOf('prev_at', tz)}, 1, 0 FROM live
      UNION ALL SELECT day, 2, ${dayOf('prev2_at', tz)}, 1, 0 FROM live WHERE prev2_at IS NOT NULL
      UNION ALL SELECT day, 3, ${dayOf('prev_recovered_at', tz)}, 1, lifetime_value FROM live
        WHERE recovered AND prev_recovered_at IS NOT NULL`,
      sql`live AS (${customerFacts(liveRanges(r), tz)})`,
    ),
  ]);
  return perBucket(totals, (t, key) => {
    const m = sums.get(key);
    const n = (k: number) => m?.get(k)?.n ?? 0;
    return {
      customers: (t.volume ?? 0) - n(1),
      repeatCustomers: n(1) - n(2),
      recoveredCustomers: (t.recoveredCases ?? 0) - n(3),
      recoveredCost: t.recoveredCost ?? 0,
      recoveredLifetimeValue: (t.recoveredLifetimeValue ?? 0) - (m?.get(3)?.ltv ?? 0),
    };
  });
}

/** The same from the per-case facts, for a period that starts inside a day. */
async function rolledCustomerCountsExact(db: DbOrTx, r: Rolled, totals: Cell[]): Promise<Cell[]> {
  const { period } = r.scope;
  const { fromDay, toDay } = r.split.rolled;
  const cs = sql`greatest(${period.from}::timestamptz, (b::timestamp AT TIME ZONE ${period.timeZone}))`;
  const res = await db.execute<Record<string, string | null>>(
    sql`WITH rows AS (
        SELECT day, prev_at, prev2_at, recovered, prev_recovered_at, lifetime_value
        FROM metrics_day_customers WHERE prev_at >= ${period.from} AND day >= ${fromDay}::date AND day < ${toDay}::date
        UNION ALL
        SELECT day, prev_at, prev2_at, recovered, prev_recovered_at, lifetime_value
        FROM (${customerFacts(liveRanges(r), period.timeZone)}) f WHERE prev_at >= ${period.from}),
      x AS (SELECT ${bucketOf(r)} AS b, * FROM rows)
      SELECT to_char(b, 'YYYY-MM-DD') AS b,
        count(*) FILTER (WHERE prev_at >= ${cs}) AS dup,
        count(*) FILTER (WHERE prev_at >= ${cs} AND (prev2_at IS NULL OR prev2_at < ${cs})) AS second,
        count(*) FILTER (WHERE recovered AND prev_recovered_at >= ${cs}) AS dup_recovered,
        coalesce(sum(lifetime_value) FILTER (WHERE recovered AND prev_recovered_at >= ${cs}), 0) AS dup_ltv
      FROM x GROUP BY b
      UNION ALL
      SELECT NULL, count(*), count(*) FILTER (WHERE prev2_at IS NULL OR prev2_at < ${period.from}),
        count(*) FILTER (WHERE recovered AND prev_recovered_at >= ${period.from}),
        coalesce(sum(lifetime_value) FILTER (WHERE recovered AND prev_recovered_at >= ${period.from}), 0)
      FROM rows`,
  );
  const dups = new Map(res.rows.map((row) => [row.b ?? '', row]));
  return perBucket(totals, (t, key) => {
    const d = dups.get(key);
    const n = (k: string) => Number(d?.[k] ?? 0);
    return {
      customers: (t.volume ?? 0) - n('dup'),
      repeatCustomers: n('second'),
      recoveredCustomers: (t.recoveredCases ?? 0) - n('dup_recovered'),
      recoveredCost: t.recoveredCost ?? 0,
      recoveredLifetimeValue: (t.recoveredLifetimeValue ?? 0) - n('dup_ltv'),
    };
  });
}

/** Debriefs and recovered closures of the closed cohort, per cell. */
export function rolledClosedCounts(db: DbOrTx, r: Rolled): Promise<Cell[]> {
  const { now, period } = r.scope;
  return cells(
    db,
    sql`WITH live AS (${closedFacts(liveRanges(r), period.timeZone, now, r.scope, byProblem(r))}),
      rows AS (
        SELECT day, channel, category, owner_id, problem_id, recovered_closed, recovered_active_again,
          debriefs_due, debriefs_completed
        FROM metrics_day_closed t WHERE ${rolledWhere(r)}
        UNION ALL
        SELECT day, channel, category, owner_id, problem_id, 0, 0, 0, 1
        FROM metrics_day_closed_pending t WHERE ${rolledWhere(r, false)} AND completed_at <= ${now}
        UNION ALL
        SELECT day, channel, category, owner_id, problem_id, recovered::int, active_again::int,
          due, done
        FROM live),
      x AS (SELECT ${bucketOf(r)} AS b, ${groupOf(r)} AS g, * FROM rows)
    SELECT GROUPING(b, g) AS lvl, to_char(b, 'YYYY-MM-DD') AS b, g,
      coalesce(sum(recovered_closed), 0) AS "recoveredClosed", coalesce(sum(recovered_active_again), 0) AS "recoveredActiveAgain",
      coalesce(sum(debriefs_due), 0) AS "debriefsDue", coalesce(sum(debriefs_completed), 0) AS "debriefsCompleted"
    FROM x GROUP BY ${SETS}`,
  );
}

/**
 * Retention after recovery for the whole desk: recovered closures (and those active again),
 * each customer once per cell through the previous recovered closure of the same customer.
 */
export async function rolledRetention(
  db: DbOrTx,
  r: Rolled,
  closedOf: Promise<Cell[]>,
): Promise<Cell[]> {
  if (!r.split.fromDayStart) return rolledRetentionExact(db, r, await closedOf);
  const tz = r.scope.period.timeZone;
  const [closed, sums] = await Promise.all([
    closedOf,
    pairSums(
      db,
      r,
      [4, 5],
      sql`SELECT day, 4, ${dayOf('prev_at', tz)}, 1, 0 FROM live
      UNION ALL SELECT day, 5, ${dayOf('prev_active_again_at', tz)}, 1, 0 FROM live
        WHERE active_again AND prev_active_again_at IS NOT NULL`,
      sql`live AS (${retentionFacts(liveRanges(r), tz)})`,
    ),
  ]);
  return perBucket(closed, (t, key) => {
    const m = sums.get(key);
    return {
      recoveredClosed: (t.recoveredClosed ?? 0) - (m?.get(4)?.n ?? 0),
      recoveredActiveAgain: (t.recoveredActiveAgain ?? 0) - (m?.get(5)?.n ?? 0),
    };
  });
}

/** The same from the per-case facts, for a period that starts inside a day. */
async function rolledRetentionExact(db: DbOrTx, r: Rolled, closed: Cell[]): Promise<Cell[]> {
  const { period } = r.scope;
  const { fromDay, toDay } = r.split.rolled;
  const cs = sql`greatest(${period.from}::timestamptz, (b::timestamp AT TIME ZONE ${period.timeZone}))`;
  const res = await db.execute<Record<string, string | null>>(
    sql`WITH rows AS (
        SELECT day, prev_at, active_again, prev_active_again_at FROM metrics_day_retention
        WHERE prev_at >= ${period.from} AND day >= ${fromDay}::date AND day < ${toDay}::date
        UNION ALL
        SELECT day, prev_at, active_again, prev_active_again_at
        FROM (${retentionFacts(liveRanges(r), period.timeZone)}) f WHERE prev_at >= ${period.from}),
      x AS (SELECT ${bucketOf(r)} AS b, * FROM rows)
      SELECT to_char(b, 'YYYY-MM-DD') AS b,
        count(*) FILTER (WHERE prev_at >= ${cs}) AS dup,
        count(*) FILTER (WHERE active_again AND prev_active_again_at >= ${cs}) AS dup_active
      FROM x GROUP BY b
      UNION ALL
      SELECT NULL, count(*), count(*) FILTER (WHERE active_again AND prev_active_again_at >= ${period.from})
      FROM rows`,
  );
  const dups = new Map(res.rows.map((row) => [row.b ?? '', row]));
  return perBucket(closed, (t, key) => {
    const d = dups.get(key);
    return {
      recoveredClosed: (t.recoveredClosed ?? 0) - Number(d?.dup ?? 0),
      recoveredActiveAgain: (t.recoveredActiveAgain ?? 0) - Number(d?.dup_active ?? 0),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Retention of the customers who never complained: counted once per period start, then kept
// current by adding, for the customers with a case opened or activity since, their count now
// less their count then.

const DAYS = sql`make_interval(days => ${RETENTION_DAYS})`;

function activeIn(customer: SQL, from: SQL, to: SQL, upToActivity?: number): SQL {
  const seen = upToActivity === undefined ? sql`` : sql`AND act.id <= ${upToActivity}`;
  return sql`EXISTS (SELECT 1 FROM customer_activity act WHERE act.customer_id = ${customer}
    AND act.at >= ${from} AND act.at < ${to} ${seen})`;
}

export interface QuietCount {
  base: number;
  active: number;
}

export async function loadQuietCount(
  db: DbOrTx,
  start: Date,
  now: Date,
): Promise<QuietCount | null> {
  const res = await db.execute<{
    base: number;
    active: number;
    em: string;
    am: string;
    stale_use: boolean;
  }>(
    sql`SELECT base, active, event_mark AS em, activity_mark AS am,
        used_at < ${now}::timestamptz - interval '1 hour' AS stale_use
      FROM metrics_quiet_cache WHERE start = ${start}`,
  );
  const row = res.rows[0];
  if (!row) return null;
  // Marked as in use at most once an hour, so concurrent reads rarely write.
  if (row.stale_use)
    await db.execute(sql`UPDATE metrics_quiet_cache SET used_at = ${now} WHERE start = ${start}`);
  const em = Number(row.em);
  const am = Number(row.am);
  const s = sql`${start}::timestamptz`;
  const x = sql`x.customer_id`;
  const quietNow = sql`NOT EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = ${x})`;
  // A case counts as there at the mark unless its opening event came after it.
  const quietThen = sql`NOT EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = ${x}
    AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = k.id AND e.type = 'case_opened'
      AND e.id > ${em}))`;
  const delta = await db.execute<{ base: string | null; active: string | null }>(
    sql`WITH x AS (
        SELECT customer_id FROM customer_activity WHERE id > ${am}
        UNION SELECT k.customer_id FROM case_events e JOIN cases k ON k.id = e.case_id
          WHERE e.id > ${em} AND e.type = 'case_opened'),
      f AS (SELECT ${quietNow} AS qn, ${quietThen} AS qt,
          ${activeIn(x, sql`${s} - ${DAYS}`, s)} AS bn,
          ${activeIn(x, s, sql`${s} + ${DAYS}`)} AS an,
          ${activeIn(x, sql`${s} - ${DAYS}`, s, am)} AS bt,
          ${activeIn(x, s, sql`${s} + ${DAYS}`, am)} AS at
        FROM x)
      SELECT sum((qn AND bn)::int - (qt AND bt)::int) AS base,
        sum((qn AND bn AND an)::int - (qt AND bt AND at)::int) AS active
      FROM f`,
  );
  return {
    base: row.base + Number(delta.rows[0]?.base ?? 0),
    active: row.active + Number(delta.rows[0]?.active ?? 0),
  };
}

/** Counts from scratch (in one snapshot with the marks) and keeps the count for `start`. */
export async function countQuiet(
  database: Database,
  start: Date,
  now: Date,
  count: (tx: DbOrTx) => Promise<QuietCount>,
): Promise<QuietCount> {
  return database.db.transaction(
    async (tx) => {
      const marks = await currentMarks(tx);
      const c = await count(tx);
      await tx.execute(
        sql`INSERT INTO metrics_quiet_cache (start, base, active, event_mark, activity_mark,
            computed_at, used_at)
          VALUES (${start}, ${c.base}, ${c.active}, ${marks.event}, ${marks.activity}, ${now}, ${now})
          ON CONFLICT (start) DO UPDATE SET base = excluded.base, active = excluded.active,
            event_mark = excluded.event_mark, activity_mark = excluded.activity_mark,
            computed_at = excluded.computed_at`,
      );
      return c;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** Period starts in use whose count is older than `staleBefore`; unused ones are dropped. */
export async function quietStartsToRecount(
  db: DbOrTx,
  staleBefore: Date,
  unusedBefore: Date,
): Promise<Date[]> {
  await db.execute(sql`DELETE FROM metrics_quiet_cache WHERE used_at < ${unusedBefore}`);
  const res = await db.execute<{ start: string | Date }>(
    sql`SELECT start FROM metrics_quiet_cache WHERE computed_at < ${staleBefore} ORDER BY start`,
  );
  return res.rows.map((r) => new Date(r.start));
}
