// The security edges: sign-in limited per account and per address (429 with Retry-After),
// webhook floods refused before any work, secure headers on every answer (only the complaint
// form may be framed), every cookie-authenticated write refused without X-Redress-Request, and
// a log that never carries passwords, tokens, portal links, addresses or customers' words.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import {
  SIGN_IN_FAILURES_PER_ACCOUNT,
  SIGN_IN_PER_ADDRESS,
} from '../../src/api/routes/auth.routes.ts';
import { loggableError, loggableUrl } from '../../src/api/plugins/security.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { complaint, makeDesk, tokenFor, type Desk } from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;
const logLines: string[] = [];
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  desk = await makeDesk();
  api = await buildApp({
    database: desk.database,
    jobs: desk.jobs,
    now: desk.clock.now,
    logger: { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } },
    webhooks: { publicUrl: 'http://localhost', socialSecret: 's'.repeat(32), limitPerMinute: 3 },
  });
  for (const name of ['ana', 'ben', 'cy'])
    await insertNewUser(desk.database.db, {
      email: `${name}@shop.example`,
      name,
      role: 'agent',
      password: PASSWORD,
    });
});
afterAll(async () => {
  await api?.close();
  await desk?.close();
});

const signIn = (email: string, password: string, ip = '198.51.100.7') =>
  api.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress: ip,
  });

describe('sign-in rate limits', () => {
  test('an account locks after repeated failures, even for the right password, then reopens', async () => {
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++) {
      const res = await signIn('ana@shop.example', 'wrong password', `203.0.113.${i + 1}`);
      expect(res.statusCode).toBe(401);
    }
    const locked = await signIn('ana@shop.example', PASSWORD, '203.0.113.99');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers['content-type']).toMatch(/problem\+json/);
    expect(locked.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    // Another account from the same addresses is unaffected.
    expect((await signIn('ben@shop.example', PASSWORD, '203.0.113.1')).statusCode).toBe(200);
    desk.clock.advance(15 * 60_000 + 1000);
    expect((await signIn('ana@shop.example', PASSWORD, '203.0.113.99')).statusCode).toBe(200);
  });

  test('one address is limited across accounts', async () => {
    desk.clock.advance(15 * 60_000 + 1000);
    const ip = '192.0.2.50';
    for (let i = 0; i < SIGN_IN_PER_ADDRESS; i++) {
      const res = await signIn(`nobody${i}@shop.example`, 'wrong password', ip);
      expect(res.statusCode).toBe(401);
    }
    const limited = await signIn('cy@shop.example', PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn('cy@shop.example', PASSWORD, '192.0.2.51')).statusCode).toBe(200);
  });
});

test('webhook floods are refused with 429 before the signature is even read', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/webhooks/social',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
      remoteAddress: '198.51.100.200',
    });
    codes.push(res.statusCode);
    if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }
  expect(codes).toEqual([401, 401, 401, 429, 429]);
  const other = await api.inject({
    method: 'POST',
    url: '/api/v1/webhooks/social',
    headers: { 'content-type': 'application/json' },
    payload: '{}',
    remoteAddress: '198.51.100.201',
  });
  expect(other.statusCode).toBe(401);
});

