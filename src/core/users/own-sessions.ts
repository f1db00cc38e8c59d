// Where am I signed in? Each staff member sees their own live sessions (browser, address, when)
// and can end any of them — a lost laptop, a shared computer — or all but the one in hand.
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { describeDevice } from './device.rules.ts';
import { endSessionsWhere, listSessionsOf } from './user.repo.ts';

function ownId(ctx: Ctx): string {
  const id = actorId(ctx);
  if (!id) throw new DomainError('forbidden', 'Only staff have sessions.');
  return id;
}

/** `current` is the session the request came with (null when it came with an API token). */
export async function listOwnSessions(ctx: Ctx, current: string | null) {
  authorize(ctx, 'case.read');
  const rows = await listSessionsOf(ctx.database.db, ownId(ctx), ctx.now());
  return rows.map((row) => ({
    ...row,
    device: describeDevice(row.userAgent),
    isCurrent: row.id === current,
  }));
}

export async function endOwnSession(ctx: Ctx, id: string) {
  authorize(ctx, 'case.write');
  const ended = await endSessionsWhere(ctx.database.db, ownId(ctx), { id });
  // Someone else's session reads as unknown: ids of other people's sessions are not confirmed.
  if (ended === 0) throw notFound('Session');
}

export async function endOtherSessions(ctx: Ctx, current: string | null) {
  authorize(ctx, 'case.write');
  return { ended: await endSessionsWhere(ctx.database.db, ownId(ctx), { allBut: current }) };
}
