// The role × route matrix. Every route of the OpenAPI document is classified here — public,
// any staff member, or a named permission — so a new route that nobody classified fails this
// test. Anonymous callers and revoked tokens are refused on every staff route before any body is
// read; each restricted route refuses exactly the roles without its permission (403), called
// with a valid body so validation cannot hide a missing check; read-only tokens cannot write;
// a portal link sees only its own case.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/core/shared/roles.rules.ts';
import { ROLES } from '../../src/core/shared/roles.rules.ts';
import { complaint, makeApi, makeDesk, tokenFor, type Desk } from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;
const tokens = {} as Record<Role, { headers: Record<string, string>; user: { id: string } }>;
let revoked: Record<string, string>;
let readOnly: Record<string, string>;
let caseRef: string;
let routes: Array<{ method: string; path: string }>;
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Doors that take no staff credential (each has its own check: signature, set-up token…). */
const PUBLIC = new Set([
  'POST /api/v1/public/complaints',
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/setup',
  'GET /api/v1/setup',
  'POST /api/v1/webhooks/sms',
  'POST /api/v1/webhooks/social',
]);

/**
 * A person's own account, from a signed-in browser only: every API token is refused (403), of
 * any role, whatever the body (staff-sessions.test.ts covers them with cookies).
 */
const BROWSER_ONLY: Record<string, object | undefined> = {
  'GET /api/v1/me/sessions': undefined,
  'DELETE /api/v1/me/sessions/{id}': undefined,
  'POST /api/v1/me/sessions/end-others': {},
  'POST /api/v1/me/password': {
    currentPassword: 'correct horse battery',
    newPassword: 'a brand new password',
  },
};

