// The metrics in SQL. Every query returns count cells at four levels (GROUPING(b, g)):
// 0 = bucket × group, 1 = bucket, 2 = group, 3 = the whole period. Definitions: docs/metrics.md.
import { sql, type SQL } from 'drizzle-orm';
import type { Channel } from '../../contracts/enums.ts';
import type { GroupBy } from '../../contracts/metrics.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Counts } from './definitions.ts';
import { frDecided, frMet, resDecided, resMet } from './outcomes.ts';
import type { Period } from './period.rules.ts';

export interface Scope {
  period: Period;
  now: Date;
  channel?: Channel | undefined;
  category?: string | undefined;
  problemId?: string | undefined;
  ownerId?: string | undefined;
  groupBy: GroupBy;
}

export type Level = 0 | 1 | 2 | 3;
export type Cell = { lvl: Level; b: string | null; g: string | null } & Partial<Counts>;

/** Days after a closure (or before and after a bucket start) that count as "active again". */
export const RETENTION_DAYS = 90;

const isProblemScoped = (s: Scope) => s.groupBy === 'problem' || s.problemId !== undefined;

function groupExpr(s: Scope): SQL {
  switch (s.groupBy) {
    case 'none':
      return sql`'all'`;
    case 'channel':
      return sql`c.channel`;
    case 'category':
      return sql`coalesce(c.category, '(none)')`;
    case 'problem':
      return sql`cp.problem_id::text`;
    case 'owner':
      return sql`coalesce(c.owner_id::text, '(none)')`;
  }
}

/** The cases in scope, each with its bucket `b` and group `g`, bucketed by `dateCol`. */
function base(s: Scope, dateCol: 'received_at' | 'closed_at', extra: SQL = sql``): SQL {
  const { period: p } = s;
  const where: SQL[] = [
    sql`c.${sql.raw(dateCol)} >= ${p.from} AND c.${sql.raw(dateCol)} < ${p.to}`,
  ];
  if (s.channel) where.push(sql`c.channel = ${s.channel}`);
  if (s.category) where.push(sql`c.category = ${s.category}`);
  if (s.ownerId) where.push(sql`c.owner_id = ${s.ownerId}`);
  if (s.problemId) where.push(sql`cp.problem_id = ${s.problemId}`);
  const join = isProblemScoped(s) ? sql`JOIN case_problems cp ON cp.case_id = c.id` : sql``;
  return sql`SELECT c.*,
      date_trunc(${p.bucket}, c.${sql.raw(dateCol)} AT TIME ZONE ${p.timeZone}) AS b,
      ${groupExpr(s)} AS g ${extra}
    FROM cases c ${join}
    WHERE ${sql.join(where, sql` AND `)}`;
}

const SETS = sql`GROUPING SETS ((b, g), (b), (g), ())`;
/** Buckets are grouped as timestamps and labelled after grouping: to_char per row is costly. */
const day = sql`to_char(b, 'YYYY-MM-DD')`;

async function cells(db: DbOrTx, query: SQL): Promise<Cell[]> {
  const res = await db.execute<Record<string, unknown>>(query);
  return res.rows.map((r) => {
    const cell: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      cell[k] = k === 'b' || k === 'g' ? v : v === null ? null : Number(v);
    }
    return cell as Cell;
  });
}

export interface CaseParts {
  clocks: boolean;
  firstResponseTimes: boolean;
  resolutionTimes: boolean;
  verdicts: boolean;
  repeats: boolean;
}

/**
 * Volume, clocks, durations, verdicts and repeats: one pass over the received cohort. Only the
 * parts asked for are computed; percentiles and the per-case repeat lookup are the costly ones.
 */
