import { describe, expect, test } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../contracts/enums.ts';
import { canTransition, isOpen, isReopen } from './status.rules.ts';

const ALLOWED: Array<[CaseStatus, CaseStatus]> = [
  ['new', 'in_progress'],
  ['new', 'awaiting_customer'],
  ['new', 'resolved'],
  ['in_progress', 'awaiting_customer'],
  ['in_progress', 'resolved'],
  ['awaiting_customer', 'in_progress'],
  ['awaiting_customer', 'resolved'],
  ['resolved', 'in_progress'],
  ['resolved', 'closed'],
  ['closed', 'in_progress'],
];

describe('case lifecycle', () => {
  const every = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.map((to) => [from, to] as [CaseStatus, CaseStatus]),
  );
  test.each(every)('%s → %s', (from, to) => {
    const expected = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(expected);
  });

  test.each([
    ['resolved', 'in_progress', true],
    ['closed', 'in_progress', true],
    ['awaiting_customer', 'in_progress', false],
    ['new', 'in_progress', false],
  ] as const)('reopen %s → %s is %s', (from, to, expected) => {
    expect(isReopen(from, to)).toBe(expected);
  });

  test('only closed is not open', () => {
    expect(CASE_STATUSES.filter((s) => !isOpen(s))).toEqual(['closed']);
  });
});
