// A real browser (Debian's chromium via playwright-core) against the real server on a fresh
// database: sign in, open a case from the inbox with the keyboard, walk it to closure, and make
// sure a <script> in the customer's words is shown as text and never runs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHROMIUM,
  hasChromium,
  HOSTILE,
  startBrowserDesk,
  type BrowserDesk,
} from '../support/browser.ts';
import { complaint } from '../support/harness.ts';
import { REPO_ROOT } from '../support/processes.ts';

if (!hasChromium) {
  console.warn(
    `Skipping the browser tests: ${CHROMIUM} is missing (install it with apt-get install -y chromium).`,
  );
}

let desk: BrowserDesk;
let base: string;
let page: Page;
let pageErrors: string[];

async function openCases(headers: Record<string, string>) {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const hostile = complaint({
    channel: 'phone',
    subject: 'Double charge on my card',
    receivedAt: at(3),
    account: `They charged me twice. ${HOSTILE} Please sort it out.`,
    customer: { firstName: 'Mallory', lastName: '<b>Tables</b>', contacts: [] },
  });
  for (const payload of [hostile, complaint({ receivedAt: at(1) })]) {
    const res = await desk.app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload });
    expect(res.statusCode).toBe(201);
  }
}

beforeAll(async () => {
  if (!hasChromium) return;
  const build = spawnSync(process.execPath, ['web/ensure-build.js'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  desk = await startBrowserDesk();
  ({ base, page, pageErrors } = desk);
  await openCases(desk.agentHeaders);
});

afterAll(() => desk?.close());

// Page code is passed as strings: this file is type-checked for Node, without the DOM library.
const pwned = () => page.evaluate('window.__pwned');

/** Screenshots for docs/ when REDRESS_SCREENSHOT_DIR is set (not part of the assertions). */
async function snap(name: string) {
  const dir = process.env.REDRESS_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function click(name: string | RegExp) {
  await page.getByRole('button', { name }).click();
}

async function see(text: string | RegExp) {
  await page.getByText(text).first().waitFor();
}

describe.skipIf(!hasChromium)('the web app in a real browser', () => {
  test('sign in, open a case by keyboard, walk it to closure; customer text stays text', async () => {
    await page.goto(base);
    await page.getByLabel('Email').fill('ana@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await click('Sign in');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    // The inbox shows both cases; find the hostile one and reach it with j, open with Enter.
    const rows = page.locator('tr.case-row');
    await rows.nth(1).waitFor();
    const subjects = await rows.locator('.case-row__subject').allTextContents();
    const target = subjects.indexOf('Double charge on my card');
    await snap('inbox');
    expect(target).toBeGreaterThanOrEqual(0);
    await page.evaluate('document.activeElement?.blur()');
    for (let i = 0; i < target; i++) await page.keyboard.press('j');
    await expect(rows.nth(target).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('/');
    expect(await page.evaluate("document.activeElement?.getAttribute('type')")).toBe('search');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/RD-\d+$/);

    // The customer's words, verbatim, as text.
    const account = page.getByTestId('customer-account');
    await account.waitFor();
    expect(await account.textContent()).toContain(HOSTILE);
    expect(await account.locator('script, img').count()).toBe(0);
    await see('Mallory <b>Tables</b>');

    // Solutions before feelings: allowed, nudged.
    await page.getByLabel('Solution 1').fill('Refund the second charge today');
    await page.getByLabel('Solution 2').fill('Refund it plus a month free');
    await click('Offer solutions');
    await see(/Nudge:/);
    await snap('case-workspace');

    await page.getByLabel('In your own words').fill('You were charged twice for one order.');
    await click('Save restatement');
    const confirmed = page.getByRole('button', { name: 'Customer confirmed' });
    await expect.poll(() => confirmed.isEnabled()).toBe(true);
    await confirmed.click();
    await see('✓ Confirmed by the customer');

    const chip = page.getByRole('button', { name: /frustrated/ });
    if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
    await click('Confirm feelings');
    await see(/✓ Confirmed: .*frustrated/);
    await page.getByText(/^Nudge:/).waitFor({ state: 'detached' });

    // The reply coach reads the draft as it is typed, with the confirmed feeling as context.
    const draft = page.getByLabel('Reply to the customer');
    const coachBox = page.getByRole('region', { name: /Coach/ });
    await draft.fill('Sorry if you feel upset about it.');
    await coachBox.locator('[data-rule="apology.conditional"]').waitFor();
    expect(await coachBox.locator('[data-rule="feeling.unacknowledged"]').count()).toBe(1);
    expect(await coachBox.locator('[data-rule="name.missing"]').count()).toBe(1);
    await draft.fill('Mallory, I am sorry. I can see how frustrating this is; I have refunded it.');
    await coachBox.locator('[data-rule="apology.conditional"]').waitFor({ state: 'detached' });
    expect(await coachBox.locator('[data-rule="feeling.unacknowledged"]').count()).toBe(0);
    expect(await coachBox.locator('[data-rule="name.missing"]').count()).toBe(0);
    await draft.fill('');

    for (const label of [
      'Apologise plainly, without excuses',
      'Take ownership of putting it right',
    ]) {
      await click(`Mark “${label}” done`);
      await page
        .getByRole('button', { name: `Mark “${label}” done` })
        .waitFor({ state: 'detached' });
    }

    await click('Choose “Refund the second charge today”');
    await see(/✓ Chosen/);
    await page.getByLabel('Customer’s verdict').selectOption('meets');
    await click('Record verdict');
    await see('Recorded: Meets expectations');

    await page.getByLabel(/^Amount/).fill('20');
    await click('Give restitution');
    await see(/gift card 20(\.00)? GBP — Granted/);

    await page.getByLabel('Promise', { exact: true }).fill('Call back when the refund lands');
    await click('Make promise');
    await click('Mark kept');
    await see('✓ Kept');

    await click('Mark the chosen solution delivered');
    await see(/✓ Chosen · delivered/);
    await click('Customer thanked');
    await page.getByLabel('Root cause category').fill('billing retries');
    await click('Record root cause');
    await see('Everything is done: the case can close.');
    await click('Close case');
    await see('✓ Closed');
    await see(/^closed$/);

    expect(await pwned()).toBeUndefined();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
