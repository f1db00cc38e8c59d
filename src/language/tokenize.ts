// One tokeniser for training, scoring and evidence: offsets stay exact so every
// judgement can point at the words it rests on.

export interface Token {
  /** Lower-cased, curly apostrophes folded, used for lookups. */
  norm: string;
  start: number;
  end: number;
}

// Words (with inner apostrophes), runs of ?/!, and pictographic emoji.
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[?!]+|\p{Extended_Pictographic}/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index;
    let norm = raw.toLowerCase().replace(/’/g, "'");
    if (norm.startsWith('?')) norm = '?';
    else if (norm.startsWith('!')) norm = '!';
    tokens.push({ norm, start, end: start + raw.length });
  }
  return tokens;
}

/** Feature names for the linear feelings model: unigrams and adjacent bigrams. */
export function featureNames(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  let prev: string | null = null;
  for (const t of tokens) {
    out.push(t.norm);
    // A crude stem lets "embarrassed", "embarrassing" and "embarrassment" share weight.
    if (t.norm.length > 6) out.push(`~${t.norm.slice(0, 6)}`);
    if (prev !== null) out.push(`${prev} ${t.norm}`);
    prev = t.norm;
  }
  return out;
}
