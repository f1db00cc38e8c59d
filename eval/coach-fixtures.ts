// The coach's labelled fixtures (eval/fixtures/, described in eval/README.md), read the same way
// by the eval, the tune-error listing and the excuse model's trainer.
import { readFileSync } from 'node:fs';

/** Agent replies drawn at random and labelled by independent readers: each was held out once,
 * then became tune rows; the last one is still held out. */
export const RANDOM_SAMPLES = [
  'coach-random.jsonl',
  'coach-random2.jsonl',
  'coach-random3.jsonl',
  'coach-random4.jsonl',
];

/** Drafts we wrote, labelled, each line with its own split (`tune` rows may be read while
 * working on the coach): the labelled drafts, the second and third fresh batches, each halved
 * after its first look, and the tune drafts for the thin detections. */
export const SPLIT_DRAFTS = [
  'coach-drafts.jsonl',
  'coach-fresh2.jsonl',
  'coach-tune3.jsonl',
  'coach-fresh3.jsonl',
];

/** Every line of a JSON Lines fixture. */
export function readFixture<T = Record<string, unknown>>(name: string): T[] {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Every labelled twcs reply (tweet ids and labels; the text is read from the data): the three
 * keyword-chosen rounds and the random samples, each line with its own split. */
export function twcsLabelRows<T = Record<string, unknown>>(): T[] {
  return ['coach-labels.jsonl', ...RANDOM_SAMPLES].flatMap((name) => readFixture<T>(name));
}
