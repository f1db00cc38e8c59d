// The learned half of two coach detections (blame shift, offers action): one logistic
// regression per detection that reads a reply sentence by sentence, over word and word-pair
// features. It is learned by eval/train-coach.ts from the coach's tune rows only, and it adds
// the sentences the patterns miss. A hit points at its sentence and names the words whose
// weights carried it, so the finding stays explainable.
import { readFileSync } from 'node:fs';
import { ACTION, OWNED } from './coach-patterns.ts';
import { tokenize, type Token } from './tokenize.ts';
import type { Span } from './types.ts';

export interface SentenceModel {
  bias: number;
  /** A sentence counts when its probability reaches this. */
  threshold: number;
  weights: Record<string, number>;
}

export const MODEL_DETECTIONS = ['blameShift', 'offersAction'] as const;
export type ModelDetection = (typeof MODEL_DETECTIONS)[number];

export interface CoachModel {
  detections: Partial<Record<ModelDetection, SentenceModel>>;
}

export interface ModelHit {
  /** The sentence the judgement rests on. */
  span: Span;
  score: number;
  /** The (up to 3) words or word pairs in it with the largest positive weight. */
  evidence: string[];
}

const MAX_EVIDENCE = 3;
/** Words too plain to show as evidence on their own. */
const PLAIN = new Set(
  "the a an to of and or on in at is are was were be been has have had this that it it's i i'm we we're you your our for with as by so".split(
    ' ',
  ),
);

/** Sentences end at . ! ? (then a space or the end) or at a line break. */
const SENTENCE_RE = /[^\n]+?(?:[.!?]+(?=\s|$)|(?=\n)|$)/g;

export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(SENTENCE_RE)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body === '') continue;
    const start = m.index + lead;
    out.push({ start, end: start + body.length, text: body });
  }
  return out;
}

function norm(text: string, t: Token): string {
  if (text[t.start - 1] === '@') return '<user>';
  if (/^\d+$/.test(t.norm)) return '<num>';
  return t.norm;
}

// Word classes, so that a few hundred labelled replies can teach the shape of an excuse
// (someone else + a failure, an apology + "but", a rule + "can't") rather than single words.
// A sentence gets one feature per class it holds and one per pair of classes.
const CLASSES: Record<string, string> = {
  other:
    'courier couriers carrier carriers vendor supplier suppliers seller retailer merchant partner partners contractor contractors manufacturer factory maker driver drivers warehouse provider providers processor company firm agency agent agents customs insurer landlord airport airline airlines hotel venue organiser organisers organizer organizers promoter council authority authorities government bank issuer lender installer exam board police restaurant pharmacy lab surgery hospital operator operators network platform importer wholesaler distributor franchise league handlers handling locum temp royal evri hermes dpd dhl fedex usps ups ',
  they: "they they're they've they'd their them theirs themselves",
  we: "we we're we've we'd we'll our ours us i i'm i've i'll i'd my me",
  you: "you you're you've you'd your yours yourself",
  fail: 'lost missed delayed failed forgot forgotten broke broken damaged declined refused rejected blocked closed overbooked oversold mixed wrong slow late stuck error mistake fault faulty outage problem problems issue issues bug crashed down short shortage backlog held',
  neg: "can't cannot unable not won't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't never no nothing",
  but: 'but however unfortunately sadly although though still',
  sorry: 'sorry apologies apologise apologize apologised apologized regret',
  fix: "refunded refund replaced replacement sent fixed rebooked credited arranged booked restored resolved sorted ordered dispatched escalated waived reset unlocked added i've we've will 'll",
  rule: 'policy policies rules rule terms conditions law laws legally regulations regulation cover covers covered allowance allowed permitted procedure non-refundable guarantee warranty',
  cause: 'because due since caused cause reason why means meant owing result',
  busy: 'busy demand weather storm storms snow rain wind winds gales strike strikes traffic rush queue everyone volume volumes season christmas peak hectic',
  own: 'responsibility responsible excuse owned',
};
const CLASS_OF = new Map<string, string>();
for (const [c, words] of Object.entries(CLASSES)) {
  for (const x of words.split(/\s+/)) if (x !== '') CLASS_OF.set(x, `<${c}>`);
}

