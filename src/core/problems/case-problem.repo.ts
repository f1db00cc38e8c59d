// Links between cases and problems, the repeat check (R22) and the matching query.
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseProblems, cases, problems } from '../../db/schema.ts';

export type LinkRow = Omit<typeof caseProblems.$inferSelect, 'search'>;

const linkColumns = {
  caseId: caseProblems.caseId,
  problemId: caseProblems.problemId,
  linkedBy: caseProblems.linkedBy,
  linkedAt: caseProblems.linkedAt,
  isRepeatForCustomer: caseProblems.isRepeatForCustomer,
};

// The words a case is matched on: its subject and the customer's account.
const caseText = sql`coalesce(${cases.subject}, '') || ' ' || ${cases.account}`;

export async function findLink(
  tx: DbOrTx,
  caseId: string,
  problemId: string,
): Promise<LinkRow | null> {
  const [row] = await tx
    .select(linkColumns)
    .from(caseProblems)
    .where(and(eq(caseProblems.caseId, caseId), eq(caseProblems.problemId, problemId)));
  return row ?? null;
}

/** Stores the link with the case's words as a tsvector, so matching never re-parses them. */
export async function insertLink(
  tx: DbOrTx,
  row: Omit<typeof caseProblems.$inferInsert, 'search'>,
): Promise<LinkRow> {
  const search = sql`(SELECT to_tsvector('english', ${caseText}) FROM ${cases} WHERE ${cases.id} = ${row.caseId})`;
  const [created] = await tx
    .insert(caseProblems)
    .values({ ...row, search })
    .returning(linkColumns);
  if (!created) throw new Error('insert into case_problems returned no row');
  return created;
}

/**
 * Serialises links of one customer to one problem, so two of their cases linked at the same
 * moment cannot both miss each other in the repeat check.
 */
export async function lockCustomerProblem(
  tx: DbOrTx,
  customerId: string,
  problemId: string,
): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${customerId} || ':' || ${problemId}))`,
  );
}

/** The customer's other cases already linked to the problem (R22). */
export async function earlierCasesOfCustomer(
  tx: DbOrTx,
  customerId: string,
  problemId: string,
  exceptCaseId: string,
) {
  return tx
    .select({ id: cases.id, reference: cases.reference, receivedAt: cases.receivedAt })
    .from(caseProblems)
    .innerJoin(cases, eq(cases.id, caseProblems.caseId))
    .where(
      and(
        eq(caseProblems.problemId, problemId),
        eq(cases.customerId, customerId),
        ne(cases.id, exceptCaseId),
      ),
    )
    .orderBy(asc(cases.receivedAt));
}

export async function linkedProblemsOf(tx: DbOrTx, caseId: string) {
  return tx
    .select({
      ...linkColumns,
      title: problems.title,
      status: problems.status,
      category: problems.category,
      workaround: problems.workaround,
    })
    .from(caseProblems)
    .innerJoin(problems, eq(problems.id, caseProblems.problemId))
    .where(eq(caseProblems.caseId, caseId))
    .orderBy(asc(caseProblems.linkedAt));
}

/** When each linked case came in: the raw material of the recurrence measure. */
export async function linkedCaseTimes(tx: DbOrTx, problemId: string): Promise<Date[]> {
  const rows = await tx
    .select({ at: cases.receivedAt })
    .from(caseProblems)
    .innerJoin(cases, eq(cases.id, caseProblems.caseId))
    .where(eq(caseProblems.problemId, problemId));
  return rows.map((r) => r.at);
}

export async function linkCounts(tx: DbOrTx, problemIds: string[]): Promise<Map<string, number>> {
  if (problemIds.length === 0) return new Map();
  const rows = await tx
    .select({ problemId: caseProblems.problemId, n: count() })
    .from(caseProblems)
    .where(inArray(caseProblems.problemId, problemIds))
    .groupBy(caseProblems.problemId);
  return new Map(rows.map((r) => [r.problemId, r.n]));
}
