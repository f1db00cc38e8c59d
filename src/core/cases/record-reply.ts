// A staff reply to the customer (or an internal note). The first human reply stops the
// first-response clock (R2); the automatic acknowledgement never does.
import { ReplyInput } from '../../contracts/cases.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { updateCase } from './case.repo.ts';
import { queueDelivery } from '../outbound/queue-delivery.ts';
import { routeMessage } from '../outbound/route-message.ts';
import { insertMessage } from './message.repo.ts';
import { mutateCase } from './mutate-case.ts';
import { record } from './timeline.ts';

export async function recordReply(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(ReplyInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row, now }) => {
    const message = await insertMessage(tx, {
      caseId: row.id,
      direction: input.isInternalNote ? 'internal' : 'out',
      kind: input.isInternalNote ? 'note' : 'reply',
      // Internal notes stay on the case's channel; replies go where the customer can read them.
      channel: input.isInternalNote
        ? (input.channel ?? row.channel)
        : await routeMessage(tx, row, input.channel),
      body: input.body,
      authorId: actorId(ctx),
      createdAt: now,
    });
    await queueDelivery(ctx, tx, message);
    const isFirst =
      !input.isInternalNote && row.firstResponseAt === null && ctx.actor.kind === 'user';
    const patch = {
      ...(isFirst ? { firstResponseAt: now } : {}),
      ...(row.status === 'new' && !input.isInternalNote ? { status: 'in_progress' } : {}),
    };
    const updated = Object.keys(patch).length > 0 ? await updateCase(tx, row.id, patch, now) : row;
    await record(tx, ctx, row.id, 'reply_recorded', {
      messageId: message.id,
      isInternalNote: input.isInternalNote,
      isFirstResponse: isFirst,
      channel: message.channel,
    });
    return { case: updated, message };
  });
}
