import { describe, expect, test } from 'vitest';
import type { Channel, ContactKind } from '../../contracts/enums.ts';
import { deliveryChannel, retryDelaySeconds, type Preference } from './delivery.rules.ts';

describe('deliveryChannel', () => {
  test.each<[Channel, Preference | null, ContactKind[], Channel | undefined, Channel]>([
    ['sms', null, ['phone'], undefined, 'sms'],
    ['email', null, ['email'], undefined, 'email'],
    ['email', null, ['email', 'phone'], 'sms', 'sms'],
    ['web', 'sms', ['email', 'phone'], undefined, 'sms'],
    ['web', 'email', ['email', 'phone'], undefined, 'email'],
    ['web', 'phone', ['email', 'phone'], undefined, 'email'],
    ['web', 'phone', ['phone'], undefined, 'sms'],
    ['web', 'sms', ['email'], undefined, 'email'],
    ['web', null, [], undefined, 'web'],
    ['social', null, ['social'], undefined, 'social'],
    ['social', null, ['social', 'email'], undefined, 'social'],
    ['social', 'email', ['social', 'email'], undefined, 'email'],
    ['social', null, ['email'], undefined, 'email'],
    ['phone', null, ['phone', 'email'], undefined, 'phone'],
    ['letter', 'email', ['email'], undefined, 'email'],
    ['in_person', 'sms', ['phone'], undefined, 'sms'],
    ['sms', null, ['email'], undefined, 'email'],
    ['email', 'sms', ['email', 'phone'], undefined, 'sms'],
  ])(
    '%s case, prefers %s, contacts %j, asked %s → %s',
    (caseChannel, preferred, contacts, requested, expected) => {
      expect(deliveryChannel({ caseChannel, preferred, contacts, requested })).toBe(expected);
    },
  );
});

describe('retryDelaySeconds', () => {
  test('doubles from the first delay and stays at the ceiling', () => {
    const policy = { firstSeconds: 5, maxSeconds: 600 };
    expect([0, 1, 2, 6, 7, 8, 500].map((a) => retryDelaySeconds(a, policy))).toEqual([
      5, 10, 20, 320, 600, 600, 600,
    ]);
  });
});
