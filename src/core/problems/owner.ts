// The owner of a problem or corrective action: the named active user, else the actor.
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { findUser } from '../users/user.repo.ts';

export async function resolveOwner(
  tx: DbOrTx,
  ctx: Ctx,
  ownerId: string | undefined,
): Promise<string | null> {
  if (!ownerId) return ctx.actor.kind === 'user' ? ctx.actor.id : null;
  if (!(await findUser(tx, ownerId))?.isActive) {
    throw new DomainError('validation', 'Unknown owner.', [
      { path: 'ownerId', message: 'No active user with this id.' },
    ]);
  }
  return ownerId;
}
