// Problem matching (R21) against the airline negative reasons as stand-in problems, on a real
// PostgreSQL (the embedded server in a temporary directory). One problem per reason, with a short
// analysis written by hand; every fourth tweet is held out, the rest are linked to their problem
// through the real actions; then suggestProblems is scored on the held-out tweets.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase } from '../src/core/cases/open-case.ts';
import { createProblem } from '../src/core/problems/create-problem.ts';
import { linkCaseToProblem } from '../src/core/problems/link-case-to-problem.ts';
import { suggestProblems } from '../src/core/problems/suggest-problems.ts';
import { silentLogger, type Ctx } from '../src/core/shared/context.ts';
import { migrateDatabase, openDatabase, type Database } from '../src/db/client.ts';
import { startEmbedded } from '../src/db/embedded.ts';
import { hasData, readCsv } from './data.ts';

/** Written for this evaluation from the reason names alone, not from the tweets. */
const PROBLEMS: Record<string, string> = {
  'Customer Service Issue':
    'Agents on the phone and at the desk are unhelpful or rude; long hold times, calls dropped, no answer on the reservations line.',
  'Late Flight':
    'Flights depart or arrive late: delays on the ground, waiting at the gate, missed connections.',
  'Cancelled Flight':
    'Flights cancelled, often at short notice; passengers rebooked days later or stranded.',
  'Lost Luggage': 'Checked bags do not arrive with the passenger; baggage claim cannot find them.',
  'Bad Flight':
    'An unpleasant flight: broken seats, no wifi or entertainment, poor food, dirty cabin, turbulence.',
  'Flight Booking Problems':
    'Booking and changing reservations fails: website and app errors, tickets not issued, fare and seat changes.',
  'Flight Attendant Complaints': 'Cabin crew were rude or unhelpful to passengers on board.',
  longlines: 'Long lines and queues at check-in, security and the ticket counter.',
  'Damaged Luggage': 'Bags and suitcases arrive broken, torn or damaged.',
};

const noJobs = { send: async () => undefined };

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

interface Tweet {
  text: string;
  reason: string;
  caseId?: string;
}

async function score(ctx: Ctx, tweets: Tweet[], titleOf: Map<string, string>) {
  let top1 = 0;
  let top3 = 0;
  await pool(tweets, 8, async (t) => {
    const titles = (await suggestProblems(ctx, t.caseId ?? '')).map((s) =>
      titleOf.get(s.problemId),
    );
    if (titles[0] === t.reason) top1++;
    if (titles.includes(t.reason)) top3++;
  });
  return { top1: top1 / tweets.length, top3: top3 / tweets.length };
}

async function run(database: Database) {
  const ctx: Ctx = {
    actor: { kind: 'system', name: 'eval' },
    database,
    now: () => new Date('2015-03-01T00:00:00Z'),
    log: silentLogger,
    jobs: noJobs,
  };
  const tweets: Tweet[] = readCsv('airline', 'airline-tweets-dev.csv')
    .filter((r) => r.airline_sentiment === 'negative' && (r.negativereason ?? '') in PROBLEMS)
    .map((r) => ({ text: (r.text ?? '').trim(), reason: r.negativereason ?? '' }))
    .filter((t) => t.text.length > 0);
  const held = tweets.filter((_, i) => i % 4 === 0);
  const train = tweets.filter((_, i) => i % 4 !== 0);

  const idOf = new Map<string, string>();
  const titleOf = new Map<string, string>();
  for (const [title, analysis] of Object.entries(PROBLEMS)) {
    const p = await createProblem(ctx, { title, analysis });
    idOf.set(title, p.id);
    titleOf.set(p.id, title);
  }
  const started = performance.now();
  await pool(tweets, 8, async (t) => {
    const opened = await openCase(ctx, {
      channel: 'social',
      account: t.text,
      customer: { firstName: 'Traveller' },
      receivedAt: '2015-02-24T12:00:00Z',
    });
    t.caseId = opened.case.id;
  });
  const cold = await score(ctx, held, titleOf);
  await pool(train, 8, async (t) => {
    await linkCaseToProblem(ctx, t.caseId ?? '', { problemId: idOf.get(t.reason) });
  });
  const t0 = performance.now();
  const warm = await score(ctx, held, titleOf);
  const perQuery = (performance.now() - t0) / held.length;
  const counts = new Map<string, number>();
  for (const t of held) counts.set(t.reason, (counts.get(t.reason) ?? 0) + 1);
  const majority = Math.max(...counts.values()) / held.length;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `\nproblem suggestions vs airline negative reasons (${Object.keys(PROBLEMS).length} problems; ` +
      `${train.length} tweets linked, ${held.length} held out; "Can't Tell" left out)`,
  );
  console.log(
    `  titles + analyses only (nothing linked): top-1 ${pct(cold.top1)}  top-3 ${pct(cold.top3)}`,
  );
  console.log(
    `  with the linked cases:                   top-1 ${pct(warm.top1)}  top-3 ${pct(warm.top3)}`,
  );
  console.log(`  always the largest problem (baseline):   top-1 ${pct(majority)}`);
  console.log(
    `  ${((performance.now() - started) / 1000).toFixed(0)} s in all; ${perQuery.toFixed(1)} ms a suggestion (8 at a time)`,
  );
}

export async function evalProblems(): Promise<void> {
  if (!hasData('airline', 'airline-tweets-dev.csv')) {
    console.log('\nproblems: skipped (airline/airline-tweets-dev.csv not found)');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'redress-eval-'));
  await chmod(dir, 0o755);
  const pg = await startEmbedded({ dataDir: dir, port: 54370 });
  const database = openDatabase(pg.url, { max: 10 });
  try {
    await migrateDatabase(database);
    await run(database);
  } finally {
    await database.close();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