export function caseCounts(db: DbOrTx, s: Scope, want: CaseParts): Promise<Cell[]> {
  const cols: SQL[] = [sql`b`, sql`g`];
  const aggs: SQL[] = [sql`count(*) AS "volume"`];
  let extra = sql``;
  if (want.clocks) {
    cols.push(
      sql`${frMet} AS fr_met`,
      sql`${frDecided(s.now)} AS fr_decided`,
      sql`${resMet} AS res_met`,
      sql`${resDecided(s.now)} AS res_decided`,
    );
    aggs.push(
      sql`count(*) FILTER (WHERE fr_met) AS "frMet"`,
      sql`count(*) FILTER (WHERE fr_decided) AS "frDecided"`,
      sql`count(*) FILTER (WHERE fr_met AND res_met) AS "slaMet"`,
      sql`count(*) FILTER (WHERE fr_decided AND res_decided) AS "slaDecided"`,
    );
  }
  if (want.firstResponseTimes) {
    cols.push(sql`extract(epoch FROM first_response_at - received_at) / 3600 AS fr_h`);
    aggs.push(
      sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY fr_h) AS "frMedianH"`,
      sql`percentile_cont(0.9) WITHIN GROUP (ORDER BY fr_h) AS "frP90H"`,
      sql`count(fr_h) AS "frN"`,
    );
  }
  if (want.resolutionTimes) {
    cols.push(
      sql`extract(epoch FROM coalesce(resolved_at, closed_at) - received_at) / 3600 AS res_h`,
    );
    aggs.push(
      sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY res_h) AS "resMedianH"`,
      sql`percentile_cont(0.9) WITHIN GROUP (ORDER BY res_h) AS "resP90H"`,
      sql`count(res_h) AS "resN"`,
    );
  }
  if (want.verdicts) {
    cols.push(sql`verdict`);
    aggs.push(
      sql`count(*) FILTER (WHERE verdict IN ('meets', 'exceeds')) AS "accepted"`,
      sql`count(verdict) AS "verdicts"`,
    );
  }
  if (want.repeats) {
    extra = isProblemScoped(s)
      ? sql`, cp.is_repeat_for_customer AS is_repeat`
      : sql`, EXISTS (SELECT 1 FROM cases e WHERE e.customer_id = c.customer_id AND e.received_at < c.received_at) AS is_repeat`;
    cols.push(sql`is_repeat`);
    aggs.push(sql`count(*) FILTER (WHERE is_repeat) AS "repeatCases"`);
  }
  return cells(
    db,
    sql`WITH x AS (SELECT ${sql.join(cols, sql`, `)} FROM (${base(s, 'received_at', extra)}) c)
    SELECT GROUPING(b, g) AS lvl, ${day} AS b, g, ${sql.join(aggs, sql`, `)}
    FROM x GROUP BY ${SETS}`,
  );
}

/** Promises kept and broken on the cases received in the period. */
export function promiseCounts(db: DbOrTx, s: Scope): Promise<Cell[]> {
  return cells(
    db,
    sql`SELECT GROUPING(b, g) AS lvl, ${day} AS b, g,
      count(*) FILTER (WHERE p.status = 'kept') AS "promisesKept",
      count(*) FILTER (WHERE p.status = 'broken') AS "promisesBroken"
    FROM (${base(s, 'received_at')}) c JOIN promises p ON p.case_id = c.id
    GROUP BY ${SETS}`,
  );
}

/** Restitution granted on the cases received in the period. */
export function restitutionCounts(db: DbOrTx, s: Scope): Promise<Cell[]> {
  return cells(
    db,
    sql`SELECT GROUPING(b, g) AS lvl, ${day} AS b, g,
      coalesce(sum(r.amount), 0) AS "restitutionCost",
      count(*) AS "restitutions"
    FROM (${base(s, 'received_at')}) c JOIN restitutions r ON r.case_id = c.id AND r.status = 'granted'
    GROUP BY ${SETS}`,
  );
}

/** Per customer first (two or more cases; recovered; their cost and lifetime value), then per cell. */
export function customerCounts(db: DbOrTx, s: Scope): Promise<Cell[]> {
  const cost = sql`, (SELECT coalesce(sum(r.amount), 0) FROM restitutions r
      WHERE r.case_id = c.id AND r.status = 'granted') AS cost`;
  return cells(
    db,
    sql`WITH per_customer AS (
      SELECT GROUPING(b, g) AS lvl, b, g, customer_id, count(*) AS n,
        bool_or(verdict IN ('meets', 'exceeds')) AS recovered,
        coalesce(sum(cost) FILTER (WHERE verdict IN ('meets', 'exceeds')), 0) AS recovered_cost
      FROM (${base(s, 'received_at', cost)}) c
      GROUP BY GROUPING SETS ((b, g, customer_id), (b, customer_id), (g, customer_id), (customer_id)))
    SELECT pc.lvl, to_char(pc.b, 'YYYY-MM-DD') AS b, pc.g,
      count(*) AS "customers",
      count(*) FILTER (WHERE pc.n > 1) AS "repeatCustomers",
      count(*) FILTER (WHERE pc.recovered) AS "recoveredCustomers",
      coalesce(sum(pc.recovered_cost), 0) AS "recoveredCost",
      coalesce(sum(cu.lifetime_value) FILTER (WHERE pc.recovered), 0) AS "recoveredLifetimeValue"
    FROM per_customer pc JOIN customers cu ON cu.id = pc.customer_id
    GROUP BY pc.lvl, pc.b, pc.g`,
  );
}

