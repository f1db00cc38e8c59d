// Raw MIME → the facts intake needs. HTML-only mail is turned into text; odd charsets and nested
// multiparts are mailparser's job. Nothing here touches the database.
import { simpleParser, type AddressObject } from 'mailparser';

export interface ParsedEmail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null } | null;
  to: string[];
  subject: string;
  text: string;
  isAutoSubmitted: boolean;
  isBounce: boolean;
  attachments: Array<{
    filename: string | null;
    contentType: string;
    size: number;
    content: Buffer;
  }>;
}

function addresses(
  value: AddressObject | AddressObject[] | undefined,
): Array<{ address: string; name: string }> {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .flatMap((a) => a.value)
    .flatMap((v) => (v.address ? [{ address: v.address.toLowerCase(), name: v.name }] : []));
}

function header(headers: Map<string, unknown>, key: string): string {
  const v = headers.get(key);
  return typeof v === 'string' ? v.toLowerCase() : '';
}

/** Mail may carry NUL bytes or broken surrogates that no database stores: drop or repair them. */
function clean(s: string): string {
  return s.split('\u0000').join('').toWellFormed().trim();
}

/** Strips tags from HTML-only mail, keeping paragraph breaks and decoding common entities. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function parseMime(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  const from = addresses(mail.from)[0] ?? null;
  const auto = header(mail.headers, 'auto-submitted');
  const precedence = header(mail.headers, 'precedence');
  const contentType = mail.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const isReport =
    contentType?.value === 'multipart/report' &&
    /delivery-status/i.test(contentType.params?.['report-type'] ?? '');
  const refs =
    mail.references === undefined
      ? []
      : Array.isArray(mail.references)
        ? mail.references
        : [mail.references];
  return {
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: refs,
    from: from ? { address: from.address, name: clean(from.name) || null } : null,
    to: [...addresses(mail.to), ...addresses(mail.cc)].map((a) => a.address),
    subject: clean(mail.subject ?? ''),
    text: clean(mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : ''),
    isAutoSubmitted:
      (auto !== '' && auto !== 'no') ||
      ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) ||
      mail.headers.has('x-autoreply'),
    isBounce: isReport || /^(mailer-daemon|postmaster)@/i.test(from?.address ?? ''),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
    })),
  };
}
