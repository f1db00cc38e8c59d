// R6: one owner always; handing a case on is explicit, with a reason, on the timeline.
import { TransferInput } from '../../contracts/cases.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { roleCan } from '../shared/roles.rules.ts';
import { findUser } from '../users/user.repo.ts';
import { updateCase } from './case.repo.ts';
import { mutateCase } from './mutate-case.ts';
import { record } from './timeline.ts';

export async function transferCase(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(TransferInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row, now }) => {
    const isOwner = ctx.actor.kind === 'user' && ctx.actor.id === row.ownerId;
    const mayTransferAny =
      ctx.actor.kind === 'system' || roleCan(ctx.actor.role, 'case.transfer_any');
    if (!isOwner && !mayTransferAny && row.ownerId !== null) {
      authorize(ctx, 'case.transfer_any');
    }
    const target = await findUser(tx, input.toUserId);
    if (!target?.isActive) {
      throw new DomainError('validation', 'Unknown user.', [
        { path: 'toUserId', message: 'No active user with this id.' },
      ]);
    }
    if (target.id === row.ownerId) {
      throw new DomainError('conflict', `${target.name} already owns this case.`);
    }
    const updated = await updateCase(tx, row.id, { ownerId: target.id }, now);
    await record(tx, ctx, row.id, 'owner_transferred', {
      from: row.ownerId,
      to: target.id,
      reason: input.reason,
    });
    return updated;
  });
}
