// `npm run bench`: every benchmark figure with its same-run baseline and ratio.
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { startEmbedded } from '../src/db/embedded.ts';
import { printFigures } from './figures.ts';
import { benchEmail } from './email.bench.ts';
import { benchIntake } from './intake.bench.ts';
import { benchInbox } from './inbox.ts';
import { hasChromium } from '../scripts/chromium.ts';
import { benchSla } from './sla.bench.ts';
import { benchMetrics } from './metrics.ts';

// BENCH_ONLY=intake,email (any of sla, language, intake, email, inbox, metrics) runs a subset.
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wants = (name: string) => !only || only.includes(name);

if (wants('sla')) printFigures('SLA arithmetic', benchSla());

if (wants('language') && existsSync(new URL('./language.bench.ts', import.meta.url))) {
  const { benchLanguage } = (await import('./language.bench.ts')) as {
    benchLanguage: () => Promise<Parameters<typeof printFigures>[1]>;
  };
  printFigures('Language', await benchLanguage());
}

const hasWrk = ['/usr/bin/wrk', '/usr/local/bin/wrk'].some((p) => existsSync(p));
const dataDir = await mkdtemp(join(tmpdir(), 'redress-bench-'));
await chmod(dataDir, 0o755);
const pg = await startEmbedded({ dataDir, port: 54350 });
const database = openDatabase(pg.url, { max: 20 });
try {
  await migrateDatabase(database);
  if (!wants('intake')) {
    // skipped on request
  } else if (hasWrk) {
    printFigures(
      'Case intake (wrk, 50 connections, loopback)',
      await benchIntake(database, pg.url),
    );
  } else {
    process.stdout.write(
      '\nIntake over HTTP: skipped — install wrk (apt-get install wrk) to measure it.\n',
    );
  }
  if (wants('email')) printFigures('Email intake (SMTP on loopback)', await benchEmail(database));
  if (!wants('inbox')) {
    // skipped on request
  } else if (hasChromium) {
    printFigures('Inbox in a real browser (chromium)', await benchInbox(pg.url));
  } else {
    process.stdout.write('\nInbox in a browser: skipped — install chromium to measure it.\n');
  }
  // REDRESS_BENCH_CASES lowers the million for a quicker run.
  const cases = Number(process.env.REDRESS_BENCH_CASES ?? 1_000_000);
  if (wants('metrics'))
    printFigures(
      `Metrics and dashboard on ${cases.toLocaleString('en-GB')} cases (p95 of ${process.env.REDRESS_BENCH_RUNS ?? 20} runs)`,
      await benchMetrics(database, cases),
    );
} finally {
  await database.close();
  await pg.stop();
  await rm(dataDir, { recursive: true, force: true });
}