/** Routes needing more than case.read/case.write, with a body that passes validation. */
const RESTRICTED: Record<string, { allowed: Role[]; body?: () => object }> = {
  'PATCH /api/v1/settings': { allowed: ['admin'], body: () => ({ dueSoonMinutes: 45 }) },
  'POST /api/v1/users': {
    allowed: ['admin'],
    body: () => ({
      email: `new.${Math.random().toString(36).slice(2)}@example.test`,
      name: 'New Person',
      role: 'agent',
      password: 'long enough password',
    }),
  },
  'GET /api/v1/approvals': { allowed: ['supervisor', 'manager', 'admin'] },
  'POST /api/v1/approvals/{id}/decision': {
    allowed: ['supervisor', 'manager', 'admin'],
    body: () => ({ approve: true, reason: 'Fair' }),
  },
  'POST /api/v1/problems': {
    allowed: ['supervisor', 'manager', 'admin'],
    body: () => ({ title: 'Couriers leave parcels outside' }),
  },
  'POST /api/v1/problems/{id}/status': {
    allowed: ['supervisor', 'manager', 'admin'],
    body: () => ({ status: 'investigating' }),
  },
  'POST /api/v1/problems/{id}/actions': {
    allowed: ['supervisor', 'manager', 'admin'],
    body: () => ({
      what: 'Photo on delivery',
      dueAt: '2026-12-01T10:00:00Z',
      customerFacingChange: 'You get a photo.',
    }),
  },
  'POST /api/v1/corrective-actions/{id}/ship': {
    allowed: ['supervisor', 'manager', 'admin'],
    body: () => ({}),
  },
  'GET /api/v1/reports/today': { allowed: ['supervisor', 'manager', 'admin'] },
  'DELETE /api/v1/templates/{id}': { allowed: ['admin'] },
  'POST /api/v1/incidents/{id}/apology': {
    allowed: ['spokesperson', 'supervisor', 'manager', 'admin'],
    body: () => ({}),
  },
  'POST /api/v1/incidents/{id}/customers/import': {
    allowed: ['spokesperson', 'supervisor', 'manager', 'admin'],
  },
  'POST /api/v1/incidents/{id}/checklist/{key}': {
    allowed: ['spokesperson', 'supervisor', 'manager', 'admin'],
    body: () => ({ isDone: true }),
  },
  'GET /api/v1/metrics': { allowed: ['supervisor', 'manager', 'admin'] },
  'POST /api/v1/metrics/rollups': { allowed: ['supervisor', 'manager', 'admin'], body: () => ({}) },
  'GET /api/v1/cases/{id}/audit': { allowed: ['supervisor', 'manager', 'admin'] },
  'GET /api/v1/customers/{id}/export': { allowed: ['manager', 'admin'] },
  'POST /api/v1/customers/{id}/erase': {
    allowed: ['manager', 'admin'],
    body: () => ({ reason: 'Asked to be forgotten' }),
  },
};

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  for (const role of ROLES) tokens[role] = await tokenFor(desk, role);
  const gone = await tokenFor(desk, 'admin');
  revoked = gone.headers;
  const list = await api.inject({ method: 'GET', url: '/api/v1/me', headers: revoked });
  expect(list.statusCode).toBe(200);
  const ro = await api.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: tokens.admin.headers,
    payload: { name: 'read only', scopes: ['cases:read'] },
  });
  readOnly = { authorization: `Bearer ${ro.json<{ token: string }>().token}` };
  // Revoke the admin's token through the API, as its owner would.
  const mine = await api.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: revoked,
    payload: { name: 'to revoke', scopes: ['cases:write'] },
  });
  const created = mine.json<{ id: string; token: string }>();
  revoked = { authorization: `Bearer ${created.token}` };
  const del = await api.inject({
    method: 'DELETE',
    url: `/api/v1/tokens/${created.id}`,
    headers: gone.headers,
  });
  expect(del.statusCode).toBe(204);
  const opened = await api.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: tokens.agent.headers,
    payload: complaint(),
  });
  caseRef = opened.json<{ reference: string }>().reference;
  const doc = (await api.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(async () => {
  await api?.close();
  await desk?.close();
});

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const urlOf = (path: string) =>
  path
    .replace('{id}', path.startsWith('/api/v1/cases/') ? caseRef : MISSING)
    .replace('{step}', 'apologize');

function send(method: string, url: string, headers: Record<string, string>, body?: object) {
  return api.inject({
    method: method as 'POST',
    url,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
}

test('the document lists every route, and every restricted route exists', () => {
  expect(routes.length).toBeGreaterThan(40);
  const known = new Set(routes.map(key));
  for (const k of [...PUBLIC, ...Object.keys(RESTRICTED)]) expect(known.has(k), k).toBe(true);
});

describe.each([
  ['anonymous', () => ({})],
  ['a revoked token', () => revoked],
  ['an unknown token', () => ({ authorization: 'Bearer rd_not-a-real-token' })],
])('%s', (_who, headers) => {
  test('is refused with 401 on every staff route, whatever the body', async () => {
    const leaks: string[] = [];
    for (const r of routes) {
      if (PUBLIC.has(key(r))) continue;
      const res = await send(
        r.method,
        urlOf(r.path),
        headers(),
        r.method === 'GET' ? undefined : {},
      );
      if (res.statusCode !== 401) leaks.push(`${key(r)} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('staff roles', () => {
  test.each(Object.entries(RESTRICTED))(
    '%s refuses exactly the roles without permission',
    async (k, rule) => {
      const [method = 'GET', path = ''] = k.split(' ');
      const got: Record<string, number> = {};
      for (const role of ROLES) {
        const res = await send(method, urlOf(path), tokens[role].headers, rule.body?.());
        got[role] = res.statusCode;
      }
      for (const role of ROLES) {
        if (rule.allowed.includes(role))
          expect(got[role], `${role}: ${JSON.stringify(got)}`).not.toBe(403);
        else expect(got[role], `${role}: ${JSON.stringify(got)}`).toBe(403);
      }
    },
  );

  test.each(Object.entries(BROWSER_ONLY))('%s refuses every API token', async (k, body) => {
    const [method = 'GET', path = ''] = k.split(' ');
    expect(routes.map(key)).toContain(k);
    for (const role of ROLES) {
      const res = await send(method, urlOf(path), tokens[role].headers, body);
      expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
    }
  });

  test('no other staff route refuses any of the five roles', async () => {
    const differ: string[] = [];
    for (const r of routes) {
      if (PUBLIC.has(key(r)) || RESTRICTED[key(r)] || key(r) in BROWSER_ONLY) continue;
      // Writes that change who holds what are left out of the loop so each role sees the same state.
      if (key(r) === 'DELETE /api/v1/tokens/{id}' || key(r) === 'POST /api/v1/tokens') continue;
      const statuses = new Set<number>();
      for (const role of ROLES) {
        // An empty body: refused by validation (422) or found missing (404) the same for all.
        const res = await send(
          r.method,
          urlOf(r.path),
          tokens[role].headers,
          r.method === 'GET' ? undefined : {},
        );
        statuses.add(res.statusCode);
      }
      // Success for the first role and 409 after it (a step already done) is state, not access.
      if (statuses.has(403) || statuses.has(401) || statuses.has(500))
        differ.push(`${key(r)} → ${[...statuses].join('/')}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('API tokens', () => {
  test('a read-only token reads but cannot write; an admin scope needs an admin', async () => {
    expect((await send('GET', '/api/v1/cases', readOnly)).statusCode).toBe(200);
    expect((await send('POST', '/api/v1/cases', readOnly, complaint())).statusCode).toBe(403);
    const reply = await send('POST', `/api/v1/cases/${caseRef}/replies`, readOnly, {
      body: 'Hello',
    });
    expect(reply.statusCode).toBe(403);
    const agentAdmin = await send('POST', '/api/v1/tokens', tokens.agent.headers, {
      name: 'sneaky',
      scopes: ['admin'],
    });
    expect(agentAdmin.statusCode).toBe(403);
  });
});

describe('portal links', () => {
  test('a link shows its own case only, and an edited link is refused', async () => {
    const other = await send(
      'POST',
      '/api/v1/cases',
      tokens.agent.headers,
      complaint({
        customer: { firstName: 'Other', contacts: [{ kind: 'email', value: 'other@example.com' }] },
      }),
    );
    const otherRef = other.json<{ reference: string }>().reference;
    const link = await send('GET', `/api/v1/cases/${caseRef}/portal-link`, tokens.agent.headers);
    const token = link.json<{ token: string }>().token;
    const page = await api.inject({ method: 'GET', url: `/portal/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(caseRef);
    expect(page.body).not.toContain(otherRef);
    // Swapping the case id inside the token breaks its signature.
    const otherId = other.json<{ id: string }>().id;
    const [, ...rest] = token.split('.');
    const forged = [otherId, ...rest].join('.');
    const refused = await api.inject({ method: 'GET', url: `/portal/${forged}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(otherRef);
  });
});
