// How good were intake's suggested complainer type and category? Each case staff classified is
// the truth. Per label: suggested and kept (tp), suggested but changed (fp), set by staff
// without being suggested (fn). "Accuracy" is the share of suggestions staff kept.
export interface Classified {
  suggested: string | null;
  confirmed: string | null;
}

export interface LabelQuality {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const norm = (s: string | null) => (s === null ? null : s.trim().toLowerCase() || null);

export function classificationQuality(rows: readonly Classified[]): {
  cases: number;
  suggested: number;
  kept: number;
  accuracy: number | null;
  byLabel: LabelQuality[];
} {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (label: string, key: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0 };
    c[key]++;
    counts.set(label, c);
  };
  let suggested = 0;
  let kept = 0;
  for (const r of rows) {
    const s = norm(r.suggested);
    const t = norm(r.confirmed);
    if (s !== null) suggested++;
    if (s !== null && s === t) {
      kept++;
      bump(s, 'tp');
      continue;
    }
    if (s !== null) bump(s, 'fp');
    if (t !== null) bump(t, 'fn');
  }
  const byLabel = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, c]) => ({
      label,
      ...c,
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
    }));
  return { cases: rows.length, suggested, kept, accuracy: ratio(kept, suggested), byLabel };
}
