// Where am I signed in? Each staff member sees their own live sessions (browser, address, when)
// and can end any of them — a lost laptop, a shared computer — or all but the one in hand.
// Only from a signed-in browser: an integration's API token sees no one's addresses and ends
// no one's sessions.
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { describeDevice } from './device.rules.ts';
import { endSessionsWhere, listSessionsOf } from './user.repo.ts';

/** The signed-in person, given the session the request came with (null for an API token). */
function own(ctx: Ctx, current: string | null): { userId: string; current: string } {
  const userId = actorId(ctx);
  if (!userId || !current)
    throw new DomainError('forbidden', 'Manage your sessions from a signed-in browser.');
  return { userId, current };
}

export async function listOwnSessions(ctx: Ctx, current: string | null) {
  authorize(ctx, 'case.read');
  const me = own(ctx, current);
  const rows = await listSessionsOf(ctx.database.db, me.userId, ctx.now());
  return rows.map((row) => ({
    ...row,
    device: describeDevice(row.userAgent),
    isCurrent: row.id === me.current,
  }));
}

export async function endOwnSession(ctx: Ctx, current: string | null, id: string) {
  authorize(ctx, 'case.write');
  const me = own(ctx, current);
  const ended = await endSessionsWhere(ctx.database.db, me.userId, { id });
  // Someone else's session reads as unknown: ids of other people's sessions are not confirmed.
  if (ended === 0) throw notFound('Session');
}

export async function endOtherSessions(ctx: Ctx, current: string | null) {
  authorize(ctx, 'case.write');
  const me = own(ctx, current);
  return { ended: await endSessionsWhere(ctx.database.db, me.userId, { allBut: me.current }) };
}
