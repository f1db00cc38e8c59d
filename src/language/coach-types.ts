import type { Feeling, Span } from './types.ts';

export interface CoachContext {
  customerFirstName?: string;
  confirmedFeelings?: Feeling[];
  remainingAuthority?: { amount: number; currency: string } | null;
  openPromises?: Array<{ what: string; dueAt: string }>;
  isClosing?: boolean;
  /** The customer already complained about the same problem (R22): an apology alone is not enough. */
  isRepeat?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  span: Span | null;
  explanation: string;
  suggestion: string;
}

export interface CoachDetections {
  apology: boolean;
  apologyEarly: boolean;
  conditionalApology: boolean;
  blameShift: boolean;
  thanks: boolean;
  usesFirstName: boolean;
  acknowledgesFeeling: boolean;
  concreteNextTime: boolean;
  vagueTime: boolean;
  offersAction: boolean;
  deflectsChannel: boolean;
  statesChange: boolean;
  beyondAuthority: boolean;
  evasivePassive: boolean;
}

export interface CoachResult {
  findings: Finding[];
  has: CoachDetections;
}
