// Pure rules of the staff debrief (R24): who may see or complete one, and the news about the
// customer that every debrief carries. Blameless by design: nothing here scores a person.
import type { Role } from '../shared/roles.rules.ts';

/** Roles that may read and complete anyone's debrief (everyone else: only their own). */
export const DEBRIEF_MANAGERS: readonly Role[] = ['manager', 'admin'];

export function mayAccessDebrief(
  actor: { kind: 'user'; id: string; role: Role } | { kind: 'system' },
  assignedUserId: string,
): boolean {
  if (actor.kind === 'system') return true;
  return actor.id === assignedUserId || DEBRIEF_MANAGERS.includes(actor.role);
}

export interface CustomerOutcome {
  /** true: the customer stayed or accepted the fix; false: they did not; null: not known yet. */
  kept: boolean | null;
  verdict: string | null;
  willStay: string | null;
  news: string;
}

/** What the staff involved are told about the customer: their survey answer wins over the verdict. */
export function customerOutcome(input: {
  verdict: string | null;
  refusalReason: string | null;
  willStay: string | null;
}): CustomerOutcome {
  const { verdict, willStay } = input;
  const base = { verdict, willStay };
  if (willStay === 'yes') {
    return { ...base, kept: true, news: 'The customer was kept: they told us they will stay.' };
  }
  if (willStay === 'no') {
    return {
      ...base,
      kept: false,
      news: 'The customer told us they may leave; what you write here helps the next one stay.',
    };
  }
  if (verdict === 'exceeds' || verdict === 'meets') {
    const how = verdict === 'exceeds' ? 'more than met' : 'met';
    return {
      ...base,
      kept: true,
      news: `The customer was kept: they said the fix ${how} their expectations.`,
    };
  }
  if (verdict === 'falls_short') {
    return {
      ...base,
      kept: false,
      news: 'The customer said the fix fell short; what you write here helps the next one stay.',
    };
  }
  if (input.refusalReason) {
    return { ...base, kept: null, news: 'The customer declined to give a verdict on the fix.' };
  }
  return { ...base, kept: null, news: 'We have not heard yet how the customer feels.' };
}
