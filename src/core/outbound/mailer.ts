// What outbound email needs from the outside world. The SMTP implementation lives in
// src/channels/email/smtp-mailer.ts; core only knows this shape.
export interface OutboundMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  /** Sent by the system, not a person (marked Auto-Submitted so auto-responders stay quiet). */
  isAutomatic: boolean;
}

export interface Mailer {
  readonly from: string;
  readonly domain: string;
  send(mail: OutboundMail): Promise<void>;
}
