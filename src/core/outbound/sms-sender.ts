// What outbound text messages need from the outside world. The provider adapter lives in
// src/channels/sms/sms-client.ts; core only knows this shape. Refusals are DeliveryErrors.
export interface OutboundSms {
  to: string;
  body: string;
}

export interface SmsSender {
  readonly from: string;
  /** Answers the provider's id for the accepted message. */
  send(sms: OutboundSms): Promise<{ providerId: string | null }>;
}
