// A real browser against a real server for the browser tests: Debian's chromium driven by
// playwright-core (never a downloaded browser), a fresh database, one agent with an API token.
import { spawnSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../../scripts/chromium.ts';
import { buildApp } from '../../src/api/app.ts';
import { silentLogger } from '../../src/core/shared/context.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { createApiToken } from '../../src/core/users/sessions.ts';
import { createTestDatabase } from './db.ts';
import { recordingJobs } from './harness.ts';
import { REPO_ROOT } from './processes.ts';

export { CHROMIUM, hasChromium };
// CI installs Chromium and sets REDRESS_REQUIRE_BROWSER=1: there a missing browser is a failure,
// never a silent skip. Elsewhere the browser tests skip with a message.
if (!hasChromium && process.env.REDRESS_REQUIRE_BROWSER === '1') {
  throw new Error(
    `${CHROMIUM} is missing but REDRESS_REQUIRE_BROWSER=1: install it with apt-get install -y chromium.`,
  );
}
/** Customer text that would run if any screen rendered it as HTML. */
export const HOSTILE =
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

export interface BrowserDesk {
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  app: FastifyInstance;
  base: string;
  page: Page;
  /** Uncaught page errors and dialogs: an injected script would show up here. */
  pageErrors: string[];
  /** Bearer headers of the seeded agent (ana@example.test / "correct horse battery"). */
  agentHeaders: Record<string, string>;
  close(): Promise<void>;
}

export async function startBrowserDesk(): Promise<BrowserDesk> {
  const database = await createTestDatabase();
  const agent = await insertNewUser(database.db, {
    email: 'ana@example.test',
    name: 'Ana Agent',
    role: 'agent',
    password: 'correct horse battery',
  });
  const app = await buildApp({ database, jobs: recordingJobs(), now: () => new Date() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const actor = { kind: 'user' as const, id: agent.id, role: 'agent' as const, name: agent.name };
  const ctx = { actor, database, now: () => new Date(), log: silentLogger, jobs: recordingJobs() };
  const { token } = await createApiToken(ctx, { name: 'seed', scopes: ['cases:write'] });
  const browser = await launchChromium();
  const { page } = browser;
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('dialog', (d) => {
    pageErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    database,
    app,
    base,
    page,
    pageErrors,
    agentHeaders: { authorization: `Bearer ${token}` },
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Builds web/dist when it is missing or older than its sources (as `npm start` does). */
export function ensureWebBuild(): void {
  const build = spawnSync(process.execPath, ['web/ensure-build.js'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
}

/** Another member of staff who signs in with PASSWORD. */
export async function addStaff(
  desk: BrowserDesk,
  role: 'agent' | 'supervisor' | 'manager' | 'admin',
  name: string,
): Promise<{ id: string; email: string }> {
  const email = `${name.split(' ')[0]?.toLowerCase() ?? role}@example.test`;
  const row = await insertNewUser(desk.database.db, { email, name, role, password: PASSWORD });
  return { id: row.id, email };
}

export const PASSWORD = 'correct horse battery';

/** Signs in through the form (signing out first if someone is signed in). */
export async function signIn(desk: BrowserDesk, email: string): Promise<void> {
  const { page, base } = desk;
  await page.goto(base);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  // The sign-in form's own box: other screens have controls whose labels mention email.
  const email$ = page.getByRole('textbox', { name: 'Email', exact: true });
  await Promise.race([signOut.waitFor(), email$.waitFor()]);
  if (await signOut.isVisible()) {
    await signOut.click();
    await email$.waitFor();
  }
  await email$.fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}