/** Feature names of one sentence, each with the tokens it came from (for the evidence). */
export function sentenceFeatures(text: string, span: Span): Array<[string, Span]> {
  const tokens = tokenize(span.text);
  const out: Array<[string, Span]> = [];
  const classes = new Map<string, Span>();
  let prev = '<s>';
  let prevStart = 0;
  for (const t of tokens) {
    const n = norm(span.text, t);
    const at = (from: number): Span => ({
      start: span.start + from,
      end: span.start + t.end,
      text: text.slice(span.start + from, span.start + t.end),
    });
    out.push([n, at(t.start)]);
    if (n.length > 6) out.push([`~${n.slice(0, 6)}`, at(t.start)]);
    out.push([`${prev} ${n}`, at(prev === '<s>' ? t.start : prevStart)]);
    const c = CLASS_OF.get(n);
    if (c !== undefined && !classes.has(c)) classes.set(c, at(t.start));
    prev = n;
    prevStart = t.start;
  }
  const found = [...classes].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [i, [c, sp]] of found.entries()) {
    out.push([c, sp]);
    for (const [d, sp2] of found.slice(i + 1)) {
      const first = sp.start < sp2.start ? sp : sp2;
      const last = sp.start < sp2.start ? sp2 : sp;
      out.push([
        `${c}&${d}`,
        { start: first.start, end: last.end, text: `${first.text} … ${last.text}` },
      ]);
    }
  }
  return out;
}

/** News that the matter is settled or moving ("good news", "has been refunded", "is
 * collecting it"): the labelling rule says such a sentence is not an excuse, whoever it names. */
const SETTLED =
  /\b(?:good news|nothing to pay|(?:is|are|has|have|was|were)(?: now| just| already)?(?: been)? (?:finished|done|complete|completed|over|fixed|sorted|resolved|reversed|refunded|credited|waived|back|improved|cleared|lifted|eased|restored|reopened|in stock)|(?:is|are|has|have)(?: now| just| already)?(?: been)? (?:collecting|delivering|sending|fixing|repairing|replacing|refunding|reopening|working on|looking into|sent|agreed|confirmed|dispatched|delivered|replaced|collected|arranged|approved|found|returned))\b/i;

