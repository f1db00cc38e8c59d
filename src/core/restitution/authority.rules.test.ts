import { describe, expect, test } from 'vitest';
import type { RestitutionKind } from '../../contracts/enums.ts';
import type { Role } from '../shared/roles.rules.ts';
import {
  checkAuthority,
  DEFAULT_COMPENSATION,
  fromMinor,
  remainingAuthority,
  toMinor,
} from './authority.rules.ts';

describe('money in minor units', () => {
  test.each([
    ['0', 0],
    ['50', 5000],
    ['50.5', 5050],
    ['50.05', 5005],
    ['0.99', 99],
    ['1234567.89', 123456789],
  ])('%s → %i', (s, minor) => {
    expect(toMinor(s)).toBe(minor);
    expect(toMinor(fromMinor(minor))).toBe(minor);
  });
});

describe('authority limits (agent £50, supervisor £500, admin unlimited)', () => {
  const check = (
    role: Role,
    kind: RestitutionKind,
    amount: string,
    given = '0',
    currency = 'GBP',
  ) =>
    checkAuthority({
      policy: DEFAULT_COMPENSATION,
      role,
      kind,
      amountMinor: toMinor(amount),
      currency,
      alreadyGivenMinor: toMinor(given),
    });

  test.each<[Role, RestitutionKind, string, string, boolean, string | undefined]>([
    ['agent', 'refund', '50', '0', true, undefined],
    ['agent', 'refund', '50.01', '0', false, 'over_limit'],
    ['agent', 'credit', '20', '30', true, undefined],
    ['agent', 'credit', '20.01', '30', false, 'over_limit'],
    ['agent', 'goodwill', '0', '50', true, undefined],
    ['spokesperson', 'refund', '5', '0', false, 'kind_not_allowed'],
    ['spokesperson', 'flowers', '100', '0', true, undefined],
    ['supervisor', 'refund', '500', '0', true, undefined],
    ['supervisor', 'refund', '450', '60', false, 'over_limit'],
    ['admin', 'refund', '99999', '99999', true, undefined],
  ])(
    '%s giving %s of %s with %s already given → within=%s',
    (role, kind, amount, given, within, reason) => {
      const result = check(role, kind, amount, given);
      expect(result.isWithin).toBe(within);
      if (!result.isWithin) expect(result.reason).toBe(reason);
    },
  );

  test('another currency is refused', () => {
    expect(check('admin', 'refund', '1', '0', 'EUR')).toMatchObject({
      isWithin: false,
      reason: 'currency',
    });
  });

  test.each<[Role, string, number | null]>([
    ['agent', '0', 5000],
    ['agent', '45', 500],
    ['agent', '70', 0],
    ['admin', '1000', null],
  ])('remaining for %s after %s', (role, given, remaining) => {
    expect(remainingAuthority(DEFAULT_COMPENSATION, role, toMinor(given))).toBe(remaining);
  });
});
