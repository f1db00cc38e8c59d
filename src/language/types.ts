// Shared types of the language module. Runtime schemas live in schemas.ts.

// One vocabulary for the whole product: the language module reads the same feelings agents confirm.
import type { Feeling } from '../contracts/enums.ts';

export { FEELINGS, type Feeling } from '../contracts/enums.ts';

/** A piece of the input text: [start, end) in UTF-16 code units, and the text itself. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface FeelingReading {
  feeling: Feeling;
  /** Model probability, 0..1, rounded to 3 decimals. */
  score: number;
  evidence: Span[];
}

export type Urgency = 0 | 1 | 2;

/** A reason is a plain label plus the words it rests on. */
export interface Reason {
  reason: string;
  span: Span;
}

export interface Analysis {
  feelings: FeelingReading[];
  urgency: Urgency;
  urgencyReasons: Reason[];
  activist: boolean;
  activistReasons: Reason[];
  repeat: boolean;
  repeatReasons: Reason[];
  wants: string | null;
  /** ISO 639-1 code, or 'und' when the text is too short or unclear. */
  language: string;
}