describe('secure headers', () => {
  test('API answers load nothing, may not be framed, send no referrer and are not sniffed', async () => {
    for (const url of ['/api/v1/me', '/api/v1/openapi.json', '/healthz', '/api/v1/nope']) {
      const res = await api.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-security-policy'], url).toContain("default-src 'none'");
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  test('the portal is locked down; only the complaint form may be embedded', async () => {
    const portal = await api.inject({ method: 'GET', url: '/portal/new-link' });
    expect(portal.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(portal.headers['x-frame-options']).toBe('DENY');
    const form = await api.inject({ method: 'GET', url: '/complain' });
    expect(form.statusCode).toBe(200);
    expect(form.headers['x-frame-options']).toBeUndefined();
    expect(form.headers['content-security-policy']).not.toContain('frame-ancestors');
    expect(form.headers['content-security-policy']).toContain("default-src 'none'");
    expect(form.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('CSRF', () => {
  test('every cookie-authenticated write without X-Redress-Request is refused and writes nothing', async () => {
    desk.clock.advance(15 * 60_000 + 1000);
    const user = await desk.makeUser('admin', 'Csrf Admin');
    const session = await signIn('csrf.admin@example.test', PASSWORD, '192.0.2.200');
    expect(session.statusCode).toBe(200);
    const cookie = `redress_session=${session.cookies.find((c) => c.name === 'redress_session')?.value}`;
    const doc = (await api.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase() as 'POST', path })),
    );
    expect(writes.length).toBeGreaterThan(30);
    const count = async () =>
      (
        await desk.database.pool.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_events)
                + (SELECT count(*) FROM api_tokens) + (SELECT count(*) FROM users) AS n`,
        )
      ).rows[0]?.n;
    const before = await count();
    const unprotected: string[] = [];
    for (const { method, path } of writes) {
      if (path.startsWith('/api/v1/public/')) continue; // customer doors ignore staff cookies
      const url = path.replace(/\{[^}]+\}/g, user.id);
      const res = await api.inject({
        method,
        url,
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(complaint()),
      });
      if (res.statusCode !== 403 || !/X-Redress-Request/.test(res.body))
        unprotected.push(`${method} ${path} → ${res.statusCode}`);
    }
    expect(unprotected).toEqual([]);
    expect(await count()).toBe(before);
  });
});

describe('the log', () => {
  test('carries no password, token, portal link, address or customer words', async () => {
    desk.clock.advance(15 * 60_000 + 1000);
    logLines.length = 0;
    const secrets: string[] = [PASSWORD];
    const ok = await signIn('ben@shop.example', PASSWORD, '192.0.2.201');
    secrets.push(ok.cookies.find((c) => c.name === 'redress_session')?.value ?? 'missing');
    await signIn('ben@shop.example', 'a wrong guess!', '192.0.2.201');
    const staff = await tokenFor(desk, 'supervisor');
    secrets.push(staff.headers.authorization.slice(7));
    const words = 'My kettle sparked and burned the worktop';
    const form = await api.inject({
      method: 'POST',
      url: '/api/v1/public/complaints?email=zoe.quinn@customers.example',
      payload: {
        firstName: 'Zoë',
        lastName: 'Quinnell',
        email: 'zoe.quinn@customers.example',
        preferredContact: 'email',
        message: words,
      },
      remoteAddress: '192.0.2.202',
    });
    expect(form.statusCode).toBe(201);
    const opened = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: staff.headers,
      payload: complaint(),
    });
    const link = await api.inject({
      method: 'GET',
      url: `/api/v1/cases/${opened.json<{ id: string }>().id}/portal-link`,
      headers: staff.headers,
    });
    const portalToken = link.json<{ token: string }>().token;
    secrets.push(portalToken);
    expect((await api.inject({ method: 'GET', url: `/portal/${portalToken}` })).statusCode).toBe(
      200,
    );
    await api.inject({ method: 'GET', url: '/api/v1/cases?q=Quinnell', headers: staff.headers });
    const log = logLines.join('\n');
    // The log was really written: one line per request answered (seven above, at least).
    expect(logLines.filter((l) => l.includes('request completed')).length).toBeGreaterThanOrEqual(
      7,
    );
    expect(log).toContain('/portal/[token]');
    expect(log).toContain('/api/v1/cases?q=…');
    for (const s of [...secrets, 'zoe.quinn', 'Quinnell', words, 'ben@shop.example'])
      expect(log, `the log must not contain ${s}`).not.toContain(s);
  });

  test('a failed statement is logged without its parameters; query values are dropped', () => {
    const err = Object.assign(
      new Error('Failed query: insert into "customers" ("first_name") values ($1)\nparams: Zoë'),
      { code: '23505' },
    );
    const logged = JSON.stringify(loggableError(err));
    expect(logged).toContain('insert into');
    expect(logged).not.toContain('Zoë');
    expect(loggableUrl('/portal/abc.def?x=1&q=Zoë')).toBe('/portal/[token]?x=…&q=…');
  });
});
