// Outbound text messages through the REST API of the widely used SMS provider whose inbound
// webhook Redress accepts: a form-encoded POST to
// <base>/2010-04-01/Accounts/<account>/Messages.json with HTTP Basic auth (account, token),
// answered with JSON carrying the message `sid`, or an error `code` and `message`.
import { DeliveryError, isPermanentStatus } from '../../core/outbound/delivery-error.ts';
import type { OutboundSms, SmsSender } from '../../core/outbound/sms-sender.ts';

export interface SmsProviderConfig {
  accountSid: string;
  authToken: string;
  from: string;
  /** Without a trailing slash, e.g. https://api.twilio.com. */
  baseUrl: string;
  timeoutMs?: number;
}

interface ProviderAnswer {
  sid?: unknown;
  code?: unknown;
  message?: unknown;
}

export function smsClient(config: SmsProviderConfig): SmsSender {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    from: config.from,
    async send(sms: OutboundSms) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({ To: sms.to, From: config.from, Body: sms.body }).toString(),
          signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
        });
      } catch (err) {
        throw new DeliveryError(`SMS provider unreachable: ${(err as Error).message}`, false);
      }
      const answer = (await res.json().catch(() => ({}))) as ProviderAnswer;
      if (!res.ok) {
        const detail = typeof answer.message === 'string' ? answer.message : res.statusText;
        const code = typeof answer.code === 'number' ? ` (code ${answer.code})` : '';
        throw new DeliveryError(
          `SMS provider answered ${res.status}: ${detail}${code}`.slice(0, 300),
          isPermanentStatus(res.status),
        );
      }
      return { providerId: typeof answer.sid === 'string' ? answer.sid : null };
    },
  };
}
