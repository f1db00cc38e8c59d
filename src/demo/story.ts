// The shape of a demo story: one complaint and what the desk did about it, step by step. The
// loader (load-stories.ts) plays each step through the core action a person would use, on a
// clock that starts when the complaint arrived, so every timeline event is real and dated.
import type { Channel, Feeling, RestitutionKind, Severity, Verdict } from '../contracts/enums.ts';

export type StaffKey =
  'morgan' | 'sam' | 'lena' | 'tomas' | 'priya' | 'ravi' | 'ana' | 'jo' | 'kit' | 'dana';

export type ProblemKey = 'unattended_parcels' | 'refund_queue' | 'code_expiry';

/** Minutes in a day, for steps that happen the next day or later. */
export const DAY = 24 * 60;

export type Step = { after?: number } & (
  | { do: 'reply'; body: string; channel?: Channel }
  | { do: 'note'; body: string }
  | { do: 'restate'; text: string; isConfirmed: boolean }
  | { do: 'feelings'; feelings: Feeling[] }
  | { do: 'tick'; step: 'apologize' | 'own_it' | 'reassure_change' | 'follow_up'; notes?: string }
  | { do: 'offer'; options: string[]; idea?: string }
  /** Picks an option by its place among all the options offered on the case so far. */
  | { do: 'choose'; option: number }
  | { do: 'deliver' }
  | { do: 'verdict'; verdict: Verdict; note?: string }
  | { do: 'refuse'; reason: string }
  | { do: 'give'; kind: RestitutionKind; amount: string; note?: string }
  /** Decides the case's latest request for approval. */
  | { do: 'decide'; by: StaffKey; approve: boolean; reason: string }
  /** An open promise falls due that many minutes after the load; a settled one after its making. */
  | { do: 'promise'; what: string; dueIn: number; isOpen?: boolean }
  /** Settles the case's latest open promise. */
  | { do: 'settle'; outcome: 'kept' | 'broken'; note?: string }
  | { do: 'wait'; reason: string }
  | { do: 'resume'; reason: string }
  | { do: 'transfer'; to: StaffKey; reason: string }
  | { do: 'contact'; channel: 'phone' | 'letter' | 'in_person'; body: string; seconds?: number }
  | { do: 'involve'; staff: StaffKey; role: string }
  | { do: 'link'; problem: ProblemKey }
  | { do: 'cause'; category: string }
  | { do: 'oneOff'; reason: string }
  | { do: 'thank' }
  | { do: 'close' }
  | { do: 'reopen'; reason: string }
);

export interface DemoStory {
  channel: Channel;
  category: string;
  subject: string;
  /** The customer's own words (or, for a call, letter or visit, what staff wrote down). */
  account: string;
  customer: {
    firstName: string;
    lastName: string;
    email?: string;
    phone?: string;
    handle?: string;
    lifetimeValue: string;
  };
  owner: StaffKey;
  /** When it arrived: this many days before today, at this local time (HH:MM). */
  daysAgo: number;
  at: string;
  severity?: Severity;
  callSeconds?: number;
  steps: Step[];
}

/** Listening well: the restatement confirmed, the feelings named, an apology, ownership. */
export function listen(restatement: string, feelings: Feeling[]): Step[] {
  return [
    { do: 'restate', text: restatement, isConfirmed: true, after: 6 },
    { do: 'feelings', feelings, after: 2 },
    { do: 'tick', step: 'apologize', after: 1 },
    { do: 'tick', step: 'own_it', after: 1 },
  ];
}

/** The end of a recovery: what will change, thanks, the cause, and closure. */
export function closeWith(cause: Step, after = 30): Step[] {
  return [
    { do: 'tick', step: 'reassure_change', after },
    { do: 'thank', after: 2 },
    { ...cause, after: 5 },
    { do: 'close', after: 3 },
  ];
}
