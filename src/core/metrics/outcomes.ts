// The case-level conditions behind each metric, in SQL over a `cases` row whose columns are in
// scope unqualified. The metrics count them; the inbox drill-down (GET /cases?outcome=) lists
// them, so a chart and the cases it opens always agree.
import { sql, type SQL } from 'drizzle-orm';
import type { CaseOutcome } from '../../contracts/metrics.ts';

const answered = sql`first_response_at IS NOT NULL`;
const resolvedAt = sql`coalesce(resolved_at, closed_at)`;

export const frMet = sql`(${answered} AND (first_response_due_at IS NULL OR first_response_at <= first_response_due_at))`;
export const frDecided = (now: Date) => sql`(${answered} OR first_response_due_at <= ${now})`;
export const resMet = sql`(${resolvedAt} IS NOT NULL AND (resolution_due_at IS NULL OR ${resolvedAt} <= resolution_due_at))`;
export const resDecided = (now: Date) =>
  sql`(${resolvedAt} IS NOT NULL OR resolution_due_at <= ${now})`;
export const isAccepted = sql`(verdict IN ('meets', 'exceeds'))`;

/** `caseId` is the case's id column as the calling query names it. */
export function outcomeSql(outcome: CaseOutcome, now: Date, caseId: SQL): SQL {
  switch (outcome) {
    case 'first_response_missed':
      return sql`(${frDecided(now)} AND NOT coalesce(${frMet}, false))`;
    case 'sla_missed':
      return sql`(${frDecided(now)} AND ${resDecided(now)} AND NOT coalesce(${frMet} AND ${resMet}, false))`;
    case 'accepted':
      return isAccepted;
    case 'falls_short':
      return sql`(verdict = 'falls_short')`;
    case 'promise_broken':
      return sql`EXISTS (SELECT 1 FROM promises p WHERE p.case_id = ${caseId} AND p.status = 'broken')`;
    case 'restitution_given':
      return sql`EXISTS (SELECT 1 FROM restitutions r WHERE r.case_id = ${caseId} AND r.status = 'granted')`;
  }
}