/** Recovered customers whose case closed in the period, and those active again afterwards. */
export function retentionCounts(db: DbOrTx, s: Scope): Promise<Cell[]> {
  const again = sql`, EXISTS (SELECT 1 FROM customer_activity a WHERE a.customer_id = c.customer_id
      AND a.at > c.closed_at AND a.at <= c.closed_at + make_interval(days => ${RETENTION_DAYS})) AS active_again`;
  return cells(
    db,
    sql`WITH per_customer AS (
      SELECT GROUPING(b, g) AS lvl, b, g, customer_id, bool_or(active_again) AS active_again
      FROM (${base(s, 'closed_at', again)}) c
      WHERE c.verdict IN ('meets', 'exceeds')
      GROUP BY GROUPING SETS ((b, g, customer_id), (b, customer_id), (g, customer_id), (customer_id)))
    SELECT lvl, to_char(b, 'YYYY-MM-DD') AS b, g,
      count(*) AS "recoveredClosed",
      count(*) FILTER (WHERE active_again) AS "recoveredActiveAgain"
    FROM per_customer GROUP BY lvl, b, g`,
  );
}

/**
 * Debriefs due for the cases closed in the period (one per person involved, assigned at
 * closure), and how many of them are completed by `now`. Counted per debrief, never per person.
 */
export function debriefCounts(db: DbOrTx, s: Scope): Promise<Cell[]> {
  return cells(
    db,
    sql`SELECT GROUPING(b, g) AS lvl, ${day} AS b, g,
      count(*) AS "debriefsDue",
      count(*) FILTER (WHERE d.completed_at <= ${s.now}) AS "debriefsCompleted"
    FROM (${base(s, 'closed_at')}) c JOIN debriefs d ON d.case_id = c.id
    GROUP BY ${SETS}`,
  );
}

/**
 * The comparison group: customers with no case at all, active in the RETENTION_DAYS before a
 * bucket starts; how many are active in the RETENTION_DAYS from its start. Not split by group
 * (a customer who never complained has no channel, category, owner or problem).
 */
export async function neverComplainedCounts(
  db: DbOrTx,
  starts: Array<{ b: string | null; at: Date }>,
): Promise<Cell[]> {
  if (starts.length === 0) return [];
  const values = sql.join(
    starts.map((x) => sql`(${x.b}::text, ${x.at}::timestamptz)`),
    sql`, `,
  );
  const rows = await cells(
    db,
    sql`WITH starts(b, s) AS (VALUES ${values}),
      quiet AS (SELECT cu.id FROM customers cu
        WHERE NOT EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = cu.id))
    SELECT st.b::text AS b,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM customer_activity a WHERE a.customer_id = q.id
        AND a.at >= st.s - make_interval(days => ${RETENTION_DAYS}) AND a.at < st.s)) AS "neverComplainedBase",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM customer_activity a WHERE a.customer_id = q.id
          AND a.at >= st.s - make_interval(days => ${RETENTION_DAYS}) AND a.at < st.s)
        AND EXISTS (SELECT 1 FROM customer_activity a WHERE a.customer_id = q.id
          AND a.at >= st.s AND a.at < st.s + make_interval(days => ${RETENTION_DAYS}))) AS "neverComplainedActive"
    FROM starts st CROSS JOIN quiet q GROUP BY st.b`,
  );
  return rows.map((r) => ({ ...r, lvl: r.b === null ? 3 : 1, g: null }));
}

/** Problems with a shipped corrective action (optionally one problem), with their titles. */
export async function shippedProblems(db: DbOrTx, problemId?: string) {
  const res = await db.execute<{ id: string; title: string }>(
    sql`SELECT p.id, p.title FROM problems p
      WHERE EXISTS (SELECT 1 FROM corrective_actions a WHERE a.problem_id = p.id AND a.status = 'shipped')
      ${problemId ? sql`AND p.id = ${problemId}` : sql``}
      ORDER BY p.title`,
  );
  return res.rows;
}

/** Display names for owner and problem groups. */
export async function groupLabels(
  db: DbOrTx,
  groupBy: GroupBy,
  keys: string[],
): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (ids.length === 0 || (groupBy !== 'owner' && groupBy !== 'problem')) return new Map();
  const table = groupBy === 'owner' ? sql`users` : sql`problems`;
  const label = groupBy === 'owner' ? sql`name` : sql`title`;
  const res = await db.execute<{ id: string; label: string }>(
    sql`SELECT id::text, ${label} AS label FROM ${table} WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(res.rows.map((r) => [r.id, r.label]));
}
