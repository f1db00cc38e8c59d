import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { savedViews } from '../../db/schema.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;

export async function viewsOf(tx: DbOrTx, userId: string): Promise<SavedViewRow[]> {
  return tx
    .select()
    .from(savedViews)
    .where(eq(savedViews.userId, userId))
    .orderBy(asc(savedViews.name));
}

/** Saves by name: saving a view under a name the person already uses replaces its filters. */
export async function upsertView(
  tx: DbOrTx,
  row: { userId: string; name: string; filters: object },
): Promise<SavedViewRow> {
  const [saved] = await tx
    .insert(savedViews)
    .values(row)
    .onConflictDoUpdate({
      target: [savedViews.userId, savedViews.name],
      set: { filters: row.filters },
    })
    .returning();
  if (!saved) throw new Error('upsert into saved_views returned no row');
  return saved;
}

export async function deleteViewOf(tx: DbOrTx, userId: string, id: string): Promise<boolean> {
  const res = await tx
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return res.length > 0;
}
