import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { messages } from '../../db/schema.ts';

export type MessageRow = typeof messages.$inferSelect;

export async function insertMessage(
  tx: DbOrTx,
  row: typeof messages.$inferInsert,
): Promise<MessageRow> {
  const [created] = await tx.insert(messages).values(row).returning();
  if (!created) throw new Error('insert into messages returned no row');
  return created;
}

export async function listMessages(tx: DbOrTx, caseId: string): Promise<MessageRow[]> {
  return tx
    .select()
    .from(messages)
    .where(eq(messages.caseId, caseId))
    .orderBy(asc(messages.createdAt));
}
