import { describe, expect, test } from 'vitest';
import { suggestionQuality } from './suggestion-quality.rules.ts';

describe('feeling suggestion quality', () => {
  test('counts agreements, extra suggestions and missed feelings per feeling', () => {
    const q = suggestionQuality([
      { suggested: ['angry', 'frustrated'], confirmed: ['angry'] },
      { suggested: ['angry'], confirmed: ['angry', 'anxious'] },
      { suggested: [], confirmed: ['sad'] },
    ]);
    const of = (f: string) => q.byFeeling.find((x) => x.feeling === f);
    expect(q.cases).toBe(3);
    expect(of('angry')).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(of('frustrated')).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
    expect(of('anxious')).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0 });
    expect(of('sad')).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  test('no confirmed cases gives empty counts, not errors', () => {
    expect(
      suggestionQuality([]).byFeeling.every((f) => f.precision === null && f.recall === null),
    ).toBe(true);
  });
});
