// Scores the seven feelings with the linear model learned by eval/train-feelings.ts: two heads
// over the same features, one sigmoid per feeling and one softmax over the feelings and "none";
// a feeling's score is the mean of its two probabilities. Evidence is the words whose weights
// pushed the feeling up the most.
import { readFileSync } from 'node:fs';
import type { Token } from './tokenize.ts';
import { FEELINGS, type FeelingReading, type Span } from './types.ts';

interface FeelingsModel {
  scale: number;
  labels: string[];
  /** Weights per feature row: `sigmoid` (one per feeling), then `softmax` (feelings, then none). */
  heads: { sigmoid: number; softmax: number };
  bias: number[];
  thresholds: number[];
  features: Record<string, number[]>;
}

function loadModel(): FeelingsModel {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('./feelings-model.json', import.meta.url), 'utf8'),
  );
  const m = raw as FeelingsModel;
  const ok =
    typeof m.scale === 'number' &&
    Array.isArray(m.bias) &&
    Array.isArray(m.thresholds) &&
    m.labels.join() === FEELINGS.join() &&
    m.heads?.sigmoid === FEELINGS.length &&
    m.heads.softmax === FEELINGS.length + 1 &&
    m.bias.length === m.heads.sigmoid + m.heads.softmax;
  if (!ok) throw new Error('feelings-model.json does not match the feelings this code knows');
  return m;
}

const model = loadModel();
const weights = new Map<string, Int16Array>();
for (const [name, ws] of Object.entries(model.features)) weights.set(name, Int16Array.from(ws));

const SIG = FEELINGS.length;
const SOFT = SIG + 1;
const ROW = SIG + SOFT;

/** A word's pull towards feeling k: its weight in both heads (softmax: beyond the "none" class). */
const pull = (w: Int16Array, k: number): number =>
  (w[k] ?? 0) + (w[SIG + k] ?? 0) - (w[SIG + SIG] ?? 0);

const MAX_EVIDENCE = 3;

/** GoEmotions comments are at most about 30 words; longer texts are read in sentences. */
const WHOLE_TEXT_TOKENS = 40;

/**
 * The model learned from short comments, so a long complaint is read sentence by sentence
 * and each feeling takes its strongest sentence; its words become the evidence.
 */
export function scoreFeelings(text: string, tokens: readonly Token[]): FeelingReading[] {
  const best = new Map<number, FeelingReading>();
  const windows = tokens.length <= WHOLE_TEXT_TOKENS ? [tokens] : sentences(text, tokens);
  for (const sentence of windows) {
    for (const r of scoreSentence(text, sentence)) {
      const k = FEELINGS.indexOf(r.feeling);
      if ((best.get(k)?.score ?? -1) < r.score) best.set(k, r);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function sentences(text: string, tokens: readonly Token[]): Array<readonly Token[]> {
  const out: Token[][] = [];
  let current: Token[] = [];
  tokens.forEach((t, i) => {
    current.push(t);
    const next = tokens[i + 1];
    const gap = next === undefined ? '' : text.slice(t.end, next.start);
    if (next === undefined || /[.\n]/.test(gap) || t.norm === '!' || t.norm === '?') {
      out.push(current);
      current = [];
    }
  });
  return out;
}

function scoreSentence(text: string, tokens: readonly Token[]): FeelingReading[] {
  const seen = new Set<string>();
  const hits: Array<{ w: Int16Array; first: number; last: number }> = [];
  let prev: Token | undefined;
  const add = (name: string, first: number, last: number): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const w = weights.get(name);
    if (w !== undefined) hits.push({ w, first, last });
  };
  tokens.forEach((t, i) => {
    add(t.norm, i, i);
    if (t.norm.length > 6) add(`~${t.norm.slice(0, 6)}`, i, i);
    // Same features as featureNames() in tokenize.ts, kept inline to remember positions.
    if (prev !== undefined) add(`${prev.norm} ${t.norm}`, i - 1, i);
    prev = t;
  });
  const x = 1 / Math.sqrt(seen.size || 1);
  const z = model.bias.slice(0, ROW);
  for (const h of hits)
    for (let j = 0; j < ROW; j++) z[j] = (z[j] ?? 0) + ((h.w[j] ?? 0) / model.scale) * x;
  let max = -Infinity;
  for (let j = SIG; j < ROW; j++) max = Math.max(max, z[j] ?? 0);
  let sum = 0;
  for (let j = SIG; j < ROW; j++) sum += Math.exp((z[j] ?? 0) - max);
  const readings: FeelingReading[] = [];
  FEELINGS.forEach((feeling, k) => {
    const pSig = 1 / (1 + Math.exp(-(z[k] ?? 0)));
    const pSoft = Math.exp((z[SIG + k] ?? 0) - max) / sum;
    const p = (pSig + pSoft) / 2;
    if (p < (model.thresholds[k] ?? 0.5)) return;
    const top = hits
      .filter((h) => pull(h.w, k) > 0)
      .sort((a, b) => pull(b.w, k) - pull(a.w, k))
      .slice(0, MAX_EVIDENCE);
    readings.push({
      feeling,
      score: Math.round(p * 1000) / 1000,
      evidence: toSpans(text, tokens, top),
    });
  });
  return readings;
}

function toSpans(
  text: string,
  tokens: readonly Token[],
  hits: ReadonlyArray<{ first: number; last: number }>,
): Span[] {
  const spans: Span[] = [];
  for (const h of hits) {
    const start = tokens[h.first]?.start ?? 0;
    const end = tokens[h.last]?.end ?? start;
    if (spans.some((s) => s.start <= start && s.end >= end)) continue;
    spans.push({ start, end, text: text.slice(start, end) });
  }
  return spans.sort((a, b) => a.start - b.start);
}
