// Outbound email over SMTP with nodemailer. Configured by REDRESS_SMTP_OUT_URL
// (smtp://user:pass@host:587) and REDRESS_MAIL_FROM.
import nodemailer from 'nodemailer';
import type { Mailer, OutboundMail } from '../../core/outbound/mailer.ts';

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
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
