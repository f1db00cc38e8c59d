// How good were the feelings suggested at intake? Each confirmation by an agent is the truth;
// per feeling: suggested and confirmed (tp), suggested only (fp), confirmed only (fn).
import { FEELINGS, type Feeling } from '../../contracts/enums.ts';

export interface Judged {
  suggested: readonly string[];
  confirmed: readonly string[];
}

export interface FeelingQuality {
  feeling: Feeling;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

export function suggestionQuality(cases: Judged[]): { cases: number; byFeeling: FeelingQuality[] } {
  const byFeeling = FEELINGS.map((feeling) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of cases) {
      const s = c.suggested.includes(feeling);
      const t = c.confirmed.includes(feeling);
      if (s && t) tp++;
      else if (s) fp++;
      else if (t) fn++;
    }
    return { feeling, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
  });
  return { cases: cases.length, byFeeling };
}
