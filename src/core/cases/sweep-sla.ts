// The SLA sweep: once a minute (a recurring job, src/jobs/schedules.ts) find every running clock
// whose due-soon or breach moment has passed without its alert, and check it (check-sla.ts).
// One sweep replaces two queued jobs per case: intake writes no SLA jobs at all, and a pause,
// a resume or a reopen only moves the due time stored on the case. The query reads a partial
// index of open cases by their earliest running due time (`cases_sla_open`), so its cost
// follows the cases that are due, not the size of the history.
import { sql, type SQL } from 'drizzle-orm';
import { casePauses, cases, effects } from '../../db/schema.ts';
import type { Ctx } from '../shared/context.ts';
import { currentSettings } from '../settings/settings.repo.ts';
import { checkSla, type SlaCheckOutcome, type SlaStage } from './check-sla.ts';
import type { ClockName } from './sla-schedule.ts';

/** Checks per query; the sweep queries again while a round was full and changed something. */
const ROUND = 200;
/** Rounds per sweep at most: a huge backlog is finished by the next minute's sweep. */
const MAX_ROUNDS = 50;

/**
 * The earliest due time among a case's running clocks — the expression `cases_sla_open`
 * indexes (src/db/schema.ts); the query must spell it the same way for the index to serve.
 */
export const earliestRunningDue = sql`least(
  case when ${cases.firstResponseAt} is null then ${cases.firstResponseDueAt} end,
  case when ${cases.resolvedAt} is null then ${cases.resolutionDueAt} end)`;

/** `slaEffectKey` (check-sla.ts) in SQL: the alert already given for this stage and due time. */
const effectKeySql = sql`'sla:' || k.stage || ':' || k.clock || ':' || ${cases.id} || '@' ||
  to_char(k.due at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface DueCheck {
  caseId: string;
  clock: ClockName;
  stage: SlaStage;
}

/** The checks due at `now`, at most one round of them (exported for the plan test). */
export function dueChecksQuery(now: Date, dueSoonMinutes: number): SQL {
  const soon = new Date(now.getTime() + dueSoonMinutes * 60_000);
  return sql`
    SELECT ${cases.id} AS case_id, k.clock, k.stage
    FROM ${cases}
    CROSS JOIN LATERAL (VALUES
      ('first_response', 'due_soon', ${cases.firstResponseDueAt}, ${cases.firstResponseAt}, 0),
      ('first_response', 'breach', ${cases.firstResponseDueAt}, ${cases.firstResponseAt}, 1),
      ('resolution', 'due_soon', ${cases.resolutionDueAt}, ${cases.resolvedAt}, 0),
      ('resolution', 'breach', ${cases.resolutionDueAt}, ${cases.resolvedAt}, 1)
    ) AS k(clock, stage, due, stopped_at, late)
    WHERE ${cases.closedAt} IS NULL
      AND ${earliestRunningDue} <= ${soon.toISOString()}::timestamptz
      AND k.stopped_at IS NULL AND k.due IS NOT NULL
      AND k.due - (CASE WHEN k.late = 0 THEN ${dueSoonMinutes} ELSE 0 END) * interval '1 minute'
        <= ${now.toISOString()}::timestamptz
      AND NOT EXISTS (
        SELECT 1 FROM ${casePauses} p
        WHERE p.case_id = ${cases.id} AND p.resumed_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM ${effects} e WHERE e.key = ${effectKeySql})
    ORDER BY k.due, k.late
    LIMIT ${ROUND}`;
}

async function dueChecks(ctx: Ctx, now: Date, dueSoonMinutes: number): Promise<DueCheck[]> {
  const res = await ctx.database.db.execute<{ case_id: string; clock: ClockName; stage: SlaStage }>(
    dueChecksQuery(now, dueSoonMinutes),
  );
  return res.rows.map((r) => ({ caseId: r.case_id, clock: r.clock, stage: r.stage }));
}

export type SweepCounts = Record<SlaCheckOutcome, number>;

/** Runs every check that is due now; returns how each ended. Safe to run on several instances. */
export async function sweepSla(ctx: Ctx): Promise<SweepCounts> {
  const counts: SweepCounts = { fired: 0, rescheduled: 0, not_needed: 0, duplicate: 0 };
  const { dueSoonMinutes } = await currentSettings(ctx.database);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const checks = await dueChecks(ctx, ctx.now(), dueSoonMinutes);
    let changed = 0;
    for (const check of checks) {
      const outcome = await checkSla(ctx, check);
      counts[outcome]++;
      if (outcome === 'fired' || outcome === 'rescheduled') changed++;
    }
    // A short round was the last; a full one that changed nothing would only repeat itself.
    if (checks.length < ROUND || changed === 0) break;
  }
  return counts;
}
