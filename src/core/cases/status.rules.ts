// The case lifecycle. Reopening is an explicit transition, always with a reason.
import type { CaseStatus } from '../../contracts/enums.ts';

const ALLOWED: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['in_progress', 'awaiting_customer', 'resolved'],
  in_progress: ['awaiting_customer', 'resolved'],
  awaiting_customer: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Moving back to work from resolved or closed is a reopen, which needs a reason. */
export function isReopen(from: CaseStatus, to: CaseStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'in_progress';
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'closed';
}
