// Outbound email over SMTP with nodemailer. Configured by REDRESS_SMTP_OUT_URL
// (smtp://user:pass@host:587) and REDRESS_MAIL_FROM.
import nodemailer from 'nodemailer';
import type { Mailer, OutboundMail } from '../../core/outbound/mailer.ts';

export function smtpMailer(url: string, from: string): Mailer {
  // A server that accepts the connection but never answers must not hold a job (and the
  // database connection its send lock sits on) for nodemailer's default ten minutes; the
  // message is tried again later (deliver-email.ts). Settings in the URL's query win.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const domain = from.split('@')[1]?.replace(/>.*$/, '') ?? 'redress.local';
  return {
    from,
    domain,
    async send(mail: OutboundMail) {
      await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}),
        ...(mail.isAutomatic ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
      });
    },
  };
}
