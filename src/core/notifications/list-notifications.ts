import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { listFor, markRead } from './notification.repo.ts';

export async function listNotifications(ctx: Ctx, onlyUnread: boolean) {
  authorize(ctx, 'case.read');
  if (ctx.actor.kind !== 'user') return [];
  return listFor(ctx.database.db, ctx.actor.id, ctx.actor.role, onlyUnread);
}

export async function readNotification(ctx: Ctx, id: string) {
  authorize(ctx, 'case.read');
  if (
    ctx.actor.kind !== 'user' ||
    !(await markRead(ctx.database.db, id, ctx.actor.id, ctx.actor.role, ctx.now()))
  ) {
    throw new DomainError('not_found', 'No such notification for you.');
  }
}
