// Staff log what the customer said on a call, in a letter or at the counter about a case that is
// already open (R1): an inbound message on that channel with who logged it and, for a call, its
// length. A scanned letter is then added with POST /cases/:id/attachments?messageId=….
// Like any customer message it brings a case waiting on the customer (or closed) back to work.
import { LogContactInput } from '../../contracts/cases.ts';
import { applyStatus } from '../cases/change-status.ts';
import { insertMessage } from '../cases/message.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';

export async function logContact(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(LogContactInput, raw);
  return mutateCase(
    ctx,
    caseId,
    async (c) => {
      const at = input.receivedAt ? new Date(input.receivedAt) : c.now;
      if (at.getTime() > c.now.getTime() + 5 * 60_000)
        throw new DomainError('validation', 'Some fields are not valid.', [
          { path: 'receivedAt', message: 'Must not be in the future.' },
        ]);
      const message = await insertMessage(c.tx, {
        caseId: c.row.id,
        direction: 'in',
        kind: input.channel,
        channel: input.channel,
        body: input.body,
        authorId: actorId(ctx),
        createdAt: at,
      });
      await record(c.tx, ctx, c.row.id, 'customer_message', {
        messageId: message.id,
        channel: input.channel,
        loggedByStaff: true,
        ...(input.callDurationSeconds !== undefined
          ? { callDurationSeconds: input.callDurationSeconds }
          : {}),
      });
      if (c.row.status === 'awaiting_customer' || c.row.status === 'closed')
        await applyStatus(ctx, c, 'in_progress', `The customer got in touch (${input.channel}).`);
      return { message };
    },
    { allowClosed: true },
  );
}
