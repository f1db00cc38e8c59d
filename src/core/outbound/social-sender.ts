// What outbound direct messages on social networks need from the outside world: a bridge that
// posts them (src/channels/social/social-client.ts). Refusals are DeliveryErrors.
export interface OutboundDirectMessage {
  /** Our message id: the bridge may use it to drop a repeated delivery. */
  id: string;
  network: string;
  handle: string;
  text: string;
  caseReference: string;
}

export interface SocialSender {
  send(dm: OutboundDirectMessage): Promise<{ providerId: string | null }>;
}
