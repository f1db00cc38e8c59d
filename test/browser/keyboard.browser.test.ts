// A keyboard-only pass in a real browser: sign in, pick a view, search with `/`, move with j/k,
// open with Enter, work the case with Tab, Enter and Space, and come back — never the mouse.
// Every stop shows a visible focus ring.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ensureWebBuild,
  hasChromium,
  PASSWORD,
  startBrowserDesk,
  type BrowserDesk,
} from '../support/browser.ts';
import { complaint } from '../support/harness.ts';

let desk: BrowserDesk;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  desk = await startBrowserDesk();
  page = desk.page;
  for (const [subject, first] of [
    ['Broken kettle', 'Kim'],
    ['Late parcel', 'Lou'],
    ['Wrong size shoes', 'Max'],
  ] as const) {
    const res = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: desk.agentHeaders,
      payload: complaint({ subject, customer: { firstName: first, contacts: [] } }),
    });
    expect(res.statusCode).toBe(201);
  }
});

afterAll(() => desk?.close());

// Page code is passed as strings: this file is type-checked for Node, without the DOM library.
const active = (expr: string) =>
  page.evaluate(`(() => { const el = document.activeElement; return ${expr}; })()`);

/** Presses Tab until the focused element matches `css` (fails after `max` presses). */
async function tabTo(css: string, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await active(`!!el && el.matches(${JSON.stringify(css)})`)) {
      // The focus ring is visible: a real outline, not "none".
      expect(await active('getComputedStyle(el).outlineStyle')).not.toBe('none');
      return;
    }
  }
  throw new Error(`Tab never reached ${css}`);
}

describe.skipIf(!hasChromium)('keyboard only', () => {
  test('inbox and case without the mouse', async () => {
    await page.goto(desk.base);
    await page.getByLabel('Email').waitFor();
    // The email field has focus on arrival.
    await page.keyboard.type('ana@example.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const rows = page.locator('tr.case-row');
    await rows.nth(2).waitFor();

    // A built-in view by keyboard: Tab to "Mine", Space.
    await tabTo('button[aria-pressed]:not([aria-pressed="true"])');
    expect(await active('el.textContent')).toBe('Mine');
    await page.keyboard.press('Space');
    await expect.poll(() => active('el.getAttribute("aria-pressed")')).toBe('true');
    await rows.nth(2).waitFor();

    // `/` jumps to search; typing filters; Escape leaves the box; j/k move; Enter opens.
    await page.keyboard.press('Escape');
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('/');
    expect(await active('el.getAttribute("type")')).toBe('search');
    await page.keyboard.type('parcel');
    await expect.poll(() => rows.count()).toBe(1);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => rows.count()).toBe(3);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    const chosen = await rows.nth(1).getAttribute('data-reference');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/cases/${chosen}$`));

    // In the case: Tab to the restatement, type it, Enter saves; Tab to "Customer confirmed",
    // Space presses it.
    await page.getByTestId('customer-account').waitFor();
    await tabTo('#restatement');
    await page.keyboard.type('Your order came late and nobody told you.');
    await page.keyboard.press('Tab');
    expect(await active('el.textContent')).toBe('Save restatement');
    await page.keyboard.press('Enter');
    const confirmed = page.getByRole('button', { name: 'Customer confirmed' });
    await expect.poll(() => confirmed.isEnabled()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await active('el.textContent')).toBe('Customer confirmed');
    await page.keyboard.press('Space');
    await page.getByText('✓ Confirmed by the customer').waitFor();

    // Back to the inbox with the keyboard; the view chosen earlier is still chosen.
    await tabTo('a[href="/"]:not(.brand)', { back: true });
    expect(await active('el.textContent')).toBe('← Inbox');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(await page.getByRole('button', { name: 'Mine', pressed: true }).count()).toBe(1);
    expect(desk.pageErrors).toEqual([]);
  }, 60_000);
});
