import { authorize, type Ctx } from '../shared/context.ts';
import { listFor } from './notification.repo.ts';

export async function listNotifications(ctx: Ctx, onlyUnread: boolean) {
  authorize(ctx, 'case.read');
  if (ctx.actor.kind !== 'user') return [];
  return listFor(ctx.database.db, ctx.actor.id, ctx.actor.role, onlyUnread);
}
