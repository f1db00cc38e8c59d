// Small helpers that turn regex hits into spans of the draft.
import { CURRENCY_OF, MONEY } from './coach-patterns.ts';
import type { Span } from './types.ts';

export function matches(text: string, re: RegExp): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    const span = { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (out.some((s) => s.start <= span.start && s.end >= span.end)) continue;
    out.push(span);
  }
  return out;
}

export function firstMatch(text: string, re: RegExp): Span | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

export interface Money {
  amount: number;
  currency: string;
  span: Span;
}

export function findMoney(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const symbol = m[1] ?? m[4] ?? '';
    const digits = (m[2] ?? m[3] ?? '0').replace(/,/g, '');
    out.push({
      amount: Number(digits),
      currency: CURRENCY_OF[symbol.toLowerCase()] ?? 'USD',
      span: { start: m.index, end: m.index + m[0].length, text: m[0] },
    });
  }
  return out;
}
