import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { replyTemplates } from '../../db/schema.ts';

export async function allTemplates(tx: DbOrTx) {
  return tx.select().from(replyTemplates).orderBy(asc(replyTemplates.name));
}

export async function findTemplateByName(tx: DbOrTx, name: string) {
  const [row] = await tx.select().from(replyTemplates).where(eq(replyTemplates.name, name));
  return row ?? null;
}

export async function insertTemplate(tx: DbOrTx, row: { name: string; body: string }) {
  const [created] = await tx.insert(replyTemplates).values(row).returning();
  if (!created) throw new Error('insert into reply_templates returned no row');
  return created;
}

export async function updateTemplate(
  tx: DbOrTx,
  id: string,
  row: { name: string; body: string; updatedAt: Date },
) {
  const [updated] = await tx
    .update(replyTemplates)
    .set(row)
    .where(eq(replyTemplates.id, id))
    .returning();
  return updated ?? null;
}

export async function removeTemplate(tx: DbOrTx, id: string): Promise<boolean> {
  const res = await tx
    .delete(replyTemplates)
    .where(eq(replyTemplates.id, id))
    .returning({ id: replyTemplates.id });
  return res.length > 0;
}