/** "Sorry we sent the wrong size": an apology for what we did owns it. */
const SORRY_WE =
  /\b(?:sorry|apologi[sz]e|apologies)(?: (?:that|for how|for))? (?:we|i)\b(?!(?:'re|'m| are| am| were| was)? (?:not|unable|can't|cannot|couldn't|won't|don't|didn't)\b)/i;

/** The cause placed with us ("a bug in our app"): an honest internal cause is an explanation. */
const OUR_CAUSE =
  /(?<!\bnot (?:from |on |in |with )?)\b(?:our|my) (?:own )?(?:[\w-]+ )?(?:app|system|systems|website|site|software|code|bug|error|mistake|fault|side|end)\b|\b(?:an? )?(?:update|change|release) we (?:pushed|released|made|shipped|rolled out)\b|\bincoming (?:aircraft|plane|flight|train|service)\b|\bthe (?:app|website|site|system|online) (?:outage|bug|error|fault|issue|problem|glitch|update)\b|^we (?:were|are|was) (?:\w+ )?(?:short|understaffed|short-staffed|behind)\b/i;

/** "Glad it's sorted" passes on the customer's news; it is not our action. */
const THEIR_NEWS = /\b(?:glad|good|great|happy|pleased|nice) (?:to hear|that|this|it)\b/i;

/** Rules from the labelling guide the model cannot learn from a few hundred rows: an owned
 * sentence, one that says what we are doing about it (the case handed on, "sorry, but" with a
 * fix), settled news, a cause of our own or a question for the customer is never an excuse,
 * and an excuse names someone or something else, a rule, a cause or a "but" (CUE_CLASSES). */
export function mayCount(detection: ModelDetection, sentence: Span): boolean {
  const t = sentence.text;
  if (detection === 'offersAction') return !THEIR_NEWS.test(t);
  ACTION.lastIndex = 0;
  const fixed = ACTION.test(t);
  ACTION.lastIndex = 0;
  const ruledOut =
    OWNED.test(t) || SORRY_WE.test(t) || fixed || SETTLED.test(t) || OUR_CAUSE.test(t);
  if (ruledOut || ASKS.test(t)) return false;
  // "Our pharmacy", "our warehouse": a place or team of our own is no one else to blame
  // ("our supplier" still is).
  // Nor is a place things were sent to ("not sent to your pharmacy"), nor "since" as in "we've
  // since moved it".
  return tokenize(t).some((tok, i, all) => {
    const before = all[i - 1]?.norm ?? '';
    if (!CUE_CLASSES.has(CLASS_OF.get(tok.norm) ?? '')) return false;
    if (OUR_OWN.has(tok.norm) && before === 'our') return false;
    if (CLASS_OF.get(tok.norm) === '<other>' && all[i - 2]?.norm === 'to') return false;
    return !(tok.norm === 'since' && /^(?:we've|i've|have|has|had|ever|long)$/.test(before));
  });
}

/** A question asking the customer for something ("What is the supplier code?") blames nobody. */
const ASKS = /^(?:what|which|where|when|who|how|could you|can you|would you|please)\b[^.!]*\?$/i;

/** Outsider words that, after "our", name a place or people of the organisation's own. */
const OUR_OWN = new Set(
  'warehouse pharmacy hotel restaurant venue surgery hospital lab driver drivers agent agents installer airport'.split(
    ' ',
  ),
);

/** An excuse names who or what else is at fault, a rule, a cause or a "but". */
const CUE_CLASSES = new Set(['<other>', '<they>', '<but>', '<rule>', '<cause>', '<busy>']);

export function sentenceScore(m: SentenceModel, feats: ReadonlyArray<[string, Span]>): number {
  let z = m.bias;
  const seen = new Set<string>();
  for (const [f] of feats) {
    if (seen.has(f)) continue;
    seen.add(f);
    z += m.weights[f] ?? 0;
  }
  return 1 / (1 + Math.exp(-z));
}

/** Every sentence of the text the model counts, with the words it rests on. */
export function modelHits(text: string, m: SentenceModel, detection: ModelDetection): ModelHit[] {
  const hits: ModelHit[] = [];
  for (const s of sentences(text)) {
    const feats = sentenceFeatures(text, s);
    const score = sentenceScore(m, feats);
    if (score < m.threshold || !mayCount(detection, s)) continue;
    const best = new Map<string, number>();
    for (const [f, sp] of feats) {
      const w = m.weights[f] ?? 0;
      if (w > 0 && !PLAIN.has(sp.text.toLowerCase()))
        best.set(sp.text, Math.max(best.get(sp.text) ?? 0, w));
    }
    const evidence = [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_EVIDENCE)
      .map(([t]) => t);
    hits.push({ span: s, score: Math.round(score * 1000) / 1000, evidence });
  }
  return hits;
}

function loadModel(): CoachModel {
  const raw = JSON.parse(
    readFileSync(new URL('./coach-model.json', import.meta.url), 'utf8'),
  ) as CoachModel;
  for (const [name, m] of Object.entries(raw.detections ?? {})) {
    const ok =
      (MODEL_DETECTIONS as readonly string[]).includes(name) &&
      typeof m.bias === 'number' &&
      typeof m.threshold === 'number' &&
      typeof m.weights === 'object';
    if (!ok) throw new Error(`coach-model.json: bad model for ${name}`);
  }
  return raw;
}

/** The shipped model (src/language/coach-model.json). */
export const COACH_MODEL: CoachModel = loadModel();
