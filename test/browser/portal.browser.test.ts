// The customer portal in a real browser (Debian's chromium via playwright-core) against the real
// server: open the signed link, accept a solution ("meets"), fill the survey; the agent then
// sees both. A <script> in the customer's own words is shown as text and never runs.
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, HOSTILE, startBrowserDesk, type BrowserDesk } from '../support/browser.ts';
import { complaint } from '../support/harness.ts';

let desk: BrowserDesk;
let app: FastifyInstance;
let base: string;
let page: Page;
let headers: Record<string, string>;
let pageErrors: string[];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are asserted field by field
async function staff(method: 'GET' | 'POST', url: string, payload?: object): Promise<any> {
  const res = await app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  if (!hasChromium) return;
  desk = await startBrowserDesk();
  ({ app, base, page, pageErrors } = desk);
  headers = desk.agentHeaders;
});

afterAll(() => desk?.close());

// Page code is passed as strings: this file is type-checked for Node, without the DOM library.
const pwned = () => page.evaluate('window.__pwned');

describe.skipIf(!hasChromium)('the customer portal in a real browser', () => {
  test('open the link, accept a solution, fill the survey; the agent sees both', async () => {
    const opened = await staff(
      'POST',
      '/cases',
      complaint({ account: `The kettle leaks. ${HOSTILE} Please help.` }),
    );
    const caseId = opened.id as string;
    const offered = await staff('POST', `/cases/${caseId}/solutions`, {
      options: ['A new kettle delivered tomorrow', `A full refund ${HOSTILE}`],
    });
    await staff('POST', `/cases/${caseId}/solutions/choose`, {
      optionId: offered.options[0].id,
    });
    await staff('POST', `/cases/${caseId}/replies`, { body: `Sorry, Priya. ${HOSTILE}` });
    await staff('POST', `/cases/${caseId}/replies`, {
      body: 'INTERNAL: check the supplier batch',
      isInternalNote: true,
    });
    const link = await staff('GET', `/cases/${caseId}/portal-link`);

    await page.goto(`${base}${link.path as string}`);
    await page.getByRole('heading', { name: `Your case ${opened.reference as string}` }).waitFor();
    await page.getByText('A member of our team is working on it.').waitFor();
    await page.getByText(`A full refund ${HOSTILE}`).waitFor();
    await page.getByText(`Sorry, Priya. ${HOSTILE}`).waitFor();
    expect(await page.getByText('INTERNAL').count()).toBe(0);

    await page.getByLabel('It is what I expected').check();
    await page.getByLabel('What would make it right for you? (optional)').fill('Quick delivery');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByText('Thank you for telling us what you think of the solution.').waitFor();
    await page.getByText('Your last answer: It is what I expected.').waitFor();

    await staff('POST', `/cases/${caseId}/status`, { status: 'resolved' });
    await page.reload();
    await page.getByRole('heading', { name: 'How did we do?' }).waitFor();
    const pick = async (group: string, value: string) =>
      page.getByRole('group', { name: group }).getByLabel(value, { exact: true }).check();
    await pick('Was the outcome fair? (1 = not at all, 5 = completely)', '4');
    await pick('Was the way we handled it fair? (1 = not at all, 5 = completely)', '5');
    await pick('Were you treated well? (1 = not at all, 5 = completely)', '5');
    await pick('Will you stay with us?', 'Yes');
    await page.getByLabel('Anything else you want to tell us? (optional)').fill(`Great ${HOSTILE}`);
    await page.getByRole('button', { name: 'Send the survey' }).click();
    await page.getByText('Thank you for answering the survey.').waitFor();
    await page.getByText('Thank you, we have your answers to our survey.').waitFor();

    expect(await pwned()).toBeUndefined();
    expect(pageErrors).toEqual([]);

    const view = await staff('GET', `/cases/${caseId}`);
    expect(view.case.verdict).toBe('meets');
    expect(view.case.customerIdea).toBe('Quick delivery');
    expect(view.survey).toMatchObject({
      outcomeFair: 4,
      processFair: 5,
      treatedWell: 5,
      willStay: 'yes',
      comment: `Great ${HOSTILE}`,
    });
    const types = (view.timeline as Array<{ type: string; data: Record<string, unknown> }>).map(
      (e) => e.type,
    );
    expect(types).toEqual(expect.arrayContaining(['verdict_recorded', 'survey_answered']));
    expect(
      (view.timeline as Array<{ type: string; data: Record<string, unknown> }>).find(
        (e) => e.type === 'verdict_recorded',
      )?.data,
    ).toMatchObject({ verdict: 'meets', madeBy: 'customer' });
  });

  test('a tampered link gets a clear page with a way to ask for a new one', async () => {
    const res = await page.goto(`${base}/portal/not-a-real-link`);
    expect(res?.status()).toBe(403);
    await page.getByLabel('Your case reference (for example RD-1001)').fill('RD-1001');
    await page
      .getByLabel('The email address or mobile number you gave us')
      .fill('someone@example.com');
    await page.getByRole('button', { name: 'Send me a new link' }).click();
    await page
      .getByText(/If the reference and the email address or mobile number match a case/)
      .waitFor();
  });
});
