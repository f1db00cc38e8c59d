// Which case does an email belong to? The reference in the subject ("[RD-1042]"), a plus-address
// (support+RD-1042@…), or our own Message-IDs in In-Reply-To / References (<RD-1042.…@…>).
const REF = /\bRD-(\d{1,12})\b/i;

function refIn(s: string | null | undefined): string | null {
  const m = s ? REF.exec(s) : null;
  return m ? `RD-${m[1]}` : null;
}

export function findReference(mail: {
  subject: string;
  to: string[];
  inReplyTo: string | null;
  references: string[];
}): string | null {
  for (const id of [mail.inReplyTo, ...mail.references]) {
    const ref = refIn(id);
    if (ref) return ref;
  }
  for (const address of mail.to) {
    const plus = /\+([^@]+)@/.exec(address);
    const ref = refIn(plus?.[1]);
    if (ref) return ref;
  }
  return refIn(mail.subject);
}

/** Message-ID for mail we send about a case, so replies thread back without a lookup. */
export function outboundMessageId(reference: string, unique: string, domain: string): string {
  return `<${reference}.${unique}@${domain}>`;
}

/**
 * Drops the quoted thread under a reply ("On … wrote:", "> " lines, Outlook's "From:" block),
 * keeping the customer's new words. The full text stays in the raw mail.
 */
export function stripQuoted(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    if (
      /^On .{5,200} wrote:\s*$/.test(line) ||
      /^-{2,}\s*Original Message\s*-{2,}/i.test(line) ||
      (/^From: .+/.test(line) && out.length > 0)
    )
      break;
    if (/^\s*>/.test(line)) continue;
    out.push(line);
  }
  const kept = out.join('\n').trim();
  return kept.length > 0 ? kept : text.trim();
}

/** Splits "Ana María Ruiz" into a first name kept for personal replies and the rest. */
export function splitName(name: string | null): { firstName?: string; lastName?: string } {
  const parts = (name ?? '').replace(/["']/g, '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return {};
  const [first, ...rest] = parts;
  const last = rest.join(' ').slice(0, 100);
  return {
    ...(first ? { firstName: first.slice(0, 100) } : {}),
    ...(last ? { lastName: last } : {}),
  };
}
