import { describe, expect, test } from 'vitest';
import { DEFAULT_PLAYBOOK, nextStep, progress, solutionNudge } from './playbook.rules.ts';

const at = new Date('2026-11-20T10:00:00Z');

describe('the recovery playbook', () => {
  test('follows the order listen → … → debrief', () => {
    expect(DEFAULT_PLAYBOOK.map((s) => s.key)).toEqual([
      'listen',
      'repeat_back',
      'acknowledge_feelings',
      'apologize',
      'own_it',
      'offer_solutions',
      'confirm_acceptance',
      'restitution',
      'reassure_change',
      'follow_up',
      'thank',
      'fix_system',
      'debrief',
    ]);
  });

  test('the next step is the first one not done', () => {
    const steps = progress(
      DEFAULT_PLAYBOOK,
      new Map([
        ['listen', at],
        ['acknowledge_feelings', at],
      ]),
    );
    expect(nextStep(steps)?.key).toBe('repeat_back');
    expect(
      nextStep(progress(DEFAULT_PLAYBOOK, new Map(DEFAULT_PLAYBOOK.map((s) => [s.key, at])))),
    ).toBeNull();
  });

  test.each([
    ['feelings not yet acknowledged', new Map([['listen', at]]), DEFAULT_PLAYBOOK, true],
    ['feelings acknowledged', new Map([['acknowledge_feelings', at]]), DEFAULT_PLAYBOOK, false],
    [
      'organisation removed the feelings step',
      new Map(),
      DEFAULT_PLAYBOOK.filter((s) => s.key !== 'acknowledge_feelings'),
      false,
    ],
  ] as const)('solutions nudge when %s', (_name, done, playbook, expected) => {
    expect(solutionNudge([...playbook], new Map(done)) !== null).toBe(expected);
  });
});
