// A case closes only when the person, the problem and the system are all dealt with.
import type { Verdict } from '../../contracts/enums.ts';

export interface ClosureFacts {
  verdict: Verdict | null;
  refusalReason: string | null;
  thankedAt: Date | null;
  hasChosenOption: boolean;
  chosenDelivered: boolean;
  rootCauseCategory: string | null;
  oneOffReason: string | null;
  missingRequiredSteps: Array<{ key: string; label: string }>;
  hasPendingApproval: boolean;
  openPromises: number;
  isResolved: boolean;
}

export interface MissingItem {
  part: 'person' | 'problem' | 'system' | 'playbook';
  code: string;
  message: string;
}

function personGaps(f: ClosureFacts): MissingItem[] {
  const out: MissingItem[] = [];
  const accepted = f.verdict === 'meets' || f.verdict === 'exceeds';
  if (!accepted && !f.refusalReason) {
    const message =
      f.verdict === 'falls_short'
        ? 'The customer said the fix falls short: agree a better one, or record why they refused.'
        : 'Record whether the chosen fix meets the customer’s expectations, or why they refused it.';
    out.push({ part: 'person', code: 'verdict', message });
  }
  if (!f.thankedAt)
    out.push({ part: 'person', code: 'thanked', message: 'Thank the customer for telling us.' });
  return out;
}

function problemGaps(f: ClosureFacts): MissingItem[] {
  if (f.refusalReason && !f.hasChosenOption) return [];
  if (!f.hasChosenOption)
    return [
      { part: 'problem', code: 'chosen_option', message: 'Choose the resolution to carry out.' },
    ];
  if (!f.chosenDelivered)
    return [
      { part: 'problem', code: 'delivered', message: 'Mark the chosen resolution as delivered.' },
    ];
  return [];
}

// These steps complete themselves from facts the person/system checks already ask for.
const COVERED_ABOVE = new Set(['thank', 'confirm_acceptance', 'fix_system']);

export function closureGaps(f: ClosureFacts): MissingItem[] {
  const gaps = [...personGaps(f), ...problemGaps(f)];
  if (!f.rootCauseCategory && !f.oneOffReason) {
    gaps.push({
      part: 'system',
      code: 'root_cause',
      message: 'Record a root-cause category, or mark the case a one-off with a reason.',
    });
  }
  if (f.hasPendingApproval) {
    gaps.push({
      part: 'problem',
      code: 'approval',
      message: 'A restitution approval is still pending.',
    });
  }
  if (f.openPromises > 0) {
    gaps.push({
      part: 'person',
      code: 'promises',
      message: `Settle the ${f.openPromises} open promise(s) first: kept or broken.`,
    });
  }
  // Listed with the rest, so an early close names every step still to take in one go.
  if (!f.isResolved) {
    gaps.push({
      part: 'problem',
      code: 'resolved',
      message: 'Mark the case resolved before closing it.',
    });
  }
  for (const step of f.missingRequiredSteps) {
    if (COVERED_ABOVE.has(step.key)) continue;
    gaps.push({
      part: 'playbook',
      code: `step:${step.key}`,
      message: `Complete the required step “${step.label}”.`,
    });
  }
  return gaps;
}
