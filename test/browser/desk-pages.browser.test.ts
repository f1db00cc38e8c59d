// The rest of the desk in a real browser: saved views kept on the server, the customer page,
// a reply template filled in with the coach reading along, settings (admins change, agents
// read), and first-run set-up offered by the app when nobody exists.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addStaff,
  ensureWebBuild,
  hasChromium,
  HOSTILE,
  PASSWORD,
  signIn,
  startBrowserDesk,
  type BrowserDesk,
} from '../support/browser.ts';
import { complaint } from '../support/harness.ts';
import { issueSetupToken } from '../../src/core/users/first-admin.ts';
import { createTestDatabase } from '../support/db.ts';
import { buildApp } from '../../src/api/app.ts';
import { recordingJobs } from '../support/harness.ts';

let desk: BrowserDesk;
let adminEmail: string;
let reference: string;

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  desk = await startBrowserDesk();
  ({ email: adminEmail } = await addStaff(desk, 'admin', 'Ada Admin'));
  const res = await desk.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: desk.agentHeaders,
    payload: complaint({
      subject: 'Cold pizza',
      channel: 'phone',
      customer: { firstName: 'Rosa', lastName: HOSTILE, contacts: [] },
    }),
  });
  expect(res.statusCode).toBe(201);
  reference = res.json().reference;
});

afterAll(() => desk?.close());

