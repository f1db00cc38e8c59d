// Feelings the customer names outright ("I am furious", "we were left humiliated"). The learned
// model reads Reddit comments, where anger rarely says its name, and misses about half of such
// plain statements; a complaint states its feelings more often than not, and an agent expects
// "I'm livid" to read as angry. Hand-written, each with its words as evidence, and added to the
// model's reading, never subtracted from it. A negated statement ("I'm not angry") is ignored.
import type { Feeling, FeelingReading, Span } from './types.ts';

/** The score of a feeling the customer stated: a sure reading, above every threshold. */
export const STATED_SCORE = 0.9;

/**
 * Words that name the feeling wherever they stand: in a complaint they are the writer's own
 * (or their family's) feeling.
 */
const ANYWHERE: Record<Feeling, string> = {
  angry:
    'furious|livid|fuming|outraged|incensed|seething|enraged|irate|infuriat(?:ed|ing)|apoplectic|beyond angry|so angry|really angry|very angry',
  frustrated:
    "frustrat(?:ed|ing)|exasperat(?:ed|ing)|fed up|sick (?:and|&) tired|at the end of my tether|at my wits['’]? end|tearing my hair out|(?:i|we)(?:['’]ve| have) had enough",
  anxious:
    'anxious|terrified|petrified|panick(?:ed|ing)|worried sick|beside myself with worry|sleepless nights|a nervous wreck|scared stiff',
  disappointed:
    'disappoint(?:ed|ing|ment)|let down|gutted|disheartened|dismayed|crestfallen|expected (?:much |far )?better',
  confused:
    'confus(?:ed|ing)|baffl(?:ed|ing)|bewilder(?:ed|ing)|perplex(?:ed|ing)|puzzl(?:ed|ing)|befuddled|mystified|makes no sense|(?:do not|don.?t|cannot|can.?t) understand',
  sad: 'heartbroken|devastated|distraught|in tears|broke my heart|heartbreaking|grieving',
  embarrassed:
    'embarrass(?:ed|ing|ment)|humiliat(?:ed|ing|ion)|mortified|ashamed|made a fool of|red.faced|made (?:me|us) feel (?:so |very )?small',
};

/**
 * Words that name the feeling only after the writer says it is theirs: "I am", "I'm", "I feel",
 * "we were", "it left me", "makes me" (then "so", "really", "absolutely"… may come between).
 * Alone they are too often about something else ("mad prices", "lost parcel", "upset stomach").
 */
const AFTER_SELF: Record<Feeling, string> = {
  angry: 'angry|mad|cross|raging|fuming',
  frustrated: 'annoyed|irritated',
  anxious: 'worried|scared|nervous|stressed|frightened|afraid|concerned|uneasy|on edge',
  disappointed: 'let down',
  confused: 'lost|unsure what|not sure what',
  sad: 'sad|upset|miserable|unhappy|depressed|crushed',
  embarrassed: 'awkward',
};

const SELF =
  "(?:i|we)(?:['’]m| am|['’]re| are| was| were| feel| felt|['’]ve been| have been| had been)|(?:left|leaves|leaving|made|makes|making|got|gets) (?:me|us)(?: feel(?:ing)?)?|feeling";
const SO =
  '(?:(?:left|so|really|very|extremely|absolutely|utterly|totally|completely|incredibly|beyond|quite|deeply|seriously|genuinely|just|now|getting|becoming|very very|more than a little) )*';

const compile = (src: Record<Feeling, string>, prefix: string) =>
  (Object.entries(src) as Array<[Feeling, string]>).map(
    ([feeling, words]) => [feeling, new RegExp(`${prefix}\\b(${words})\\b`, 'gid')] as const,
  );

const ANYWHERE_RES = compile(ANYWHERE, '');
const AFTER_SELF_RES = compile(AFTER_SELF, `\\b(?:${SELF}) ${SO}`);

/** "not", "never", "no longer" just before: the writer says they are not. */
const NEGATED = /(?:\bnot|\bnever|\bno longer|n['’]t|\bnor|\bhardly|\bwithout)\s+(?:\w+\s+){0,2}$/i;

export function statedFeelings(text: string): FeelingReading[] {
  const found = new Map<Feeling, Span[]>();
  const add = (feeling: Feeling, re: RegExp): void => {
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      const word = m.indices?.[1];
      if (!word || NEGATED.test(before)) continue;
      const [start, end] = word;
      const spans = found.get(feeling) ?? [];
      if (!spans.some((s) => s.start < end && start < s.end))
        spans.push({ start, end, text: text.slice(start, end) });
      found.set(feeling, spans);
    }
  };
  for (const [feeling, re] of ANYWHERE_RES) add(feeling, re);
  for (const [feeling, re] of AFTER_SELF_RES) add(feeling, re);
  return [...found].map(([feeling, evidence]) => ({
    feeling,
    score: STATED_SCORE,
    evidence: evidence.sort((a, b) => a.start - b.start).slice(0, 3),
  }));
}

/** The model's reading with the stated feelings added: the higher score, the evidence of both. */
export function withStated(model: FeelingReading[], stated: FeelingReading[]): FeelingReading[] {
  const out = new Map(model.map((r) => [r.feeling, r]));
  for (const s of stated) {
    const m = out.get(s.feeling);
    if (!m) {
      out.set(s.feeling, s);
      continue;
    }
    const evidence = [...s.evidence];
    for (const e of m.evidence)
      if (!evidence.some((x) => x.start < e.end && e.start < x.end)) evidence.push(e);
    out.set(s.feeling, {
      feeling: s.feeling,
      score: Math.max(m.score, s.score),
      evidence: evidence.sort((a, b) => a.start - b.start).slice(0, 3),
    });
  }
  return [...out.values()].sort((a, b) => b.score - a.score);
}
