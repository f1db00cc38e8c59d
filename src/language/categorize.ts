// A keyword categoriser for complaint type. Categories follow common service failures;
// each carries the words it matched. A starting point the agent confirms or corrects.
export interface Category {
  category: string;
  words: string[];
}

const RULES: Array<[string, RegExp]> = [
  [
    'late',
    /\b(?:late|delay(?:ed|s)?|waiting|wait(?:ed)?|on time|still (?:on|at) the|sitting on)\b/gi,
  ],
  ['cancelled', /\b(?:cancel+(?:ed|ation|ations)?|cancelled flightled)\b/gi],
  ['lost or damaged item', /\b(?:lost|missing|damaged|broken|bags?|baggage|luggage|suitcase)\b/gi],
  [
    'booking',
    /\b(?:book(?:ing|ed)?|reservation|rebook(?:ed|ing)?|reschedul\w*|seat(?:s|ing)?|upgrade|website|online|app)\b/gi,
  ],
  [
    'billing',
    /\b(?:refund\w*|charg(?:e|ed|es)|fees?|money|paid|pay|voucher|credit|bill(?:ed|ing)?)\b/gi,
  ],
  [
    'staff',
    /\b(?:rude|attitude|staff|agent|gate agent|crew|attendant|employee|unprofessional)\b/gi,
  ],
  [
    'customer service',
    /\b(?:hold|on hold|call(?:ed|ing)?|phone|customer service|no answer|no response|hung up|dm|reply|respond\w*)\b/gi,
  ],
];

export function categorize(text: string): Category | null {
  let best: Category | null = null;
  for (const [category, re] of RULES) {
    const words = [...text.matchAll(re)].map((m) => m[0]);
    if (words.length > (best?.words.length ?? 0)) best = { category, words };
  }
  return best;
}
