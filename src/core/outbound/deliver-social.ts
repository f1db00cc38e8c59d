// Sends one outbound message as a direct message on the customer's social network, through the
// bridge, exactly once (see deliver-direct.ts). Always a private message, even when the customer
// complained in public: case details never go into a public post.
import type { Ctx } from '../shared/context.ts';
import { deliverDirect, type DirectOutcome } from './deliver-direct.ts';
import { DeliveryError } from './delivery-error.ts';
import type { SocialSender } from './social-sender.ts';

export function deliverSocial(
  ctx: Ctx,
  sender: SocialSender,
  messageId: string,
): Promise<DirectOutcome> {
  return deliverDirect(
    ctx,
    {
      channel: 'social',
      contactKind: 'social',
      label: 'a direct message',
      send: (to, message, row) => {
        // Social contacts are stored as "<network>:<handle>".
        const split = to.indexOf(':');
        if (split <= 0) throw new DeliveryError(`Not a social address: ${to}`, true);
        return sender.send({
          id: message.id,
          network: to.slice(0, split),
          handle: to.slice(split + 1).replace(/^@/, ''),
          text: message.body,
          caseReference: row.reference,
        });
      },
    },
    messageId,
  );
}
