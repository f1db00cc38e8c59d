// Trains the feelings model: two linear heads over unigram, bigram and stem presence, learned
// from GoEmotions train only, whose probabilities are averaged at scoring time:
//   - sigmoid: one logistic regression per Redress feeling (one-vs-rest); each feature's value
//     for a feeling is scaled by its naive-Bayes log-count ratio (NBSVM-style, |r| floored at
//     NB_FLOOR), so words that separate the feeling learn faster under the same early-stopped
//     Adam; the scale is folded into the shipped weights, so scoring does not see it;
//   - softmax: one 8-way softmax over the seven feelings and "none" (a comment with several
//     feelings spreads its target evenly over them), so the feelings compete.
// 15% of train (chosen by comment id hash) is held out to pick per-feeling decision
// thresholds on the averaged probability; the final weights are then refit on all of train.
// GoEmotions dev is never read here. `--own corrections.jsonl` (from `redress corrections
// export`) adds the organisation's own cases, with the feelings agents confirmed, to train.
//   npx tsx eval/train-feelings.ts [--out src/language/feelings-model.json] [--own FILE] [--dry]
import { writeFileSync } from 'node:fs';
import { FEELINGS } from '../src/language/types.ts';
import { featureNames, tokenize } from '../src/language/tokenize.ts';
import { hasData, readGoEmotions, type EmotionRow } from './data.ts';
import { ownEmotionRows, readOwnRows } from './eval-own.ts';

const HP = {
  epochs: Number(process.env.EPOCHS ?? 300),
  lr: Number(process.env.LR ?? 0.2),
  l2: Number(process.env.L2 ?? 3e-6),
  minCount: Number(process.env.MIN_COUNT ?? 2),
  posWeight: Number(process.env.POS_WEIGHT ?? 1),
  keep: Number(process.env.KEEP ?? 0.15),
  norm: (process.env.NORM ?? '1') === '1',
  /** Floor on |NB log-count ratio| scaling the sigmoid head's features; 0 turns it off. */
  nbFloor: Number(process.env.NB_FLOOR ?? 0.25),
  /** Add-alpha smoothing of the NB counts. */
  nbAlpha: Number(process.env.NB_ALPHA ?? 1),
};
const L = FEELINGS.length;
/** Softmax classes: the seven feelings, then "none". */
const S = L + 1;
const SCALE = 20;

interface Doc {
  feats: Int32Array;
  /** Feature value: 1/sqrt(distinct features in the text), whether or not they are kept. */
  x: number;
  y: Uint8Array;
}

