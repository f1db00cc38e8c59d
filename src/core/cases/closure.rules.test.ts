import { describe, expect, test } from 'vitest';
import { closureGaps, type ClosureFacts } from './closure.rules.ts';

const done: ClosureFacts = {
  verdict: 'meets',
  refusalReason: null,
  thankedAt: new Date('2026-11-20T10:00:00Z'),
  hasChosenOption: true,
  chosenDelivered: true,
  rootCauseCategory: 'courier handling',
  oneOffReason: null,
  missingRequiredSteps: [],
  hasPendingApproval: false,
  openPromises: 0,
  isResolved: true,
};

const codes = (f: Partial<ClosureFacts>) => closureGaps({ ...done, ...f }).map((g) => g.code);

describe('closure conditions', () => {
  test('a fully recovered case can close', () => {
    expect(closureGaps(done)).toEqual([]);
  });

  test.each<[string, Partial<ClosureFacts>, string[]]>([
    ['no verdict', { verdict: null }, ['verdict']],
    ['verdict falls short', { verdict: 'falls_short' }, ['verdict']],
    ['exceeds is fine', { verdict: 'exceeds' }, []],
    [
      'refusal with a reason replaces the verdict',
      { verdict: null, refusalReason: 'Wants to go elsewhere' },
      [],
    ],
    [
      'refusal needs no chosen option',
      {
        verdict: null,
        refusalReason: 'No fix wanted',
        hasChosenOption: false,
        chosenDelivered: false,
      },
      [],
    ],
    ['not thanked', { thankedAt: null }, ['thanked']],
    ['nothing chosen', { hasChosenOption: false, chosenDelivered: false }, ['chosen_option']],
    ['chosen but not delivered', { chosenDelivered: false }, ['delivered']],
    ['no root cause', { rootCauseCategory: null }, ['root_cause']],
    [
      'one-off with a reason replaces the root cause',
      { rootCauseCategory: null, oneOffReason: 'Freak storm damage' },
      [],
    ],
    ['approval pending', { hasPendingApproval: true }, ['approval']],
    ['open promise', { openPromises: 2 }, ['promises']],
    ['not resolved yet', { isResolved: false }, ['resolved']],
    [
      'a required manual step',
      { missingRequiredSteps: [{ key: 'apologize', label: 'Apologise' }] },
      ['step:apologize'],
    ],
    [
      'steps covered by facts are not listed twice',
      { thankedAt: null, missingRequiredSteps: [{ key: 'thank', label: 'Thank' }] },
      ['thanked'],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(codes(facts)).toEqual(expected);
  });

  test('an early close lists every gap at once, being unresolved among them', () => {
    expect(codes({ verdict: null, thankedAt: null, isResolved: false })).toEqual([
      'verdict',
      'thanked',
      'resolved',
    ]);
  });

  test('every gap names its part and says what to do', () => {
    const gaps = closureGaps({
      ...done,
      verdict: null,
      thankedAt: null,
      hasChosenOption: false,
      rootCauseCategory: null,
    });
    expect(gaps.map((g) => g.part)).toEqual(['person', 'person', 'problem', 'system']);
    for (const g of gaps) expect(g.message.length).toBeGreaterThan(10);
  });
});
