import { describe, expect, test } from 'vitest';
import { classificationQuality } from './classification-quality.rules.ts';

describe('classification suggestions against what staff settled on', () => {
  test('counts kept, changed and missed suggestions per label', () => {
    const q = classificationQuality([
      { suggested: 'activist', confirmed: 'activist' },
      { suggested: 'activist', confirmed: 'irate' },
      { suggested: null, confirmed: 'activist' },
      { suggested: null, confirmed: null },
      { suggested: 'Billing', confirmed: 'billing ' },
    ]);
    expect(q).toMatchObject({ cases: 5, suggested: 3, kept: 2, accuracy: 0.667 });
    expect(q.byLabel).toEqual([
      { label: 'activist', tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 },
      { label: 'billing', tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 },
      { label: 'irate', tp: 0, fp: 0, fn: 1, precision: null, recall: 0 },
    ]);
  });

  test('no suggestions gives no accuracy rather than zero', () => {
    expect(classificationQuality([{ suggested: null, confirmed: 'voicer' }]).accuracy).toBeNull();
  });
});
