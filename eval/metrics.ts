// Precision, recall and F1 per label, printed as one aligned table.

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface LabelScore extends Counts {
  label: string;
  precision: number;
  recall: number;
  f1: number;
}

export function score(label: string, c: Counts): LabelScore {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, ...c, precision, recall, f1 };
}

/** Tallies multi-label predictions against gold sets. */
export function tally(
  labels: readonly string[],
  pairs: Iterable<[Set<string>, Set<string>]>,
): LabelScore[] {
  const counts = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  for (const [gold, pred] of pairs) {
    for (const [l, c] of counts) {
      const g = gold.has(l);
      const p = pred.has(l);
      if (g && p) c.tp++;
      else if (p) c.fp++;
      else if (g) c.fn++;
    }
  }
  return labels.map((l) => score(l, counts.get(l) ?? { tp: 0, fp: 0, fn: 0 }));
}

export function macroF1(scores: readonly LabelScore[]): number {
  return scores.length === 0 ? 0 : scores.reduce((s, x) => s + x.f1, 0) / scores.length;
}

const f = (x: number): string => x.toFixed(3);

export function printTable(title: string, scores: readonly LabelScore[], target?: number): void {
  console.log(`\n${title}`);
  console.log(
    `  ${'label'.padEnd(26)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp/fp/fn`,
  );
  for (const s of scores) {
    const flag = target !== undefined && s.f1 < target ? '  below target' : '';
    console.log(
      `  ${s.label.padEnd(26)} ${f(s.precision).padStart(6)} ${f(s.recall).padStart(6)} ${f(s.f1).padStart(6)}   ${s.tp}/${s.fp}/${s.fn}${flag}`,
    );
  }
}
