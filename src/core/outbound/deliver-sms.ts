// Sends one outbound message as a text message through the SMS provider adapter, exactly once
// (see deliver-direct.ts for the locking, retries and what the owner is told).
import type { Ctx } from '../shared/context.ts';
import { deliverDirect, type DirectOutcome } from './deliver-direct.ts';
import type { SmsSender } from './sms-sender.ts';

export type SmsOutcome = DirectOutcome;

export function deliverSms(ctx: Ctx, sender: SmsSender, messageId: string): Promise<SmsOutcome> {
  return deliverDirect(
    ctx,
    {
      channel: 'sms',
      contactKind: 'phone',
      label: 'a text message',
      send: (to, message) => sender.send({ to, body: message.body }),
    },
    messageId,
  );
}
