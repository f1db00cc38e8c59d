// Outbound direct messages go to a bridge (REDRESS_SOCIAL_OUT_URL) that posts them on the
// network, signed exactly like the inbound social webhook: X-Redress-Timestamp (Unix seconds)
// and X-Redress-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> with
// REDRESS_SOCIAL_SECRET. Body: {"id","kind":"direct_message","network","to":{"handle"},"text",
// "caseReference"}. A 2xx is success (an optional JSON `id` is kept); 4xx other than 408/409/429
// is permanent; anything else is retried.
import { DeliveryError, isPermanentStatus } from '../../core/outbound/delivery-error.ts';
import type { OutboundDirectMessage, SocialSender } from '../../core/outbound/social-sender.ts';
import { socialSignature } from '../webhooks/signatures.ts';

export function socialClient(config: {
  url: string;
  secret: string;
  now?: () => Date;
  timeoutMs?: number;
}): SocialSender {
  return {
    async send(dm: OutboundDirectMessage) {
      const body = Buffer.from(
        JSON.stringify({
          id: dm.id,
          kind: 'direct_message',
          network: dm.network,
          to: { handle: dm.handle },
          text: dm.text,
          caseReference: dm.caseReference,
        }),
      );
      const timestamp = String(Math.floor((config.now?.() ?? new Date()).getTime() / 1000));
      let res: Response;
      try {
        res = await fetch(config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-redress-timestamp': timestamp,
            'x-redress-signature': `sha256=${socialSignature(config.secret, timestamp, body)}`,
          },
          body,
          signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
        });
      } catch (err) {
        throw new DeliveryError(`Social bridge unreachable: ${(err as Error).message}`, false);
      }
      const answer = (await res.json().catch(() => ({}))) as { id?: unknown; error?: unknown };
      if (!res.ok)
        throw new DeliveryError(
          `Social bridge answered ${res.status}${typeof answer.error === 'string' ? `: ${answer.error}` : ''}`.slice(
            0,
            300,
          ),
          isPermanentStatus(res.status),
        );
      return { providerId: typeof answer.id === 'string' ? answer.id : null };
    },
  };
}
