// The fix the customer asks for, as a short phrase taken from their own words.

const ASK =
  /\b(?:i (?:want|need|expect|demand|would like|'d like|am asking for|request|just want)|i’d like|i'd like|we (?:want|need|would like|'d like)|please|can you|could you|give me|i am requesting)\s+([^.!?\n;]{2,120})/gi;

const REMEDY =
  /\b(?:refund|money back|reimburs|replace|replacement|compensat|credit|cancel|fix|repair|deliver|call me|call back|resend|reverse|waive|exchange|return|rebook|voucher|apolog)/i;

const FILLER = /^(?:to|a|an|the|is|for|you to|me to|someone to)\s+/i;
const MAX_WORDS = 8;

function shorten(phrase: string): string {
  let p = phrase.trim().replace(/\s+/g, ' ');
  // Cut at clause breaks that start a new thought.
  p = p.split(/,|\b(?:because|but|since|as soon as|or|otherwise|and then)\b/i)[0] ?? p;
  p = p.replace(FILLER, '').trim();
  const words = p.split(' ').slice(0, MAX_WORDS);
  return words.join(' ').replace(/[\s,:-]+$/, '');
}

export function detectWants(text: string): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(ASK)) {
    const phrase = shorten(m[1] ?? '');
    if (phrase.length < 2) continue;
    if (REMEDY.test(phrase)) return phrase;
    best ??= phrase;
  }
  if (best !== null) return best;
  // No explicit ask: a bare remedy noun still tells what would make it right.
  const bare = /\b(?:full refund|refund|replacement|compensation|money back)\b/i.exec(text);
  return bare ? bare[0].toLowerCase() : null;
}
