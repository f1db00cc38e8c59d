// Reads a complaint: feelings, urgency, activism, repeat, the fix asked for, language.
// Deterministic; every judgement carries the words it rests on.
import { scoreFeelings } from './feelings.ts';
import { statedFeelings, withStated } from './feelings-stated.ts';
import { detectLanguage } from './language-id.ts';
import { detectActivist, detectRepeat, detectUrgency } from './signals.ts';
import { tokenize } from './tokenize.ts';
import type { Analysis } from './types.ts';
import { detectWants } from './wants.ts';

export type { Analysis, FeelingReading, Reason, Span, Urgency, Feeling } from './types.ts';

export function analyze(text: string): Analysis {
  const tokens = tokenize(text);
  const urgency = detectUrgency(text);
  const activistReasons = detectActivist(text);
  const repeatReasons = detectRepeat(text);
  return {
    feelings: withStated(scoreFeelings(text, tokens), statedFeelings(text)),
    urgency: urgency.urgency,
    urgencyReasons: urgency.reasons,
    activist: activistReasons.length > 0,
    activistReasons,
    repeat: repeatReasons.length > 0,
    repeatReasons,
    wants: detectWants(text),
    language: detectLanguage(text),
  };
}
