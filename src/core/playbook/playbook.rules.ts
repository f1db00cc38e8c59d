// The recovery playbook (R16): listen → repeat back → feelings → apologise → own it → offer
// solutions → confirm acceptance → restitution → reassure → follow up → thank → fix the system →
// debrief. Several steps complete themselves when the matching first-class fact is recorded.
import type { PlaybookStep } from '../../contracts/settings.ts';

export const DEFAULT_PLAYBOOK: PlaybookStep[] = [
  { key: 'listen', label: "Take in the customer's own account", isRequired: true },
  { key: 'repeat_back', label: 'Repeat it back and get it confirmed', isRequired: true },
  { key: 'acknowledge_feelings', label: 'Name how the customer feels', isRequired: true },
  { key: 'apologize', label: 'Apologise plainly, without excuses', isRequired: true },
  { key: 'own_it', label: 'Take ownership of putting it right', isRequired: true },
  {
    key: 'offer_solutions',
    label: 'Offer a solution or two and ask what would be fair',
    isRequired: true,
  },
  { key: 'confirm_acceptance', label: 'Confirm the customer accepts the fix', isRequired: true },
  { key: 'restitution', label: 'Make amends within your limits', isRequired: false },
  {
    key: 'reassure_change',
    label: 'Say what will change so it does not happen again',
    isRequired: false,
  },
  { key: 'follow_up', label: 'Check back after the fix', isRequired: false },
  { key: 'thank', label: 'Thank the customer for telling us', isRequired: true },
  { key: 'fix_system', label: 'Record the root cause so the process gets fixed', isRequired: true },
  { key: 'debrief', label: 'Debrief the staff involved, without blame', isRequired: false },
];

/** Steps that are completed by recording a fact rather than by ticking a box. */
export const AUTOMATIC_STEPS = {
  listen: 'the case is opened with the customer’s account',
  repeat_back: 'the customer confirms the restatement',
  acknowledge_feelings: 'the feelings are confirmed',
  offer_solutions: 'solutions are offered',
  confirm_acceptance: 'the customer’s verdict is recorded',
  restitution: 'restitution is granted',
  thank: 'the customer is thanked',
  fix_system: 'a root cause (or one-off reason) is recorded',
} as const;

export interface StepProgress {
  key: string;
  label: string;
  isRequired: boolean;
  doneAt: Date | null;
}

export function progress(playbook: PlaybookStep[], done: Map<string, Date>): StepProgress[] {
  return playbook.map((s) => ({ ...s, doneAt: done.get(s.key) ?? null }));
}

/** The first step not yet done, the one the agent should look at next. */
export function nextStep(steps: StepProgress[]): StepProgress | null {
  return steps.find((s) => s.doneAt === null) ?? null;
}

/**
 * R4: solutions before feelings draw a nudge, never a block. Returns the nudge text, or null
 * when the feelings step is done or the organisation removed it from the playbook.
 */
export function solutionNudge(playbook: PlaybookStep[], done: Map<string, Date>): string | null {
  const hasFeelingsStep = playbook.some((s) => s.key === 'acknowledge_feelings');
  if (!hasFeelingsStep || done.has('acknowledge_feelings')) return null;
  return 'Solutions were offered before the customer’s feelings were acknowledged. Name how they feel first: people accept a fix more readily once they feel heard.';
}
