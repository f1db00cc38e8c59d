// What outbound text messages need from the outside world. The provider adapter lives in
// src/channels/sms/sms-client.ts; core only knows this shape.
export interface OutboundSms {
  to: string;
  body: string;
}

export interface SmsSender {
  readonly from: string;
  /** Answers the provider's id for the accepted message. */
  send(sms: OutboundSms): Promise<{ providerId: string | null }>;
}

/**
 * A refusal from the provider. Permanent ones (a number that cannot receive texts, rejected
 * credentials) are not retried; the rest (rate limits, outages, timeouts) are.
 */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}