interface Head {
  w: Float64Array;
  b: Float64Array;
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

/**
 * Per feature and feeling: max(nbFloor, |log((p_f/|p|) / (q_f/|q|))|), with p and q the
 * alpha-smoothed counts of texts holding the feature with and without the feeling.
 */
function nbScale(docs: Doc[], nFeat: number): Float64Array {
  const r = new Float64Array(nFeat * L).fill(1);
  if (HP.nbFloor <= 0) return r;
  const pc = new Float64Array(nFeat * L).fill(HP.nbAlpha);
  const qc = new Float64Array(nFeat * L).fill(HP.nbAlpha);
  for (const d of docs) {
    for (const f of d.feats) {
      for (let k = 0; k < L; k++) {
        const c = d.y[k] === 1 ? pc : qc;
        c[f * L + k] = (c[f * L + k] ?? 0) + 1;
      }
    }
  }
  const ps = new Float64Array(L);
  const qs = new Float64Array(L);
  for (let i = 0; i < nFeat * L; i++) {
    ps[i % L] = (ps[i % L] ?? 0) + (pc[i] ?? 0);
    qs[i % L] = (qs[i % L] ?? 0) + (qc[i] ?? 0);
  }
  for (let i = 0; i < nFeat * L; i++) {
    const ratio =
      Math.log((pc[i] ?? 1) / (ps[i % L] ?? 1)) - Math.log((qc[i] ?? 1) / (qs[i % L] ?? 1));
    r[i] = Math.max(HP.nbFloor, Math.abs(ratio));
  }
  return r;
}

/**
 * Full-batch Adam on mean log-loss + (l2 / 2)·|u|², so every weight is shrunk every step.
 * K = L: one sigmoid per feeling, learning u with w = u·r (r from nbScale); K = S: softmax
 * over the feelings and "none", w = u. Returns w.
 */
function train(docs: Doc[], nFeat: number, K: number): Head {
  const softmax = K === S;
  const r = softmax ? new Float64Array(nFeat * K).fill(1) : nbScale(docs, nFeat);
  const n = nFeat * K + K; // weights, then biases
  const theta = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const grad = new Float64Array(n);
  const bOff = nFeat * K;
  const z = new Float64Array(K);
  const g = new Float64Array(K);
  const N = docs.length;
  for (let step = 1; step <= HP.epochs; step++) {
    grad.fill(0);
    for (const d of docs) {
      const x = d.x;
      for (let k = 0; k < K; k++) z[k] = theta[bOff + k] ?? 0;
      for (const f of d.feats)
        for (let k = 0; k < K; k++)
          z[k] = (z[k] ?? 0) + (theta[f * K + k] ?? 0) * (r[f * K + k] ?? 1) * x;
      if (softmax) {
        const p = softmaxOf(z);
        let pos = 0;
        for (let k = 0; k < L; k++) pos += d.y[k] ?? 0;
        const wt = pos > 0 ? HP.posWeight : 1;
        for (let k = 0; k < K; k++) {
          const t = pos === 0 ? (k === L ? 1 : 0) : k < L ? (d.y[k] ?? 0) / pos : 0;
          g[k] = (((p[k] ?? 0) - t) * wt) / N;
        }
      } else {
        for (let k = 0; k < K; k++) {
          const y = d.y[k] ?? 0;
          g[k] = ((sigmoid(z[k] ?? 0) - y) * (y === 1 ? HP.posWeight : 1)) / N;
        }
      }
      for (let k = 0; k < K; k++) grad[bOff + k] = (grad[bOff + k] ?? 0) + (g[k] ?? 0);
      for (const f of d.feats)
        for (let k = 0; k < K; k++)
          grad[f * K + k] = (grad[f * K + k] ?? 0) + (g[k] ?? 0) * x * (r[f * K + k] ?? 1);
    }
    const c1 = 1 - 0.9 ** step;
    const c2 = 1 - 0.999 ** step;
    for (let i = 0; i < n; i++) {
      const t = theta[i] ?? 0;
      const gi = (grad[i] ?? 0) + (i < bOff ? HP.l2 * t : 0);
      const mi = 0.9 * (m[i] ?? 0) + 0.1 * gi;
      const vi = 0.999 * (v[i] ?? 0) + 0.001 * gi * gi;
      m[i] = mi;
      v[i] = vi;
      theta[i] = t - (HP.lr * (mi / c1)) / (Math.sqrt(vi / c2) + 1e-8);
    }
  }
  const w = theta.slice(0, bOff);
  for (let i = 0; i < bOff; i++) w[i] = (w[i] ?? 0) * (r[i] ?? 1);
  return { w, b: theta.slice(bOff) };
}

function softmaxOf(z: ArrayLike<number>): Float64Array {
  let mx = -Infinity;
  for (let k = 0; k < z.length; k++) mx = Math.max(mx, z[k] ?? 0);
  const e = Float64Array.from({ length: z.length }, (_, k) => Math.exp((z[k] ?? 0) - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * Quantises both heads exactly as the shipped file stores them (steps of 1/SCALE; a feature
 * whose weights are all tiny is dropped), so thresholds are tuned on what ships.
 */
function quantise(sig: Head, soft: Head, vocab: Map<string, number>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [name, id] of vocab) {
    const ws = [
      ...Array.from({ length: L }, (_, k) => sig.w[id * L + k] ?? 0),
      ...Array.from({ length: S }, (_, k) => soft.w[id * S + k] ?? 0),
    ];
    if (ws.some((x) => Math.abs(x) >= HP.keep))
      out.set(
        name,
        ws.map((x) => Math.round(x * SCALE)),
      );
  }
  return out;
}

const roundBias = (b: Float64Array): number[] => Array.from(b, (x) => Math.round(x * 1000) / 1000);

/** Same arithmetic as scoreSentence() in src/language/feelings.ts. */
function scores(text: string, features: Map<string, number[]>, bias: number[]): number[] {
  const names = new Set(featureNames(tokenize(text)));
  const x = 1 / Math.sqrt(names.size || 1);
  const z = bias.slice();
  for (const f of names) {
    const ws = features.get(f);
    if (ws !== undefined)
      for (let k = 0; k < L + S; k++) z[k] = (z[k] ?? 0) + ((ws[k] ?? 0) / SCALE) * x;
  }
  const soft = softmaxOf(z.slice(L));
  return FEELINGS.map((_, k) => (sigmoid(z[k] ?? 0) + (soft[k] ?? 0)) / 2);
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

function fitBoth(rows: EmotionRow[]): { features: Map<string, number[]>; bias: number[] } {
  const vocab = buildVocab(rows);
  const docs = toDocs(rows, vocab);
  const sig = train(docs, vocab.size, L);
  const soft = train(docs, vocab.size, S);
  return {
    features: quantise(sig, soft, vocab),
    bias: [...roundBias(sig.b), ...roundBias(soft.b)],
  };
}

async function main(): Promise<void> {
  if (!hasData('goemotions', 'train.tsv')) {
    console.log('skip: GoEmotions train not found (set REDRESS_DATA_SETS)');
    return;
  }
  const outIdx = process.argv.indexOf('--out');
  const out = outIdx > 0 ? process.argv[outIdx + 1] : 'src/language/feelings-model.json';
  const ownAt = process.argv.indexOf('--own');
  const ownFile = ownAt > 0 ? process.argv[ownAt + 1] : undefined;
  const own = ownFile ? ownEmotionRows((await readOwnRows(ownFile)).rows) : [];
  if (ownFile) console.log(`own cases from ${ownFile}: ${own.length} with confirmed feelings`);
  const all = [...readGoEmotions('train'), ...own];
  const fit = all.filter((r) => hashId(r.id) >= 15);
  const tune = all.filter((r) => hashId(r.id) < 15);
  console.log(`hyper-parameters ${JSON.stringify(HP)}; fit ${fit.length}, tune ${tune.length}`);

  const m1 = fitBoth(fit);
  const tuneProbs = tune.map((r) => scores(r.text, m1.features, m1.bias));
  const thresholds = FEELINGS.map((f, k) => {
    const best = bestThreshold(
      tuneProbs.map((p) => p[k] ?? 0),
      tune.map((r) => (r.feelings.has(f) ? 1 : 0)),
    );
    console.log(`tune ${f.padEnd(13)} threshold ${best.t.toFixed(2)} F1 ${best.f1.toFixed(3)}`);
    return best;
  });
  const macro = thresholds.reduce((s, t) => s + t.f1, 0) / L;
  console.log(`tune macro-F1 ${macro.toFixed(3)} (optimistic: thresholds chosen on this split)`);
  if (out === undefined || process.argv.includes('--dry')) return;

  const model = fitBoth(all);
  const json = {
    about:
      'Logistic weights (times scale) learned from GoEmotions train (Apache-2.0) by eval/train-feelings.ts. ' +
      'Each feature row holds the 7 sigmoid-head weights, then the 8 softmax-head weights (7 feelings, none); ' +
      'bias likewise. A feeling scores the mean of its sigmoid and softmax probabilities.',
    hyperParameters: HP,
    scale: SCALE,
    labels: FEELINGS,
    heads: { sigmoid: L, softmax: S },
    bias: model.bias,
    thresholds: thresholds.map((t) => t.t),
    features: Object.fromEntries(model.features),
  };
  writeFileSync(out, JSON.stringify(json));
  console.log(`wrote ${out}: ${model.features.size} features`);
}

await main();
