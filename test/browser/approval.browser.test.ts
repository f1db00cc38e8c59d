// Restitution above the agent's limit in a real browser: the agent asks, the request waits in
// the supervisor's queue, the supervisor approves it in two clicks (decision, then reason),
// and the case shows it granted.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addStaff,
  ensureWebBuild,
  hasChromium,
  signIn,
  startBrowserDesk,
  type BrowserDesk,
} from '../support/browser.ts';
import { complaint } from '../support/harness.ts';

let desk: BrowserDesk;
let reference: string;
let supervisorEmail: string;

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  desk = await startBrowserDesk();
  ({ email: supervisorEmail } = await addStaff(desk, 'supervisor', 'Sol Supervisor'));
  const res = await desk.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: desk.agentHeaders,
    payload: complaint({ subject: 'Ruined wedding cake' }),
  });
  expect(res.statusCode).toBe(201);
  reference = res.json().reference;
});

afterAll(() => desk?.close());

describe.skipIf(!hasChromium)('approval of restitution above the limit', () => {
  test('the agent asks, the supervisor approves, the case shows it granted', async () => {
    const { page, base } = desk;
    await signIn(desk, 'ana@example.test');
    await page.goto(`${base}/cases/${reference}`);
    const authority = page.getByTestId('authority');
    await expect.poll(() => authority.textContent()).toContain('50.00 GBP');

    await page.getByLabel('Kind').selectOption('refund');
    await page.getByLabel(/^Amount/).fill('120');
    await page.getByText('Above your remaining authority').waitFor();
    await page.getByRole('button', { name: 'Request approval' }).click();
    await page.getByText('Sent to the supervisors’ approval queue.').waitFor();
    await page.getByText(/refund 120(\.00)? GBP — Waiting for approval/).waitFor();

    // The agent has no supervisor page.
    expect(await page.getByRole('link', { name: 'Supervisor' }).count()).toBe(0);

    await signIn(desk, supervisorEmail);
    await page.getByRole('link', { name: 'Supervisor' }).click();
    await page.getByRole('heading', { name: 'Approvals (1)' }).waitFor();
    const item = page.locator('li.approval', { hasText: reference });
    await expect.poll(() => item.textContent()).toContain('asked by Ana Agent');
    await item.getByRole('button', { name: 'Approve…' }).click();
    await item.getByRole('button', { name: 'Fair for what went wrong' }).click();
    await page.getByText('Nothing waits for approval.').waitFor();

    await page.goto(`${base}/cases/${reference}`);
    await page.getByText(/refund 120(\.00)? GBP — Granted \(Fair for what went wrong\)/).waitFor();
    const timeline = await page.getByRole('region', { name: 'Timeline' }).textContent();
    expect(timeline).toMatch(/approv/i);
    expect(desk.pageErrors).toEqual([]);
  }, 60_000);
});
