// Urgency, activism and repeat signals: hand-written patterns, each naming why it fired,
// so the agent sees the exact words behind every flag.
import type { Reason, Span, Urgency } from './types.ts';

interface Pattern {
  reason: string;
  re: RegExp;
}

const w = (src: string): RegExp => new RegExp(`\\b(?:${src})\\b`, 'gi');

const CRITICAL: Pattern[] = [
  {
    reason: 'safety',
    re: w(
      'unsafe|dangerous|danger|fire|smoke|gas leak|(?:electric )?shock(?:ed)?|injur(?:y|ed|ies)|hurt|accident|crash(?:ed)?|carbon monoxide|exploded?',
    ),
  },
  {
    reason: 'health',
    re: w(
      'hospital|medication|medicine|insulin|medical|ambulance|emergency|allergic|doctor|surgery|chemo(?:therapy)?|prescription|seizures?|heart attack',
    ),
  },
  { reason: 'self-harm', re: w('suicidal|kill myself|end my life|self[- ]harm') },
  {
    reason: 'legal jeopardy',
    re: w(
      'evict(?:ed|ion)|arrest(?:ed)?|deport(?:ed|ation)|warrant|court date|bailiffs?|debt collectors?',
    ),
  },
  {
    reason: 'vulnerable person',
    re: w(
      'elderly|disabled|disability|wheelchair|dementia|vulnerable|pregnant|newborn|infant|my baby|terminally ill|blind|deaf|carer|caregiver|autistic',
    ),
  },
  {
    reason: 'home or income at risk',
    re: w(
      "foreclos(?:e|ure)|repossess(?:ed|ion)?|homeless|lose (?:my|our) (?:home|house|job|business|income)|can(?:'|no)?t (?:afford|pay) (?:my |the )?(?:rent|mortgage)|bankrupt(?:cy)?|no food",
    ),
  },
];

const ELEVATED: Pattern[] = [
  {
    reason: 'money being lost',
    re: w(
      'overdrawn|overdraft(?: fees?)?|charged (?:me )?twice|double[- ]charged|duplicate charges?|unauthori[sz]ed (?:charges?|transactions?)|fraud(?:ulent)?(?: charges?)?|stolen|losing money|late fees?|still (?:being )?charg(?:ed|ing)|keep(?:s)? charging',
    ),
  },
  {
    reason: 'near deadline',
    re: w(
      'urgent(?:ly)?|asap|immediately|right now|today|tonight|tomorrow|this morning|this afternoon|deadline|in (?:an|one|two|\\d+) hours?|within (?:\\d+|24|48) hours|(?:flight|train|bus) (?:leaves|departs|is) (?:in|at)|before (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)',
    ),
  },
  {
    reason: 'service down',
    re: w(
      "outage|(?:is|are|went|been|still) down|not working|doesn't work|does not work|no (?:internet|power|service|signal|heat|heating|water|wifi|connection)|can(?:'|no)?t (?:log ?in|sign in|access|connect|make calls)|offline|stranded|locked out",
    ),
  },
];

const ACTIVIST: Pattern[] = [
  {
    reason: 'social media',
    re: w(
      'twitter|tweet(?:ing|ed)?|facebook|instagram|tiktok|youtube|reddit|social media|go(?:ing)? viral|post(?:ing)? (?:this|about this|it) (?:online|everywhere)|tell everyone|share this',
    ),
  },
  {
    reason: 'press',
    re: w(
      'the press|go(?:ing)? to the press|newspapers?|journalists?|reporters?|the media|news (?:channel|station)|bbc|consumer (?:program(?:me)?|show)|watchdog',
    ),
  },
  {
    reason: 'review sites',
    re: w(
      'yelp|trustpilot|tripadvisor|google reviews?|(?:bad|negative|1[- ]star|one[- ]star) reviews?|leave a review|write a review|better business bureau|bbb',
    ),
  },
  {
    reason: 'regulator or ombudsman',
    re: w(
      'ombudsman|regulator|cfpb|fca|ftc|fcc|ofcom|ofgem|department of transportation|attorney general|trading standards|consumer protection|report (?:you|this|it) to',
    ),
  },
  {
    reason: 'lawyer',
    re: w(
      'lawyers?|attorneys?|solicitors?|sue|suing|legal action|lawsuit|small claims|take (?:you|this|it) to court|see you in court',
    ),
  },
];

const REPEAT: Pattern[] = [
  {
    reason: 'happened again',
    re: w(
      'again|yet again|once again|every (?:single )?time|keeps? happening|happened before|same (?:problem|issue) as (?:before|last time)|last time',
    ),
  },
  {
    reason: 'counted attempts',
    re: w(
      '(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th|umpteenth|nth) (?:time|call|email|attempt|complaint)|(?:\\d+|two|three|four|five|six|several|multiple|many|numerous|countless) (?:times|calls|emails|attempts|complaints)|repeatedly|how many times',
    ),
  },
  {
    reason: 'still unresolved',
    re: w(
      "still (?:not|no|nothing|hasn't|haven't|has not|have not|isn't|doesn't|don't|can't|won't|waiting|broken|unresolved|charging|missing|havent|hasnt)|(?:weeks|months|days) (?:now|later)|for (?:weeks|months)",
    ),
  },
  {
    reason: 'already chased',
    re: w(
      'already (?:called|emailed|contacted|told|sent|reported|complained|asked|explained|spoke|spoken|tried|wrote|written|chatted)|follow(?:ing)?[- ]up (?:on|again)|chas(?:ed|ing)|previous (?:complaint|ticket|case|call|reference)|was promised|you promised|told me it would',
    ),
  },
];

function find(text: string, patterns: readonly Pattern[]): Reason[] {
  const out: Reason[] = [];
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const span: Span = { start: m.index, end: m.index + m[0].length, text: m[0] };
      if (out.some((r) => r.span.start <= span.start && r.span.end >= span.end)) continue;
      out.push({ reason: p.reason, span });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

export function detectUrgency(text: string): { urgency: Urgency; reasons: Reason[] } {
  const critical = find(text, CRITICAL);
  if (critical.length > 0) return { urgency: 2, reasons: [...critical, ...find(text, ELEVATED)] };
  const elevated = find(text, ELEVATED);
  return { urgency: elevated.length > 0 ? 1 : 0, reasons: elevated };
}

export const detectActivist = (text: string): Reason[] => find(text, ACTIVIST);
export const detectRepeat = (text: string): Reason[] => find(text, REPEAT);
