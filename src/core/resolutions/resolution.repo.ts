import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { resolutionOptions } from '../../db/schema.ts';

export type OptionRow = typeof resolutionOptions.$inferSelect;

export async function insertOptions(
  tx: DbOrTx,
  rows: Array<typeof resolutionOptions.$inferInsert>,
) {
  return tx.insert(resolutionOptions).values(rows).returning();
}

export async function listOptions(tx: DbOrTx, caseId: string): Promise<OptionRow[]> {
  return tx
    .select()
    .from(resolutionOptions)
    .where(eq(resolutionOptions.caseId, caseId))
    .orderBy(asc(resolutionOptions.offeredAt));
}

export async function clearChoice(tx: DbOrTx, caseId: string): Promise<void> {
  await tx
    .update(resolutionOptions)
    .set({ isChosen: false })
    .where(eq(resolutionOptions.caseId, caseId));
}

export async function chooseOption(
  tx: DbOrTx,
  caseId: string,
  optionId: string,
): Promise<OptionRow | null> {
  await clearChoice(tx, caseId);
  const [row] = await tx
    .update(resolutionOptions)
    .set({ isChosen: true })
    .where(and(eq(resolutionOptions.caseId, caseId), eq(resolutionOptions.id, optionId)))
    .returning();
  return row ?? null;
}

export async function markDelivered(tx: DbOrTx, optionId: string, at: Date) {
  await tx
    .update(resolutionOptions)
    .set({ deliveredAt: at })
    .where(eq(resolutionOptions.id, optionId));
}
