// Alerts for staff: to one user, or to everyone holding a role (e.g. every supervisor).
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';

export async function notify(tx: DbOrTx, row: typeof notifications.$inferInsert): Promise<void> {
  await tx.insert(notifications).values(row);
}

export async function listFor(tx: DbOrTx, userId: string, role: string, onlyUnread: boolean) {
  const who = or(eq(notifications.userId, userId), eq(notifications.role, role));
  return tx
    .select()
    .from(notifications)
    .where(onlyUnread ? and(who, isNull(notifications.readAt)) : who)
    .orderBy(desc(notifications.createdAt))
    .limit(200);
}

/** Marks an alert read for whoever may see it (its user, or anyone holding its role). */
export async function markRead(
  tx: DbOrTx,
  id: string,
  userId: string,
  role: string,
  at: Date,
): Promise<boolean> {
  const res = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.id, id),
        or(eq(notifications.userId, userId), eq(notifications.role, role)),
      ),
    )
    .returning({ id: notifications.id });
  return res.length > 0;
}
