// The customer writes through the portal: an inbound message and a customer_message event; a
// case waiting on the customer (or closed) goes back to work, exactly as an emailed reply does.
import { PortalReplyInput } from '../../contracts/portal.ts';
import { applyStatus } from '../cases/change-status.ts';
import { insertMessage } from '../cases/message.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';

/** `caseId` must come from a verified portal token (openPortalLink). */
export async function replyOnPortal(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(PortalReplyInput, raw);
  return mutateCase(
    ctx,
    caseId,
    async (c) => {
      const message = await insertMessage(c.tx, {
        caseId: c.row.id,
        direction: 'in',
        kind: 'portal',
        channel: 'web',
        body: input.body,
        createdAt: c.now,
      });
      await record(c.tx, ctx, c.row.id, 'customer_message', {
        messageId: message.id,
        via: 'portal',
      });
      if (c.row.status === 'awaiting_customer' || c.row.status === 'closed')
        await applyStatus(ctx, c, 'in_progress', 'The customer wrote on the portal.');
      return { messageId: message.id };
    },
    { allowClosed: true },
  );
}
