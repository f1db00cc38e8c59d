// Incidents over the HTTP API and the public incident page: no login, every piece of text
// escaped, updates with their times; the CSV import with line-numbered refusals; only the
// spokesperson publishes the statement; broadcast progress and each customer's outcome.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runBroadcast } from '../../src/core/incidents/run-broadcast.ts';
import {
  apiCaller,
  complaint,
  makeApi,
  makeDesk,
  tokenFor,
  type Desk,
} from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;
let agent: Awaited<ReturnType<typeof tokenFor>>;
let supervisor: Awaited<ReturnType<typeof tokenFor>>;
let spokesperson: Awaited<ReturnType<typeof tokenFor>>;

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  agent = await tokenFor(desk, 'agent');
  supervisor = await tokenFor(desk, 'supervisor');
  spokesperson = await tokenFor(desk, 'spokesperson');
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const call = apiCaller(() => api);
const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

async function declare(title: string) {
  const res = await call('POST', '/incidents', supervisor, {
    title,
    whatFailed: `Our payment page failed. ${HOSTILE}`,
    startedAt: '2026-11-23T08:30:00Z',
    scope: 'Anyone who paid by card between 08:30 and 09:40.',
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
}

describe('the public incident page', () => {
  test('no login, escaped text, the statement and timestamped updates, newest first', async () => {
    const incident = await declare(`Card payments down ${HOSTILE}`);
    expect(
      (
        await call('POST', `/incidents/${incident.id}/statement`, spokesperson, {
          body: `We are sorry. ${HOSTILE}`,
        })
      ).status,
    ).toBe(201);
    desk.clock.advance(10 * 60_000);
    await call('POST', `/incidents/${incident.id}/updates`, supervisor, {
      body: 'The provider found the fault.',
      notifyCustomers: false,
    });
    desk.clock.advance(10 * 60_000);
    await call('POST', `/incidents/${incident.id}/updates`, supervisor, {
      body: `Payments work again. ${HOSTILE}`,
      status: 'monitoring',
      notifyCustomers: false,
    });

    const page = await api.inject({ method: 'GET', url: `/status/incidents/${incident.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const html = page.body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(html).toContain('A fix is in place and we are watching it closely.');
    expect(html).toContain('We are sorry.');
    const times = [...html.matchAll(/<time datetime="([^"]+)">/g)].map((m) => m[1]);
    expect(times).toEqual(['2026-11-23T10:20:00.000Z', '2026-11-23T10:10:00.000Z']);
    expect(html.indexOf('Payments work again.')).toBeLessThan(
      html.indexOf('The provider found the fault.'),
    );
    expect(html).not.toMatch(/@example\.(com|test)/);
  });

  test('an unknown or malformed address answers a plain 404 page', async () => {
    for (const url of ['/status/incidents/no-such-thing', '/status/incidents/%3Cb%3E']) {
      const res = await api.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).not.toContain('<b>');
    }
  });
});

describe('the incident API', () => {
  test('roles: agents read but may not declare; only the spokesperson publishes statements', async () => {
    const incident = await declare('Roles');
    const valid = {
      title: 'Agent try',
      whatFailed: 'x',
      startedAt: '2026-11-23T08:30:00Z',
      scope: 'x',
    };
    expect((await call('POST', '/incidents', agent, valid)).status).toBe(403);
    expect((await call('GET', `/incidents/${incident.id}`, agent)).status).toBe(200);
    expect((await call('GET', `/incidents/${incident.slug}`, agent)).status).toBe(200);
    const refused = await call('POST', `/incidents/${incident.id}/statement`, supervisor, {
      body: 'x',
    });
    expect(refused.status).toBe(403);
    const list = await call('GET', '/incidents?status=active', agent);
    expect(list.body.map((i: { id: string }) => i.id)).toContain(incident.id);
    const bad = await call('POST', '/incidents', supervisor, { title: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.whatFailed', 'body.startedAt', 'body.scope']),
    );
  });

  test('attach by filter, import a CSV, apologise, and read each customer’s outcome', async () => {
    const incident = await declare('Broadband outage');
    for (const name of ['Ana', 'Ben']) {
      await call(
        'POST',
        '/cases',
        agent,
        complaint({
          category: 'broadband-north',
          customer: {
            firstName: name,
            contacts: [{ kind: 'email', value: `${name}@example.com` }],
          },
        }),
      );
    }
    const attached = await call('POST', `/incidents/${incident.id}/cases`, supervisor, {
      filter: { category: 'broadband-north', status: 'open' },
    });
    expect(attached.body).toMatchObject({ casesAdded: 2, customersAdded: 2 });

    const bad = await api.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/customers/import`,
      headers: { ...supervisor.headers, 'content-type': 'text/csv' },
      payload: 'email,first_name\ncara@example.com,Cara\nnope,Dan\n',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'validation',
      issues: [{ path: 'line 3.email' }],
    });
    const good = await api.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/customers/import`,
      headers: { ...supervisor.headers, 'content-type': 'text/csv' },
      payload: 'email,first_name\ncara@example.com,Cara\ndan@example.com,Dan\n',
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ newCustomers: 2, customersAdded: 2 });

    const apology = await call('POST', `/incidents/${incident.id}/apology`, supervisor, {
      template: 'Hello {{firstName}}, {{incidentTitle}} hit you and we are sorry.',
    });
    expect(apology.status).toBe(201);
    expect(apology.body.recipients).toBe(4);
    const messageId = apology.body.message.id as string;
    // No mail server configured: email deliveries wait; nothing is lost or marked sent.
    await runBroadcast(desk.system, messageId, undefined);
    const waiting = await call(
      'GET',
      `/incidents/${incident.id}/broadcasts/${messageId}/deliveries?status=pending`,
      agent,
    );
    expect(waiting.body.total).toBe(4);
    expect(waiting.body.items[0]).toMatchObject({ route: 'email', attempts: 0 });
    const view = await call('GET', `/incidents/${incident.id}`, agent);
    expect(view.body.broadcasts[0]).toMatchObject({ kind: 'apology', total: 4, done: 0 });
    expect(view.body.affected).toEqual({ customers: 4, cases: 2 });
  });

  test('the checklist over HTTP: tick with who and when, add an item', async () => {
    const incident = await declare('Checklist');
    const ticked = await call(
      'POST',
      `/incidents/${incident.id}/checklist/public_channels_watched`,
      supervisor,
      {},
    );
    expect(ticked.status).toBe(200);
    expect(ticked.body).toMatchObject({
      doneBy: supervisor.user.id,
      doneAt: desk.clock.now().toISOString(),
    });
    const added = await call('POST', `/incidents/${incident.id}/checklist`, supervisor, {
      label: 'Tell the airport desk',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ key: 'custom_9', doneAt: null });
  });

  test('a case marked public-facing lands in the spokesperson’s queue', async () => {
    const opened = await call('POST', '/cases', agent, complaint());
    const ref = opened.body.reference as string;
    const marked = await call('POST', `/cases/${ref}/public-facing`, agent, {
      reason: 'A local paper asked about it',
    });
    expect(marked.status).toBe(200);
    expect(marked.body.level).toBe('spokesperson');
    const mine = await call('GET', '/spokesperson/cases?mine=true', spokesperson);
    expect(mine.body.map((c: { reference: string }) => c.reference)).toContain(ref);
    expect((await call('POST', `/cases/${ref}/public-facing`, agent, {})).status).toBe(422);
  });
});

describe('hostile input', () => {
  test('odd ids, bodies and content types never answer 5xx; the routes are in the OpenAPI', async () => {
    const incident = await declare('Hostile');
    const cases: Array<[string, string, string | undefined, string | undefined]> = [
      ['GET', '/api/v1/incidents/%00', undefined, undefined],
      ['GET', `/api/v1/incidents/${'x'.repeat(199)}`, undefined, undefined],
      ['GET', '/api/v1/incidents/00000000-0000-4000-8000-000000000000', undefined, undefined],
      ['POST', `/api/v1/incidents/${incident.id}/customers/import`, 'application/json', '{"a":1}'],
      ['POST', `/api/v1/incidents/${incident.id}/customers/import`, 'text/csv', '\u0000,\u0000'],
      ['POST', `/api/v1/incidents/${incident.id}/customers/import`, 'text/csv', '"""'],
      [
        'POST',
        `/api/v1/incidents/${incident.id}/customers/import`,
        'text/csv',
        'email\n' + 'a'.repeat(5000),
      ],
      [
        'POST',
        `/api/v1/incidents/${incident.id}/updates`,
        'application/json',
        '{"body":"x","status":"gone"}',
      ],
      [
        'POST',
        `/api/v1/incidents/${incident.id}/apology`,
        'application/json',
        '{"template":"{{firstName}"}',
      ],
      [
        'POST',
        `/api/v1/incidents/${incident.id}/cases`,
        'application/json',
        '{"filter":{"q":"%_\\\\"}}',
      ],
      [
        'POST',
        `/api/v1/incidents/${incident.id}/cases`,
        'application/json',
        '{"references":["RD-99999999999"]}',
      ],
      ['POST', `/api/v1/incidents/${incident.id}/checklist/%E2%80%AE`, 'application/json', '{}'],
      [
        'GET',
        `/api/v1/incidents/${incident.id}/broadcasts/not-a-uuid/deliveries`,
        undefined,
        undefined,
      ],
      ['GET', '/status/incidents/' + 'a'.repeat(300), undefined, undefined],
    ];
    for (const [method, url, type, payload] of cases) {
      const res = await api.inject({
        method: method as 'GET' | 'POST',
        url,
        headers: { ...supervisor.headers, ...(type ? { 'content-type': type } : {}) },
        ...(payload !== undefined ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(200);
    }
    const spec = (await api.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/incidents', '/api/v1/incidents/{id}/customers/import']),
    );
  });
});
