// The reply coach (R4, R5, R7, R11, R12, R13, R18): finds what a draft does and does not do,
// and says why it matters with a better wording. Pure and fast enough to run per keystroke.
import { findMoney, firstMatch, matches } from './coach-match.ts';
import { COACH_MODEL, modelHits, type CoachModel, type ModelHit } from './coach-model.ts';
import * as P from './coach-patterns.ts';
import type { CoachContext, CoachDetections, CoachResult, Finding } from './coach-types.ts';
import type { Feeling, Span } from './types.ts';

export type {
  CoachContext,
  CoachDetections,
  CoachResult,
  Finding,
  Severity,
} from './coach-types.ts';

/** An apology counts as early when it starts within this many words. */
const EARLY_WORDS = 25;

function wordsBefore(text: string, index: number): number {
  return (
    text
      .slice(0, index)
      .replace(/@\w+/g, '')
      .match(/[\p{L}\p{N}']+/gu) ?? []
  ).length;
}

/** "We're disappointed to hear…", "I'm saddened…": the agent's own feeling, not the customer's. */
const OWN_FEELING =
  /\b(?:we|i)(?:'re|'m| are| am| were| was)(?: (?:so|very|really|truly|deeply|incredibly))?\s*$/i;

function feelingSpan(draft: string, feelings: readonly Feeling[] | undefined): Span | null {
  const list =
    feelings && feelings.length > 0 ? feelings : (Object.keys(P.FEELING_WORDS) as Feeling[]);
  for (const f of list) {
    for (const s of matches(draft, P.FEELING_WORDS[f])) {
      if (!OWN_FEELING.test(draft.slice(Math.max(0, s.start - 30), s.start))) return s;
    }
  }
  return null;
}

/** The sentence a span sits in. */
function sentenceOf(text: string, span: Span): string {
  const before = text.slice(0, span.start);
  const start = Math.max(...['.', '!', '?'].map((c) => before.lastIndexOf(c))) + 1;
  const rest = text.slice(span.end).search(/[.!?]/);
  return text.slice(start, rest === -1 ? text.length : span.end + rest);
}

/** Spans in reading order, each kept only if it does not overlap one already kept (several
 * excuse patterns can find the same words). */
function withoutOverlaps(spans: Span[]): Span[] {
  const kept: Span[] = [];
  for (const s of [...spans].sort((x, y) => x.start - y.start || y.end - x.end)) {
    const last = kept[kept.length - 1];
    if (last === undefined || s.start >= last.end) kept.push(s);
  }
  return kept;
}

/** How many characters remain in the span's sentence after it. */
function restOfSentence(text: string, span: Span): number {
  const rest = text.slice(span.end).search(/[.!?]/);
  return rest === -1 ? text.length - span.end : rest;
}

function nameSpan(draft: string, name: string | undefined): Span | null {
  const n = name?.trim();
  if (!n) return null;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return firstMatch(draft, new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'giu'));
}

/** Sentences the learned model counts that no pattern span already covers. */
function learnedHits(
  draft: string,
  model: CoachModel | null,
  detection: 'blameShift' | 'offersAction',
  covered: readonly Span[],
): ModelHit[] {
  const m = model?.detections[detection];
  if (m === undefined) return [];
  return modelHits(draft, m, detection).filter(
    (h) => !covered.some((c) => c.start < h.span.end && c.end > h.span.start),
  );
}

const quoted = (words: readonly string[]): string => words.map((x) => `"${x}"`).join(', ');

/** `model` is the learned half of blame and action (coach-model.json); `null` runs the
 * patterns alone, as the model's training script does. */
export function coach(
  draft: string,
  context: CoachContext = {},
  model: CoachModel | null = COACH_MODEL,
): CoachResult {
  const findings: Finding[] = [];
  const add = (f: Finding): void => void findings.push(f);

  const apology = firstMatch(draft, P.APOLOGY);
  const conditional = matches(draft, P.CONDITIONAL_APOLOGY);
  const blame = withoutOverlaps([
    ...P.BLAME_SHIFT.flatMap((re) => matches(draft, re)),
    ...matches(draft, P.BLAME_NAMED),
    ...matches(draft, P.BLAME_NAMED_CAUSE),
    // "sorry, but…" followed by a fix in the same sentence is news, not an excuse
    ...matches(draft, P.SORRY_BUT).filter(
      (s) => firstMatch(draft.slice(s.end, s.end + restOfSentence(draft, s)), P.ACTION) === null,
    ),
  ]).filter((s) => !P.OWNED.test(sentenceOf(draft, s)));
  const thanks = firstMatch(draft, P.THANKS);
  const name = nameSpan(draft, context.customerFirstName);
  const feeling = feelingSpan(draft, context.confirmedFeelings);
  const concrete = firstMatch(draft, P.CONCRETE_TIME);
  const vague = firstMatch(draft, P.VAGUE_TIME);
  const channel = firstMatch(draft, P.CHANNEL) ?? firstMatch(draft, P.LINK);
  // "Going forward" states a change unless its sentence is a hope or an invitation ("we'll
  // aim to do better in future", "let us know if it happens in future").
  const change =
    matches(draft, P.CHANGE).find(
      (m) => !P.ONLY_LATER.test(m.text) || !P.LATER_HOPE.test(sentenceOf(draft, m)),
    ) ?? null;
  // A change already made for everyone ("we've added a check…") is an action too, unless the
  // reply only sends the customer elsewhere.
  const patternAction =
    firstMatch(draft, P.ACTION) ??
    (channel === null
      ? (firstMatch(draft, P.GENERIC_ACTION) ??
        (change && !P.ONLY_LATER.test(change.text) ? change : null))
      : null);
  const action = patternAction ?? learnedHits(draft, model, 'offersAction', [])[0]?.span ?? null;
  const learnedBlame = learnedHits(draft, model, 'blameShift', blame);
  const passive = matches(draft, P.EVASIVE_PASSIVE);
  const overLimit = beyondAuthority(draft, context, add);

  const apologyEarly = apology !== null && wordsBefore(draft, apology.start) < EARLY_WORDS;
  if (apology === null) {
    add({
      rule: 'apology.missing',
      severity: 'warning',
      span: null,
      explanation:
        'The reply never apologises. A plain apology early on tells the customer you take it seriously.',
      suggestion: 'Open with a plain apology, e.g. "I am sorry we got this wrong."',
    });
  } else if (!apologyEarly) {
    add({
      rule: 'apology.late',
      severity: 'info',
      span: apology,
      explanation:
        'The apology comes late in the reply; by then the customer has read your explanation first.',
      suggestion: 'Move the apology to the first sentence or two.',
    });
  }
  for (const span of conditional) {
    add({
      rule: 'apology.conditional',
      severity: 'error',
      span,
      explanation:
        "This apology is conditional or minimising: it doubts the problem or puts it on the customer's feelings.",
      suggestion: 'Apologise for what happened, without "if": "I am sorry we let you down."',
    });
  }
  for (const span of blame) {
    add({
      rule: 'apology.excuse',
      severity: 'error',
      span,
      explanation:
        'This shifts the blame or makes an excuse (a colleague, a supplier, the weather, policy, the customer, or "sorry, but").',
      suggestion:
        'Own the failure for the organisation: "We got this wrong, and I will put it right."',
    });
  }
  for (const hit of learnedBlame) {
    add({
      rule: 'apology.excuse',
      severity: 'warning',
      span: hit.span,
      explanation: `This sentence reads like an excuse or blame put elsewhere (it rests on ${quoted(hit.evidence)}).`,
      suggestion:
        'If it explains the failure, own it for the organisation: "We got this wrong, and I will put it right."',
    });
  }
  if (thanks === null) {
    add({
      rule: 'thanks.missing',
      severity: 'info',
      span: null,
      explanation:
        'The reply does not thank the customer for telling you; a complaint is free advice.',
      suggestion: 'Add a line such as "Thank you for letting us know."',
    });
  }
  if (context.customerFirstName && name === null) {
    add({
      rule: 'name.missing',
      severity: 'info',
      span: null,
      explanation: "The customer's first name is known but not used.",
      suggestion: `Address the customer by name, e.g. "Hi ${context.customerFirstName},".`,
    });
  }
  const confirmed = context.confirmedFeelings ?? [];
  if (confirmed.length > 0 && feeling === null) {
    add({
      rule: 'feeling.unacknowledged',
      severity: 'warning',
      span: null,
      explanation: `The customer was read as ${confirmed.join(', ')}, and the reply does not name that feeling.`,
      suggestion: `Name it before the fix, e.g. "I can see why you are ${confirmed[0] ?? 'upset'}."`,
    });
  }
  if (concrete === null && vague !== null) {
    add({
      rule: 'time.vague',
      severity: 'warning',
      span: vague,
      explanation: 'A vague time is a promise nobody can keep or check.',
      suggestion: 'Give a real time you can keep: "I will call you by 4 pm tomorrow."',
    });
  } else if (concrete === null) {
    add({
      rule: 'time.missing',
      severity: 'info',
      span: null,
      explanation: 'The reply sets no time for the next contact.',
      suggestion: 'Say when the customer will hear from you next, e.g. "by Friday noon".',
    });
  }
  const deflects = channel !== null && action === null;
  if (action === null) {
    add({
      rule: 'action.missing',
      severity: 'warning',
      span: null,
      explanation: 'No specific action or solution is offered yet.',
      suggestion: 'Say what you will do or have done: "I have issued a refund of the fee."',
    });
  }
  if (deflects) {
    add({
      rule: 'channel.deflect',
      severity: 'warning',
      span: channel,
      explanation:
        'The reply only points the customer elsewhere, so they have to explain it all again.',
      suggestion: 'Take the next step yourself, or say what will happen once they get in touch.',
    });
  }
  if (context.isClosing && change === null) {
    add({
      rule: 'closing.no-change',
      severity: 'warning',
      span: null,
      explanation:
        'A closing reply should say what will be different so this does not happen again.',
      suggestion:
        'State the change, or when the customer will hear about it: "We have added a check so…"',
    });
  }
  if (context.isRepeat && change === null) {
    add({
      rule: 'repeat.no-change',
      severity: 'error',
      span: null,
      explanation:
        'This customer has complained about the same problem before. Apologising again without saying what changed is the failure they will not forgive.',
      suggestion:
        'Say what has changed since last time, or when it will: "Since your last message we have… / By 4 December we will…"',
    });
  }
  for (const span of passive) {
    add({
      rule: 'passive.evasive',
      severity: 'warning',
      span,
      explanation: 'The passive voice hides who did it; it reads as dodging responsibility.',
      suggestion: 'Say who: "We lost your parcel", "I made a mistake".',
    });
  }
  promiseReminders(context, add);

  const has: CoachDetections = {
    apology: apology !== null,
    apologyEarly,
    conditionalApology: conditional.length > 0,
    blameShift: blame.length > 0 || learnedBlame.length > 0,
    thanks: thanks !== null,
    usesFirstName: name !== null,
    acknowledgesFeeling: feeling !== null,
    concreteNextTime: concrete !== null,
    vagueTime: vague !== null,
    offersAction: action !== null,
    deflectsChannel: deflects,
    statesChange: change !== null,
    beyondAuthority: overLimit,
    evasivePassive: passive.length > 0,
  };
  return { findings, has };
}

function beyondAuthority(draft: string, context: CoachContext, add: (f: Finding) => void): boolean {
  let over = false;
  const limit = context.remainingAuthority;
  if (limit !== undefined) {
    for (const m of findMoney(draft)) {
      const sameCurrency = limit !== null && m.currency === limit.currency.toUpperCase();
      if (limit !== null && sameCurrency && m.amount <= limit.amount) continue;
      over = true;
      add({
        rule: 'authority.exceeded',
        severity: 'error',
        span: m.span,
        explanation:
          limit === null
            ? 'You have no authority left to offer money on this case.'
            : sameCurrency
              ? `This offers more than your remaining authority of ${limit.amount} ${limit.currency.toUpperCase()}.`
              : `This amount is not in ${limit.currency.toUpperCase()}, the currency of your authority.`,
        suggestion: 'Offer within your limit, or ask a supervisor to approve first.',
      });
    }
  }
  for (const span of matches(draft, P.GUARANTEE)) {
    over = true;
    add({
      rule: 'authority.guarantee',
      severity: 'warning',
      span,
      explanation: 'This promises more than anyone can keep; a broken promise is worse than none.',
      suggestion: 'Promise what you control: "I will check it myself on Friday."',
    });
  }
  return over;
}

function promiseReminders(context: CoachContext, add: (f: Finding) => void): void {
  for (const p of context.openPromises ?? []) {
    add({
      rule: 'promise.open',
      severity: 'info',
      span: null,
      explanation: `An open promise is due ${p.dueAt}: ${p.what}.`,
      suggestion: 'Say where that promise stands, or keep it in this reply.',
    });
  }
}
