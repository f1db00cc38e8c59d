// Language figures for `npm run bench`: analyze throughput on short texts against a plain
// lowercase+split pass over the same texts, and coach latency on a 200-word draft.
import { analyze } from '../src/language/analyze.ts';
import { coach } from '../src/language/coach.ts';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
}

const SHORT = [
  'My parcel never arrived and nobody answers the phone.',
  'Third time my train was cancelled this week, I am furious.',
  'I was charged twice for the same order, please refund me.',
  'The app keeps logging me out, so confusing.',
  'Still waiting for my refund, going to tweet about this.',
  'My elderly mum has had no heating since Monday.',
  'Thanks for the quick help yesterday!',
  'Why does my bill show a fee I never agreed to?',
];

function textsPerSecond(fn: (t: string) => unknown, texts: readonly string[], ms = 1500): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const t of texts) fn(t);
    n += texts.length;
  }
  return n / ((performance.now() - start) / 1000);
}

const plainSplit = (t: string): number => t.toLowerCase().split(/\s+/).length;

const DRAFT = (
  'Hi Ana, I am so sorry that your order arrived late and damaged, and I can see how frustrating ' +
  'that must have been after waiting all week. Thank you for telling us about it. I have checked the ' +
  'order history and the van log: the parcel was loaded on Tuesday but missed the connection at the ' +
  'depot. I have refunded the delivery fee and sent a replacement, which will reach you by 4 pm on ' +
  'Friday. If it does not arrive, I will call you myself on Friday evening. We have also added a check ' +
  'at the depot so parcels that miss a connection are flagged the same day. '
).repeat(2);

export async function benchLanguage(): Promise<BenchFigure[]> {
  for (let i = 0; i < 2000; i++) analyze(SHORT[i % SHORT.length] ?? '');
  const base = textsPerSecond(plainSplit, SHORT);
  const rate = textsPerSecond(analyze, SHORT);

  const context = {
    customerFirstName: 'Ana',
    confirmedFeelings: ['frustrated' as const],
    isClosing: true,
  };
  for (let i = 0; i < 200; i++) coach(DRAFT, context);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    coach(DRAFT, context);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number): number =>
    times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  const words = DRAFT.split(/\s+/).filter(Boolean).length;
  return [
    {
      name: 'analyze short texts',
      value: rate,
      unit: 'texts/s',
      baseline: { name: 'lowercase+split', value: base },
      ratio: rate / base,
    },
    { name: `coach p50 (${words}-word draft)`, value: pct(0.5), unit: 'ms' },
    { name: `coach p99 (${words}-word draft)`, value: pct(0.99), unit: 'ms' },
  ];
}

// Allow running this file alone: npx tsx bench/language.bench.ts
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  for (const f of await benchLanguage()) console.log(JSON.stringify(f));
}
