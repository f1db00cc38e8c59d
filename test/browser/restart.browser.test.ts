// The server restarts mid-session in a real browser: the app says it is reconnecting instead
// of breaking, and once the server is back the same session carries on without signing in.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import {
  ensureWebBuild,
  hasChromium,
  signIn,
  startBrowserDesk,
  type BrowserDesk,
} from '../support/browser.ts';
import { complaint, recordingJobs } from '../support/harness.ts';

let desk: BrowserDesk;
let second: FastifyInstance | null = null;

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  desk = await startBrowserDesk();
});

afterAll(async () => {
  await second?.close();
  await desk?.close();
});

describe.skipIf(!hasChromium)('a server restart mid-session', () => {
  test('the app waits for the server and keeps the session', async () => {
    const { page } = desk;
    const port = Number(new URL(desk.base).port);
    await signIn(desk, 'ana@example.test');
    await page.getByText('No cases match.').waitFor();

    await desk.app.close();
    // Something the app asks for while the server is down: a retrying query, then the banner.
    await page.getByLabel('Channel').selectOption('phone');
    await page.getByText('The server is not answering').waitFor({ timeout: 15_000 });

    // A case arrives while the server is down (filed straight into the new instance).
    second = await buildApp({
      database: desk.database,
      jobs: recordingJobs(),
      now: () => new Date(),
    });
    const res = await second.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: desk.agentHeaders,
      payload: complaint({ channel: 'phone', subject: 'Called while you restarted' }),
    });
    expect(res.statusCode).toBe(201);
    await second.listen({ port, host: '127.0.0.1' });

    // The retry lands on the new server with the same cookie: the case shows, no sign-in.
    await page.getByText('Called while you restarted').waitFor({ timeout: 20_000 });
    await page.getByText('The server is not answering').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Password').count()).toBe(0);
    expect(desk.pageErrors).toEqual([]);
  }, 60_000);
});
