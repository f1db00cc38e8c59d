// Trains the feelings model: one logistic regression per Redress feeling over unigram and
// bigram presence, learned from GoEmotions train only. 15% of train (chosen by comment id
// hash) is held out to pick per-feeling decision thresholds; the final weights are then
// refit on all of train. GoEmotions dev is never read here.
//   npx tsx eval/train-feelings.ts [--out src/language/feelings-model.json]
import { writeFileSync } from 'node:fs';
import { FEELINGS } from '../src/language/types.ts';
import { featureNames, tokenize } from '../src/language/tokenize.ts';
import { hasData, readGoEmotions, type EmotionRow } from './data.ts';

const HP = {
  epochs: Number(process.env.EPOCHS ?? 300),
  lr: Number(process.env.LR ?? 0.2),
  l2: Number(process.env.L2 ?? 3e-6),
  minCount: Number(process.env.MIN_COUNT ?? 2),
  posWeight: Number(process.env.POS_WEIGHT ?? 1),
  keep: Number(process.env.KEEP ?? 0.15),
  norm: (process.env.NORM ?? '1') === '1',
};
const L = FEELINGS.length;
const SCALE = 20;

interface Doc {
  feats: Int32Array;
  /** Feature value: 1/sqrt(distinct features in the text), whether or not they are kept. */
  x: number;
  y: Uint8Array;
}

function hashId(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 100;
}

function buildVocab(rows: EmotionRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    for (const f of new Set(featureNames(tokenize(r.text))))
      counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const vocab = new Map<string, number>();
  for (const [f, c] of counts) if (c >= HP.minCount) vocab.set(f, vocab.size);
  return vocab;
}

function toDocs(rows: EmotionRow[], vocab: Map<string, number>): Doc[] {
  return rows.map((r) => {
    const ids = new Set<number>();
    const names = new Set(featureNames(tokenize(r.text)));
    for (const f of names) {
      const id = vocab.get(f);
      if (id !== undefined) ids.add(id);
    }
    const x = HP.norm ? 1 / Math.sqrt(names.size || 1) : 1;
    return {
      feats: Int32Array.from(ids),
      x,
      y: Uint8Array.from(FEELINGS, (f) => (r.feelings.has(f) ? 1 : 0)),
    };
  });
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Full-batch Adam on mean log-loss + (l2 / 2)·|w|², so every weight is shrunk every step. */
function train(docs: Doc[], nFeat: number): { w: Float64Array; b: Float64Array } {
  const n = nFeat * L + L; // weights, then biases
  const theta = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const grad = new Float64Array(n);
  const bOff = nFeat * L;
  for (let step = 1; step <= HP.epochs; step++) {
    grad.fill(0);
    for (const d of docs) {
      const x = d.x;
      for (let k = 0; k < L; k++) {
        let z = theta[bOff + k] ?? 0;
        for (const f of d.feats) z += (theta[f * L + k] ?? 0) * x;
        const y = d.y[k] ?? 0;
        const g = ((sigmoid(z) - y) * (y === 1 ? HP.posWeight : 1)) / docs.length;
        grad[bOff + k] = (grad[bOff + k] ?? 0) + g;
        for (const f of d.feats) grad[f * L + k] = (grad[f * L + k] ?? 0) + g * x;
      }
    }
    const c1 = 1 - 0.9 ** step;
    const c2 = 1 - 0.999 ** step;
    for (let i = 0; i < n; i++) {
      const t = theta[i] ?? 0;
      const g = (grad[i] ?? 0) + (i < bOff ? HP.l2 * t : 0);
      const mi = 0.9 * (m[i] ?? 0) + 0.1 * g;
      const vi = 0.999 * (v[i] ?? 0) + 0.001 * g * g;
      m[i] = mi;
      v[i] = vi;
      theta[i] = t - (HP.lr * (mi / c1)) / (Math.sqrt(vi / c2) + 1e-8);
    }
  }
  return { w: theta.subarray(0, bOff), b: theta.subarray(bOff) };
}

function scores(d: Doc, w: Float64Array, b: Float64Array): number[] {
  const x = d.x;
  return FEELINGS.map((_, k) => {
    let z = b[k] ?? 0;
    for (const f of d.feats) z += (w[f * L + k] ?? 0) * x;
    return sigmoid(z);
  });
}

function bestThreshold(probs: number[], ys: number[]): { t: number; f1: number } {
  let best = { t: 0.5, f1: 0 };
  for (let i = 0; i < 90; i++) {
    const t = 0.01 * Math.pow(1.05, i);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    probs.forEach((p, i) => {
      const y = ys[i] === 1;
      if (p >= t && y) tp++;
      else if (p >= t) fp++;
      else if (y) fn++;
    });
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f1) best = { t: Math.round(t * 1000) / 1000, f1 };
  }
  return best;
}

function main(): void {
  if (!hasData('goemotions', 'train.tsv')) {
    console.log('skip: GoEmotions train not found (set REDRESS_DATA_SETS)');
    return;
  }
  const outIdx = process.argv.indexOf('--out');
  const out = outIdx > 0 ? process.argv[outIdx + 1] : 'src/language/feelings-model.json';
  const all = readGoEmotions('train');
  const fit = all.filter((r) => hashId(r.id) >= 15);
  const tune = all.filter((r) => hashId(r.id) < 15);
  console.log(`hyper-parameters ${JSON.stringify(HP)}; fit ${fit.length}, tune ${tune.length}`);

  const v1 = buildVocab(fit);
  const m1 = train(toDocs(fit, v1), v1.size);
  const tuneDocs = toDocs(tune, v1);
  const tuneProbs = tuneDocs.map((d) => scores(d, m1.w, m1.b));
  const thresholds = FEELINGS.map((f, k) => {
    const best = bestThreshold(
      tuneProbs.map((p) => p[k] ?? 0),
      tuneDocs.map((d) => d.y[k] ?? 0),
    );
    console.log(`tune ${f.padEnd(13)} threshold ${best.t.toFixed(2)} F1 ${best.f1.toFixed(3)}`);
    return best;
  });
  const macro = thresholds.reduce((s, t) => s + t.f1, 0) / L;
  console.log(`tune macro-F1 ${macro.toFixed(3)} (optimistic: thresholds chosen on this split)`);
  if (out === undefined || process.argv.includes('--dry')) return;

  const vocab = buildVocab(all);
  const model = train(toDocs(all, vocab), vocab.size);
  const features: Record<string, number[]> = {};
  for (const [name, id] of vocab) {
    const ws = FEELINGS.map((_, k) => model.w[id * L + k] ?? 0);
    // Quantised to steps of 1/SCALE; tiny weights dropped to keep the shipped file small.
    if (ws.some((x) => Math.abs(x) >= HP.keep))
      features[name] = ws.map((x) => Math.round(x * SCALE));
  }
  const json = {
    about:
      'Logistic weights (times scale) learned from GoEmotions train (Apache-2.0) by eval/train-feelings.ts',
    hyperParameters: HP,
    scale: SCALE,
    labels: FEELINGS,
    bias: Array.from(model.b, (x) => Math.round(x * 1000) / 1000),
    thresholds: thresholds.map((t) => t.t),
    features,
  };
  writeFileSync(out, JSON.stringify(json));
  console.log(`wrote ${out}: ${Object.keys(features).length} features`);
}

main();
