// First run, sign-in, sessions with CSRF protection, API tokens and their scopes, revocation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { issueSetupToken } from '../../src/core/users/first-admin.ts';
import { complaint, makeApi, makeDesk, type Desk } from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

describe('first run and access', () => {
  test('the set-up link creates the first admin once; then sign-in, cookies and tokens work', async () => {
    const page = await api.inject({ method: 'GET', url: '/setup?token=abc' });
    expect(page.statusCode).toBe(200);
    // The web app's set-up screen, or the plain fallback page when the app is not built.
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toContain('abc'); // the token is never echoed into the page

    const token = await issueSetupToken(desk.database, desk.clock.now());
    expect(token).toBeTruthy();
    const admin = {
      token,
      email: 'Morgan@Shop.example',
      name: 'Morgan',
      password: 'a long enough secret',
      organisationName: 'Shop',
    };
    const bad = await api.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...admin, token: 'setup_wrong-token-value' },
    });
    expect(bad.statusCode).toBe(403);
    const created = await api.inject({ method: 'POST', url: '/api/v1/setup', payload: admin });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'morgan@shop.example', role: 'admin' });
    const again = await api.inject({ method: 'POST', url: '/api/v1/setup', payload: admin });
    expect(again.statusCode).toBe(409);
    expect(await issueSetupToken(desk.database, desk.clock.now())).toBeNull();

    const wrong = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: admin.email, password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const signIn = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: admin.email, password: admin.password },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'redress_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const cookieHeader = { cookie: `redress_session=${cookie?.value}` };

    expect(
      (await api.inject({ method: 'GET', url: '/api/v1/me', headers: cookieHeader })).json(),
    ).toMatchObject({ role: 'admin' });
    // A cookie-authenticated write without the custom header is refused (CSRF).
    const forged = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: cookieHeader,
      payload: complaint(),
    });
    expect(forged.statusCode).toBe(403);
    const real = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...cookieHeader, 'x-redress-request': '1' },
      payload: complaint(),
    });
    expect(real.statusCode).toBe(201);

    const readOnly = await api.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { ...cookieHeader, 'x-redress-request': '1' },
      payload: { name: 'reports', scopes: ['cases:read'] },
    });
    expect(readOnly.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${readOnly.json().token}` };
    expect(
      (await api.inject({ method: 'GET', url: '/api/v1/cases', headers: bearer })).statusCode,
    ).toBe(200);
    expect(
      (
        await api.inject({
          method: 'POST',
          url: '/api/v1/cases',
          headers: bearer,
          payload: complaint(),
        })
      ).statusCode,
    ).toBe(403);

    const revoke = await api.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${readOnly.json().id}`,
      headers: { ...cookieHeader, 'x-redress-request': '1' },
    });
    expect(revoke.statusCode).toBe(204);
    expect(
      (await api.inject({ method: 'GET', url: '/api/v1/cases', headers: bearer })).statusCode,
    ).toBe(401);

    await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { ...cookieHeader, 'x-redress-request': '1' },
    });
    expect(
      (await api.inject({ method: 'GET', url: '/api/v1/me', headers: cookieHeader })).statusCode,
    ).toBe(401);
  });

  test('health, readiness and the OpenAPI description', async () => {
    expect((await api.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await api.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
    });
    const spec = (await api.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}/close', '/api/v1/coach']),
    );
    // Every operation documents its refusals as problem+json with field issues and request id.
    const operations = Object.values(spec.paths).flatMap((path) =>
      Object.values(path as Record<string, { responses: Record<string, unknown> }>),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) {
      const refused = op.responses['4XX'] as {
        content: Record<string, { schema: { properties: Record<string, unknown> } }>;
      };
      expect(Object.keys(refused.content['application/problem+json']!.schema.properties)).toEqual(
        expect.arrayContaining(['code', 'issues', 'requestId']),
      );
    }
    // Case intake: 201 for a new case, 200 for a retry with an Idempotency-Key already used.
    const intake = spec.paths['/api/v1/cases'].post;
    expect(Object.keys(intake.responses)).toEqual(
      expect.arrayContaining(['200', '201', '4XX', '5XX']),
    );
    expect(intake.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
  });

  test('the language endpoints read a complaint and coach a draft', async () => {
    const { headers } = await (await import('../support/harness.ts')).tokenFor(desk, 'agent');
    const read = await api.inject({
      method: 'POST',
      url: '/api/v1/analyze',
      headers,
      payload: {
        text: 'This is the third time my refund failed. I will report you to the ombudsman.',
      },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ activist: true, repeat: true });
    const coached = await api.inject({
      method: 'POST',
      url: '/api/v1/coach',
      headers,
      payload: {
        text: 'Sorry if you feel let down, but the courier lost it.',
        customerFirstName: 'Priya',
      },
    });
    expect(coached.json().has).toMatchObject({
      conditionalApology: true,
      blameShift: true,
      usesFirstName: false,
    });
  });
});
