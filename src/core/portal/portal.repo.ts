// The portal's own storage: the shared signing secret and the follow-up surveys.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseEvents, serverSecrets, surveys } from '../../db/schema.ts';

export type SurveyRow = typeof surveys.$inferSelect;

/** Stores `candidate` unless another instance got there first; answers the stored secret. */
export async function claimSecret(tx: DbOrTx, name: string, candidate: string): Promise<string> {
  await tx.insert(serverSecrets).values({ name, secret: candidate }).onConflictDoNothing();
  const [row] = await tx.select().from(serverSecrets).where(eq(serverSecrets.name, name));
  if (!row) throw new Error(`server secret ${name} was not stored`);
  return row.secret;
}

/** False when the case already has a survey (one per case). */
export async function insertSurvey(tx: DbOrTx, row: typeof surveys.$inferInsert): Promise<boolean> {
  const created = await tx
    .insert(surveys)
    .values(row)
    .onConflictDoNothing({ target: surveys.caseId })
    .returning({ id: surveys.id });
  return created.length > 0;
}

export async function findSurvey(tx: DbOrTx, caseId: string): Promise<SurveyRow | null> {
  const [row] = await tx.select().from(surveys).where(eq(surveys.caseId, caseId));
  return row ?? null;
}

/** Timeline events of one type on a case since a moment (for per-case limits shared by instances). */
export async function countRecentEvents(
  tx: DbOrTx,
  caseId: string,
  type: string,
  since: Date,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, type), gt(caseEvents.at, since)));
  return row?.n ?? 0;
}
