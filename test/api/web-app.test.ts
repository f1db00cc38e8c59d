// The web app is served at `/` with a strict CSP; deep links get the app, API misses stay JSON.
import { spawnSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeApi, makeDesk, type Desk } from '../support/harness.ts';
import { REPO_ROOT } from '../support/processes.ts';

let desk: Desk;
let api: FastifyInstance;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['web/ensure-build.js'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  desk = await makeDesk();
  api = await makeApi(desk);
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

test.each(['/', '/cases/RD-1001', '/approvals'])(
  '%s serves the app with a strict CSP',
  async (url) => {
    const res = await api.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<div id="root">');
  },
);

test('API misses, missing files and traversal stay 404s', async () => {
  for (const url of [
    '/api/v1/no-such-route',
    '/favicon.ico',
    '/assets/missing.js',
    '/assets/..%2f..%2fpackage.json',
  ]) {
    const res = await api.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(404);
  }
  // The set-up link is the app's own screen.
  const setup = await api.inject({ method: 'GET', url: '/setup?token=setup_x' });
  expect(setup.body).toContain('<div id="root">');
});

test('hashed assets are served and cached for good', async () => {
  const index = await api.inject({ method: 'GET', url: '/' });
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1];
  expect(script).toBeTruthy();
  const res = await api.inject({ method: 'GET', url: script ?? '' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toContain('immutable');
});
