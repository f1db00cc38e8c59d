// `npm run screenshots`: seeds a demo desk in a throw-away embedded PostgreSQL and captures the
// inbox, the case workspace, the customer page and the supervisor page into docs/ with chromium.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/api/app.ts';
import { openCase } from '../src/core/cases/open-case.ts';
import { recordReply } from '../src/core/cases/record-reply.ts';
import { silentLogger, type Actor } from '../src/core/shared/context.ts';
import { insertNewUser } from '../src/core/users/create-user.ts';
import { createApiToken } from '../src/core/users/sessions.ts';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { startEmbedded } from '../src/db/embedded.ts';
import { DEMO_COMPLAINTS, DEMO_PASSWORD, DEMO_STAFF } from '../src/demo/demo-data.ts';
import { noJobs } from '../src/jobs/queue.ts';
import { hasChromium, launchChromium } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// REDRESS_SHOTS_DIR and REDRESS_SHOTS_WIDTH capture elsewhere and narrower (e.g. 1024 px).
const DOCS = process.env.REDRESS_SHOTS_DIR ?? join(ROOT, 'docs');
const WIDTH = Number(process.env.REDRESS_SHOTS_WIDTH ?? 1280);
const NAMES = ['Amara Adams', 'Ben Bakr', 'Chloe Costa', 'Dev Dunn', 'Elif Eze', 'Finn Fox'];

if (!hasChromium) {
  process.stderr.write('screenshots need /usr/bin/chromium (apt-get install -y chromium)\n');
  process.exit(1);
}
const build = spawnSync(process.execPath, ['web/ensure-build.js'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const dataDir = await mkdtemp(join(tmpdir(), 'redress-shots-'));
await chmod(dataDir, 0o755);
const pg = await startEmbedded({ dataDir, port: 54360 });
const database = openDatabase(pg.url);
const browser = await launchChromium({ width: WIDTH, height: 800 });
try {
  await migrateDatabase(database);
  const staff: Record<string, Actor & { kind: 'user' }> = {};
  for (const s of DEMO_STAFF) {
    const row = await insertNewUser(database.db, { ...s, password: DEMO_PASSWORD });
    staff[s.email] = { kind: 'user', id: row.id, role: s.role, name: s.name };
  }
  const ctxOf = (actor: Actor) => ({
    actor,
    database,
    now: () => new Date(),
    log: silentLogger,
    jobs: noJobs,
  });
  const sam = staff['sam@demo.redress']!;
  const lena = staff['lena@demo.redress']!;
  // Eighteen cases spread over the last day, at different points of their recovery.
  let featured = '';
  for (let i = 0; i < 18; i++) {
    const t = DEMO_COMPLAINTS[i % DEMO_COMPLAINTS.length]!;
    const [first, last] = NAMES[i % NAMES.length]!.split(' ');
    const agent = ctxOf(i % 2 === 0 ? sam : lena);
    const { case: c } = await openCase(agent, {
      channel: t.channel,
      subject: t.subject,
      account: t.account,
      category: t.category,
      receivedAt: new Date(Date.now() - (18 - i) * 83 * 60_000).toISOString(),
      customer: {
        firstName: first,
        lastName: last,
        contacts: [{ kind: 'email', value: `${first}.${i}@customers.example`.toLowerCase() }],
        lifetimeValue: String(120 + i * 37),
      },
    });
    if (i % 3 === 1) await recordReply(agent, c.id, { body: `Hello ${first}, I am on it.` });
    if (i === 17) featured = c.reference;
  }
  const app = await buildApp({ database, jobs: noJobs, now: () => new Date() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { token } = await createApiToken(ctxOf(sam), { name: 'shots', scopes: ['cases:write'] });
  const admin = await createApiToken(ctxOf(staff['admin@demo.redress']!), {
    name: 'shots',
    scopes: ['admin', 'cases:write'],
  });
  const call = async (url: string, payload: object, bearer = token) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${bearer}` },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json() as Record<string, unknown>;
  };
  await call(
    '/templates',
    {
      name: 'Call-back arranged',
      body: 'Hello {{firstName}}, thank you for telling us about {{reference}}. I will ring you by {{promisedTime}} with what we have done.',
    },
    admin.token,
  );
  // The featured case half-way through the playbook: repeated back, feelings named, solutions
  // on the table, a promise running and a restitution waiting for approval.
  const ref = featured;
  await call(`/cases/${ref}/restatement`, {
    restatement: 'A chair leg snapped under your father, and you want to know the others are safe.',
  });
  await call(`/cases/${ref}/restatement/confirm`, {});
  await call(`/cases/${ref}/feelings`, { feelings: ['frustrated', 'disappointed'] });
  await call(`/cases/${ref}/steps/apologize`, {});
  await call(`/cases/${ref}/solutions`, {
    options: [
      'A new set of chairs delivered on Saturday',
      'Inspect every chair and refund the set',
    ],
  });
  await call(`/cases/${ref}/promises`, {
    what: 'Ring back with the inspection result',
    dueAt: new Date(Date.now() + 95 * 60_000).toISOString(),
  });
  await call(`/cases/${ref}/restitutions`, {
    kind: 'refund',
    amount: '80',
    note: 'The broken chair',
  });

  const { page } = browser;
  const signIn = async (email: string) => {
    await page.context().clearCookies();
    await page.goto(base);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  };
  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(DOCS, `${name}.png`) });
    process.stdout.write(`${join(DOCS, name)}.png\n`);
  };
  await signIn('sam@demo.redress');
  await page.locator('tr.case-row').nth(10).waitFor();
  await shot('inbox');
  await page.goto(`${base}/cases/${ref}`);
  await page.getByTestId('customer-account').waitFor();
  await page
    .getByLabel('Reply to the customer')
    .fill(
      'I am sorry the chair gave way under your father. We will inspect every chair in the set this week.',
    );
  await page.getByText(/Coach/).first().waitFor();
  await page.waitForTimeout(600);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(DOCS, 'case-workspace.png'), fullPage: true });
  process.stdout.write(`${join(DOCS, 'case-workspace')}.png\n`);
  await page.getByRole('link', { name: /Customer history/ }).click();
  await page.getByRole('heading', { name: 'Cases' }).waitFor();
  await shot('customer');
  await signIn('ravi@demo.redress');
  await page.getByRole('link', { name: 'Supervisor' }).click();
  await page.getByText(ref).first().waitFor();
  await shot('supervisor');
  await app.close();
} finally {
  await browser.close();
  await database.close();
  await pg.stop();
  await rm(dataDir, { recursive: true, force: true });
}
