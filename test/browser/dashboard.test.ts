// The manager dashboard in a real browser (Debian's chromium via playwright-core) on the real
// server: its charts come from real data (the hand-built metrics dataset, moved to the recent
// past), a bar opens the matching cases in the inbox, and so does a row of a chart's table.
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { CHROMIUM, hasChromium, startBrowserDesk, type BrowserDesk } from '../support/browser.ts';
import { loadMetricsDataset, type Dataset } from '../support/metrics-dataset.ts';
import { REPO_ROOT } from '../support/processes.ts';

if (!hasChromium) {
  console.warn(
    `Skipping the browser tests: ${CHROMIUM} is missing (install it with apt-get install -y chromium).`,
  );
}

let desk: BrowserDesk;
let page: Page;
let data: Dataset;

beforeAll(async () => {
  if (!hasChromium) return;
  const build = spawnSync(process.execPath, ['web/ensure-build.js'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  desk = await startBrowserDesk();
  page = desk.page;
  await insertNewUser(desk.database.db, {
    email: 'kit@example.test',
    name: 'Kit Manager',
    role: 'manager',
    password: 'correct horse battery',
  });
  data = await loadMetricsDataset(desk.database, { near: new Date() });
}, 120_000);

afterAll(() => desk?.close());

const inboxRefs = async () =>
  (await page.locator('table.inbox tbody tr td:first-child').allTextContents())
    .map((t) => /RD-\d+/.exec(t)?.[0])
    .sort();

describe.runIf(hasChromium)('the dashboard', () => {
  test('renders its charts from real data; a bar and a table row open the matching cases', async () => {
    await page.goto(desk.base);
    await page.getByLabel('Email').fill('kit@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    // The last 12 weeks hold all six cases (the one from October too).
    const headline = (name: string) =>
      page
        .locator('.headline', { has: page.locator(`dt:text-is("${name}")`) })
        .locator('.headline__value');
    await expect.poll(() => headline('Complaints received').textContent()).toBe('6');
    expect(await headline('Same-day first response').textContent()).toBe('66.7%');
    expect(await headline('Recovery acceptance').textContent()).toBe('75%');

    // Every chart is drawn, with a bar link per bucket that has cases.
    const figure = (title: string) =>
      page.locator('figure.chart', { has: page.locator(`h2:text-is("${title}")`) });
    for (const title of [
      'Complaints received',
      'Same-day first response',
      'SLA compliance',
      'Promises kept',
      'Recovery acceptance',
      'Restitution cost',
      'email',
      'billing',
    ])
      expect(await figure(title).locator('svg.bar-chart rect').count()).toBeGreaterThan(0);
    expect(await figure('email').locator('.chart__headline').textContent()).toBe('4 complaints');
    await expect.poll(() => figure('Complaints received').locator('svg a').count()).toBe(3);

    // The e-mail bar of the week with two cases opens exactly those two, all statuses.
    await figure('email').locator('svg a[aria-label*=": 2."]').click();
    await page.locator('table.inbox').waitFor();
    expect(page.url()).toContain('channel=email');
    await expect
      .poll(inboxRefs)
      .toEqual([data.cases[3]!.reference, data.cases[5]!.reference].sort());
    expect(await page.locator('.drill-note').textContent()).toContain('From the dashboard');

    // Back on the dashboard, the table under "Same-day first response" (the text alternative)
    // opens the week's case answered late.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const sameDay = figure('Same-day first response');
    await sameDay.locator('summary').click();
    await sameDay
      .locator('tr', { hasText: '66.7%' })
      .getByRole('link', { name: 'Open the cases answered late' })
      .click();
    await expect.poll(inboxRefs).toEqual([data.cases[4]!.reference]);
    expect(await page.locator('.drill-note').textContent()).toContain('first response missed');
    expect(desk.pageErrors).toEqual([]);

    if (process.env.REDRESS_SCREENSHOT_DIR) {
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.screenshot({
        path: `${process.env.REDRESS_SCREENSHOT_DIR}/dashboard-test.png`,
        fullPage: true,
      });
    }
  });
});
