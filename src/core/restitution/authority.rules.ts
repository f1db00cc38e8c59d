// R7: what a role may give without asking. Money is handled in minor units (pence, cents)
// so limits compare exactly.
import type { RestitutionKind } from '../../contracts/enums.ts';
import type { CompensationPolicy } from '../../contracts/settings.ts';
import type { Role } from '../shared/roles.rules.ts';

export function toMinor(amount: string): number {
  const [whole = '0', frac = ''] = amount.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

export function fromMinor(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

export type AuthorityCheck =
  | { isWithin: true; remainingMinor: number | null }
  | {
      isWithin: false;
      reason: 'kind_not_allowed' | 'over_limit' | 'currency';
      remainingMinor: number | null;
    };

/** Remaining authority on a case for a role, in minor units; null means unlimited. */
export function remainingAuthority(
  policy: CompensationPolicy,
  role: Role,
  alreadyGivenMinor: number,
): number | null {
  const rule = policy.byRole[role];
  if (!rule) return 0;
  if (rule.maxPerCase === null) return null;
  return Math.max(0, toMinor(rule.maxPerCase) - alreadyGivenMinor);
}

export function checkAuthority(input: {
  policy: CompensationPolicy;
  role: Role;
  kind: RestitutionKind;
  amountMinor: number;
  currency: string;
  alreadyGivenMinor: number;
}): AuthorityCheck {
  const { policy, role } = input;
  const remainingMinor = remainingAuthority(policy, role, input.alreadyGivenMinor);
  if (input.currency !== policy.currency)
    return { isWithin: false, reason: 'currency', remainingMinor };
  const rule = policy.byRole[role];
  if (!rule || !rule.kinds.includes(input.kind)) {
    return { isWithin: false, reason: 'kind_not_allowed', remainingMinor };
  }
  if (remainingMinor !== null && input.amountMinor > remainingMinor) {
    return { isWithin: false, reason: 'over_limit', remainingMinor };
  }
  return { isWithin: true, remainingMinor };
}

export const DEFAULT_COMPENSATION: CompensationPolicy = {
  currency: 'GBP',
  byRole: {
    agent: {
      kinds: ['refund', 'credit', 'discount', 'replacement', 'gift_card', 'flowers', 'goodwill'],
      maxPerCase: '50',
    },
    spokesperson: {
      kinds: ['credit', 'discount', 'gift_card', 'flowers', 'goodwill'],
      maxPerCase: '100',
    },
    supervisor: {
      kinds: ['refund', 'credit', 'discount', 'replacement', 'gift_card', 'flowers', 'goodwill'],
      maxPerCase: '500',
    },
    manager: {
      kinds: ['refund', 'credit', 'discount', 'replacement', 'gift_card', 'flowers', 'goodwill'],
      maxPerCase: '2000',
    },
    admin: {
      kinds: ['refund', 'credit', 'discount', 'replacement', 'gift_card', 'flowers', 'goodwill'],
      maxPerCase: null,
    },
  },
};
