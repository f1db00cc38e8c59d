// The inbox with 10,000 open cases, in a real browser (Debian's chromium): from navigation to a
// usable queue (rows shown and `j` moving the selection), against the same with 100 open cases;
// the queue's API call on its own; and the initial JavaScript the app ships, gzipped.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/api/app.ts';
import { insertNewUser } from '../src/core/users/create-user.ts';
import { migrateDatabase, openDatabase, type Database } from '../src/db/client.ts';
import { noJobs } from '../src/jobs/queue.ts';
import { launchChromium } from '../scripts/chromium.ts';
import type { Figure } from './figures.ts';

const CASES = Number(process.env.BENCH_INBOX_CASES ?? 10_000);
const BASELINE_CASES = 100;
const SAMPLES = 5;
const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** Gzipped size (kB) of the scripts index.html loads before the app can run. */
export function initialJsGzipKb(): number {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce(
    (n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}

async function addOpenCases(database: Database, count: number, ownerId: string) {
  // Straight into the tables: 10,000 cases through intake would measure intake, not the inbox.
  await database.db.execute(sql`
    WITH c AS (
      INSERT INTO customers (first_name, last_name)
      SELECT 'Customer', 'Number ' || g FROM generate_series(1, ${count}::int) g RETURNING id
    ), n AS (SELECT id, row_number() OVER () AS i FROM c)
    INSERT INTO cases (customer_id, channel, received_at, subject, account, severity, status,
      owner_id, first_response_target, resolution_target, first_response_due_at, resolution_due_at)
    SELECT id, (ARRAY['email','phone','sms','web','chat'])[1 + i % 5],
      now() - make_interval(mins => i::int), 'Order ' || i || ' arrived damaged',
      'The parcel arrived crushed and the vase inside was broken. I need it replaced.',
      'normal', 'new', ${ownerId}::uuid,
      '{"kind":"same_business_day","cutoff":"16:00"}'::jsonb,
      '{"kind":"business_minutes","minutes":2550}'::jsonb,
      now() + make_interval(mins => (i % 3000)::int - 600), now() + interval '5 days'
    FROM n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchInbox(adminUrl: string): Promise<Figure[]> {
  const name = 'redress_bench_inbox';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString(), { max: 10 });
  const browser = await launchChromium({ width: 1280, height: 800 });
  const app = await buildApp({ database, jobs: noJobs, now: () => new Date() });
  try {
    await migrateDatabase(database);
    const agent = await insertNewUser(database.db, {
      email: 'bench@example.test',
      name: 'Bench Agent',
      role: 'agent',
      password: 'correct horse battery',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { page } = browser;
    page.setDefaultTimeout(30_000);
    await page.goto(base);
    await page.getByLabel('Email').fill('bench@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'redress_session');
    const headers = { cookie: `redress_session=${cookie?.value ?? ''}` };

    /** Navigation → first rows visible → `j` moves the selection: the inbox is usable. */
    const measure = async () => {
      const nav: number[] = [];
      const api: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        await page.goto('about:blank');
        const t0 = performance.now();
        await page.goto(`${base}/`);
        await page.locator('tr.case-row').nth(1).waitFor();
        await page.keyboard.press('j');
        await page
          .locator('tr.case-row')
          .nth(1)
          .and(page.locator('[aria-selected="true"]'))
          .waitFor();
        nav.push(performance.now() - t0);
        const a0 = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: '/api/v1/cases?status=open&limit=100',
          headers,
        });
        if (res.statusCode !== 200) throw new Error(`GET /cases answered ${res.statusCode}`);
        api.push(performance.now() - a0);
      }
      return { nav: median(nav), api: median(api) };
    };

    await addOpenCases(database, BASELINE_CASES, agent.id);
    const small = await measure();
    await addOpenCases(database, CASES - BASELINE_CASES, agent.id);
    await database.db.execute(sql`ANALYZE`);
    const large = await measure();
    const js = initialJsGzipKb();
    return [
      {
        name: `inbox usable, ${CASES} open cases`,
        value: large.nav,
        unit: 'ms',
        baseline: { name: `${BASELINE_CASES} open cases`, value: small.nav },
        ratio: large.nav / small.nav,
        target: '≤ 1000 ms',
      },
      {
        name: `GET /cases (first 100 of ${CASES})`,
        value: large.api,
        unit: 'ms',
        baseline: { name: `of ${BASELINE_CASES}`, value: small.api },
        ratio: large.api / small.api,
      },
      { name: 'initial JavaScript (gzip)', value: js, unit: 'kB', target: '≤ 300 kB' },
    ];
  } finally {
    await app.close();
    await browser.close();
    await database.close();
    const drop = new pg.Client({ connectionString: adminUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await drop.end();
  }
}

// `node bin/run-ts.js bench/inbox.ts` runs this benchmark on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { mkdtemp, chmod, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { startEmbedded } = await import('../src/db/embedded.ts');
  const { printFigures } = await import('./figures.ts');
  const dataDir = await mkdtemp(join(tmpdir(), 'redress-bench-inbox-'));
  await chmod(dataDir, 0o755);
  const server = await startEmbedded({ dataDir, port: 54351 });
  try {
    printFigures('Inbox in a real browser', await benchInbox(server.url));
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