describe.skipIf(!hasChromium)('the desk’s other pages', () => {
  test('an admin keeps a reply template and business hours; an agent only reads', async () => {
    const { page } = desk;
    await signIn(desk, adminEmail);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Reply templates' }).click();
    await page.getByText('No reply templates yet.').waitFor();
    await page.getByLabel('Template name').fill('Call-back');
    await page
      .getByLabel('Template text')
      .fill('Dear {{firstName}}, about {{reference}}: I will ring you by {{promisedTime}}.');
    await page.getByRole('button', { name: 'Add template' }).click();
    await page.getByRole('heading', { name: 'Call-back' }).waitFor();

    await page.getByRole('link', { name: 'Business hours' }).click();
    await page.getByLabel('Saturday').fill('10:00-14:00');
    await page.getByLabel(/Closed dates/).fill('2026-12-25\n2026-12-26');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('✓ Saved').waitFor();
    await page.getByLabel('Sunday').fill('9 to 5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Sunday: write hours like 09:00-17:30.').waitFor();

    await page.getByRole('link', { name: 'Compensation' }).click();
    await page.getByLabel('Most per case for agent').fill('75');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('✓ Saved').waitFor();

    await signIn(desk, 'ana@example.test');
    await page.goto(`${desk.base}/settings/hours`);
    await page.getByText('only an admin can change them').waitFor();
    expect(await page.getByLabel('Saturday').inputValue()).toBe('10:00-14:00');
    expect(await page.getByLabel('Saturday').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
  }, 60_000);

  test('your sessions: this browser is marked, another is signed out from here', async () => {
    const { page } = desk;
    await signIn(desk, 'ana@example.test');
    const elsewhere = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ana@example.test', password: PASSWORD },
      headers: {
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      },
    });
    const other = {
      cookie: `redress_session=${elsewhere.cookies.find((c) => c.name === 'redress_session')?.value}`,
    };
    await page.goto(`${desk.base}/settings/account`);
    const table = page.getByRole('table', { name: 'Your sessions' });
    await table.getByRole('cell', { name: 'Chrome on Linux · this browser' }).waitFor();
    await table.getByRole('cell', { name: 'Firefox on Linux', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out Firefox on Linux' }).click();
    await page.getByText('You are signed in nowhere else.').waitFor();
    expect(await table.getByRole('cell', { name: 'Firefox on Linux', exact: true }).count()).toBe(
      0,
    );
    const gone = await desk.app.inject({ method: 'GET', url: '/api/v1/me', headers: other });
    expect(gone.statusCode).toBe(401);
    // This browser is still signed in.
    await page.getByRole('link', { name: 'Inbox' }).first().click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  });

  test('changing your own password keeps this browser signed in', async () => {
    const { page } = desk;
    const { email } = await addStaff(desk, 'agent', 'Pat Password');
    await signIn(desk, email);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password (10+ characters)').fill('a fresh long secret');
    await page.getByLabel('New password again').fill('a fresh long secrets');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The two new passwords differ.').waitFor();
    await page.getByLabel('New password again').fill('a fresh long secret');
    expect(await page.getByText('The two new passwords differ.').count()).toBe(0);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your other browsers were signed out.').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    // Still signed in here, with the new session the change gave this browser.
    await page.getByRole('link', { name: 'Inbox' }).first().click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const tryPassword = async (password: string) =>
      (
        await desk.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email, password },
        })
      ).statusCode;
    expect(await tryPassword(PASSWORD)).toBe(401);
    expect(await tryPassword('a fresh long secret')).toBe(200);
  });

  test('the composer fills a template and the coach reads the draft', async () => {
    const { page } = desk;
    await page.goto(`${desk.base}/cases/${reference}`);
    await page.getByTestId('authority').getByText('75.00 GBP').waitFor();
    await page.getByLabel('Promise', { exact: true }).fill('Ring Rosa back');
    await page.getByRole('button', { name: 'Make promise' }).click();
    await page.getByRole('button', { name: 'Mark kept' }).waitFor();

    await page.getByLabel('Start from a template').selectOption({ label: 'Call-back' });
    const draft = await page.getByLabel('Reply to the customer').inputValue();
    expect(draft).toMatch(new RegExp(`^Dear Rosa, about ${reference}: I will ring you by .*\\d`));
    expect(draft).not.toContain('{{');

    await page
      .getByLabel('Reply to the customer')
      .fill('We apologise if you were upset, but the courier is to blame.');
    const coach = page.getByRole('region', { name: /Coach/ });
    await coach
      .getByText(/^Fix:|^Consider:/)
      .first()
      .waitFor();
    expect(await coach.textContent()).toMatch(/blame|if/i);
  }, 60_000);

  test('saved views stay with the person; the customer page shows the history', async () => {
    const { page } = desk;
    await page.goto(desk.base);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByLabel('Channel').selectOption('phone');
    await page.getByLabel('Name for this view').fill('Phone calls');
    await page.getByRole('button', { name: 'Save view' }).click();
    const mine = page.getByRole('button', { name: 'Phone calls', exact: true });
    await mine.waitFor();
    await page.getByRole('button', { name: 'All open' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Phone calls', exact: true }).click();
    expect(await page.getByLabel('Channel').inputValue()).toBe('phone');
    await expect.poll(() => page.locator('tr.case-row').count()).toBe(1);

    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('link', { name: /Customer history/ }).click();
    await page.getByRole('heading', { name: new RegExp('^Rosa') }).waitFor();
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toContain(HOSTILE); // as text, never as markup
    await page.getByRole('region', { name: 'Open promises' }).getByText('Ring Rosa back').waitFor();
    await page
      .getByRole('region', { name: 'Cases' })
      .getByRole('link', { name: reference })
      .waitFor();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(desk.pageErrors).toEqual([]);
  }, 60_000);

  test('with nobody to sign in, the app offers set-up through the printed link', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ database, jobs: recordingJobs(), now: () => new Date() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { page } = desk;
      await page.context().clearCookies();
      await page.goto(base);
      await page.getByText('Open the one-time set-up link').waitFor();
      const token = await issueSetupToken(database, new Date());
      await page.goto(`${base}/setup?token=${token}`);
      await page.getByLabel('Organisation name').fill('Pizza Palace');
      await page.getByLabel('Time zone').selectOption('Europe/Rome');
      await page.getByLabel('Saturday').fill('11:00-23:00');
      await page.getByLabel('Your name').fill('Paola');
      await page.getByLabel('Email').fill('paola@pizza.example');
      await page.getByLabel(/^Password/).fill('a long enough secret');
      await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      await page.getByText('Paola (admin)').waitFor();
      await page.goto(`${base}/settings/hours`);
      expect(await page.getByLabel('Organisation name').inputValue()).toBe('Pizza Palace');
      expect(await page.getByLabel(/Time zone/).inputValue()).toBe('Europe/Rome');
      expect(await page.getByLabel('Saturday').inputValue()).toBe('11:00-23:00');
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);
});
