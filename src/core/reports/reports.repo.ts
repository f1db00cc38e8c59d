import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseEvents, cases, promises } from '../../db/schema.ts';

/** Suggested and agent-confirmed feelings of every case an agent has confirmed. */
export async function confirmedFeelings(db: DbOrTx) {
  return db
    .select({ suggested: cases.suggestedFeelings, confirmed: cases.confirmedFeelings })
    .from(cases)
    .where(isNotNull(cases.confirmedFeelings));
}

/** Promises by outcome, for the promise-kept rate (R11). */
export async function promiseOutcomes(db: DbOrTx) {
  const res = await db.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM ${promises} GROUP BY status`,
  );
  return res.rows;
}

/** Intake's reading and the classification staff settled on, for every case staff classified. */
export async function classifiedCases(db: DbOrTx) {
  return db
    .select({
      analysis: cases.analysis,
      category: cases.category,
      complainerType: cases.complainerType,
    })
    .from(cases)
    .where(
      sql`EXISTS (SELECT 1 FROM ${caseEvents} e WHERE e.case_id = ${cases.id} AND e.type = 'classified')`,
    );
}

/** Promises that broke in [from, to), with their case, newest first. */
export async function promisesBrokenBetween(db: DbOrTx, from: Date, to: Date) {
  return db
    .select({
      id: promises.id,
      what: promises.what,
      toWhom: promises.toWhom,
      ownerId: promises.ownerId,
      dueAt: promises.dueAt,
      brokenAt: promises.outcomeAt,
      caseId: cases.id,
      reference: cases.reference,
    })
    .from(promises)
    .innerJoin(cases, eq(cases.id, promises.caseId))
    .where(
      and(eq(promises.status, 'broken'), gte(promises.outcomeAt, from), lt(promises.outcomeAt, to)),
    )
    .orderBy(desc(promises.outcomeAt))
    .limit(200);
}
