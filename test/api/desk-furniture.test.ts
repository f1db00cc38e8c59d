// What the web desk needs beyond cases: feeling / today / approval filters, saved views per
// person, reply templates kept by admins, staff changes with the last-admin guard, the
// supervisor's day, the customer's history with apologies, and first-run set-up status.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CALENDAR } from '../../src/core/sla/calendar.rules.ts';
import { issueSetupToken } from '../../src/core/users/first-admin.ts';
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
const call = apiCaller(() => api);

async function send(
  method: 'PATCH' | 'DELETE',
  url: string,
  who: { headers: Record<string, string> },
  payload?: object,
) {
  const res = await api.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.headers,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? (res.json() as Record<string, unknown>) : {} };
}

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

test('first run: the app can ask whether set-up is needed, and set-up takes the calendar', async () => {
  expect((await api.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
    needed: true,
  });
  const token = await issueSetupToken(desk.database, desk.clock.now());
  const bad = await api.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      token,
      email: 'owner@shop.example',
      name: 'Owner',
      password: 'a long enough secret',
      timeZone: 'Mars/Olympus',
      weeklyHours: { mon: [{ start: '17:00', end: '09:00' }] },
    },
  });
  expect(bad.statusCode).toBe(422);
  const paths = (bad.json().issues as { path: string }[]).map((i) => i.path);
  expect(paths).toEqual(expect.arrayContaining(['body.timeZone', 'body.weeklyHours.mon.0.end']));
  const made = await api.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      token,
      email: 'owner@shop.example',
      name: 'Owner',
      password: 'a long enough secret',
      organisationName: 'Sofa Shop',
      timeZone: 'America/New_York',
      weeklyHours: { mon: [{ start: '08:00', end: '16:00' }] },
    },
  });
  expect(made.statusCode).toBe(201);
  expect((await api.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
    needed: false,
  });
  const admin = await tokenFor(desk, 'admin');
  const settings = await call('GET', '/settings', admin);
  expect(settings.body.name).toBe('Sofa Shop');
  expect(settings.body.calendar.timeZone).toBe('America/New_York');
  expect(settings.body.calendar.weeklyHours).toEqual({ mon: [{ start: '08:00', end: '16:00' }] });
  // Back to the default calendar for the tests below.
  expect((await send('PATCH', '/settings', admin, { calendar: DEFAULT_CALENDAR })).status).toBe(
    200,
  );
});

test('inbox filters: feeling (confirmed wins over suggested), due today, awaiting approval', async () => {
  const agent = await tokenFor(desk, 'agent');
  desk.clock.set('2026-11-23T09:00:00Z'); // a Monday morning in London
  const angry = (
    await call(
      'POST',
      '/cases',
      agent,
      complaint({
        suggestedFeelings: [{ feeling: 'angry', score: 0.9, evidence: [] }],
        subject: 'angry one',
      }),
    )
  ).body;
  const corrected = (
    await call(
      'POST',
      '/cases',
      agent,
      complaint({
        suggestedFeelings: [{ feeling: 'angry', score: 0.9, evidence: [] }],
        subject: 'corrected one',
      }),
    )
  ).body;
  expect(
    (await call('POST', `/cases/${corrected.id}/feelings`, agent, { feelings: ['anxious'] }))
      .status,
  ).toBe(200);
  const ids = async (query: string) =>
    (await call('GET', `/cases?${query}`, agent)).body.items.map((i: { id: string }) => i.id);
  expect(await ids('feeling=angry')).toEqual([angry.id]);
  expect(await ids('feeling=anxious')).toEqual([corrected.id]);
  expect((await call('GET', '/cases?feeling=furious', agent)).status).toBe(422);

  // Both first responses fall due at the end of today's business day: "today" has both; after
  // replying to one, its next deadline is days away and it drops out.
  expect(new Set(await ids('deadline=today'))).toEqual(new Set([angry.id, corrected.id]));
  await call('POST', `/cases/${angry.id}/replies`, agent, { body: 'Sorry, Priya — on it.' });
  expect(await ids('deadline=today')).toEqual([corrected.id]);

  const big = await call('POST', `/cases/${angry.id}/restitutions`, agent, {
    kind: 'refund',
    amount: '900',
  });
  expect(big.body.needsApproval).toBe(true);
  expect(await ids('approval=pending')).toEqual([angry.id]);
});

test('saved views belong to one person; same name replaces; bad filters refused by field', async () => {
  const ana = await tokenFor(desk, 'agent');
  const ben = await tokenFor(desk, 'agent');
  const first = await call('POST', '/views', ana, {
    name: 'Angry on the phone',
    filters: { feeling: 'angry', channel: 'phone' },
  });
  expect(first.status).toBe(201);
  const again = await call('POST', '/views', ana, {
    name: 'Angry on the phone',
    filters: { feeling: 'angry', channel: 'email', deadline: 'today' },
  });
  expect(again.body.id).toBe(first.body.id);
  const mine = await call('GET', '/views', ana);
  expect(mine.body).toEqual([
    expect.objectContaining({
      name: 'Angry on the phone',
      filters: { feeling: 'angry', channel: 'email', deadline: 'today' },
    }),
  ]);
  expect((await call('GET', '/views', ben)).body).toEqual([]);
  expect((await send('DELETE', `/views/${first.body.id}`, ben)).status).toBe(404);

  const bad = await call('POST', '/views', ana, {
    name: ' ',
    filters: { channel: 'pigeon', limit: 5 },
  });
  expect(bad.status).toBe(422);
  const paths = (bad.body.issues as { path: string }[]).map((i) => i.path);
  expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.filters.channel']));

  expect((await send('DELETE', `/views/${first.body.id}`, ana)).status).toBe(204);
  expect((await call('GET', '/views', ana)).body).toEqual([]);
});

test('reply templates: everyone reads, only admins write; unknown placeholders refused', async () => {
  const admin = await tokenFor(desk, 'admin');
  const agent = await tokenFor(desk, 'agent');
  const body = 'Hello {{firstName}}, about {{ reference }}: we will call by {{promisedTime}}.';
  expect((await call('POST', '/templates', agent, { name: 'Call back', body })).status).toBe(403);
  const made = await call('POST', '/templates', admin, { name: 'Call back', body });
  expect(made.status).toBe(201);
  const bad = await call('POST', '/templates', admin, { name: 'Odd', body: 'Hi {{nickname}}' });
  expect(bad.status).toBe(422);
  expect(bad.body.issues[0]).toMatchObject({ path: 'body.body' });
  expect(bad.body.issues[0].message).toContain('{{nickname}}');
  const dup = await call('POST', '/templates', admin, { name: 'Call back', body: 'x' });
  expect(dup.status).toBe(409);
  const changed = await send('PATCH', `/templates/${made.body.id}`, admin, {
    name: 'Call back soon',
    body,
  });
  expect(changed.status).toBe(200);
  const list = await call('GET', '/templates', agent);
  expect(list.body.map((t: { name: string }) => t.name)).toEqual(['Call back soon']);
  expect((await send('DELETE', `/templates/${made.body.id}`, agent)).status).toBe(403);
  expect((await send('DELETE', `/templates/${made.body.id}`, admin)).status).toBe(204);
});

test('staff changes: admins change roles and switch accounts off; the last admin stays', async () => {
  const admin = await tokenFor(desk, 'admin');
  const agent = await tokenFor(desk, 'agent');
  expect((await send('PATCH', `/users/${agent.user.id}`, agent, { role: 'admin' })).status).toBe(
    403,
  );
  const promoted = await send('PATCH', `/users/${agent.user.id}`, admin, { role: 'supervisor' });
  expect(promoted.body).toMatchObject({ role: 'supervisor' });
  expect((await send('PATCH', `/users/${agent.user.id}`, admin, {})).status).toBe(422);
  const off = await send('PATCH', `/users/${agent.user.id}`, admin, { isActive: false });
  expect(off.body).toMatchObject({ isActive: false });

  // Demote every admin but one, then the last refuses to go.
  const staff = (await call('GET', '/users', admin)).body as unknown as {
    id: string;
    role: string;
    isActive: boolean;
  }[];
  const admins = staff.filter((u) => u.role === 'admin' && u.isActive);
  for (const other of admins.filter((u) => u.id !== admin.user.id)) {
    expect((await send('PATCH', `/users/${other.id}`, admin, { role: 'manager' })).status).toBe(
      200,
    );
  }
  const last = await send('PATCH', `/users/${admin.user.id}`, admin, { isActive: false });
  expect(last.status).toBe(409);
  expect(last.body.issues).toEqual([expect.objectContaining({ path: 'isActive' })]);
});

test('the supervisor’s day and the customer’s history', async () => {
  const agent = await tokenFor(desk, 'agent');
  const supervisor = await tokenFor(desk, 'supervisor');
  desk.clock.set('2026-11-24T09:00:00Z');
  const opened = (
    await call(
      'POST',
      '/cases',
      agent,
      complaint({
        customer: { firstName: 'Ola', contacts: [{ kind: 'email', value: 'ola@x.test' }] },
      }),
    )
  ).body;
  await call('POST', `/cases/${opened.id}/steps/apologize`, agent, {});
  await call('POST', `/cases/${opened.id}/restitutions`, agent, { kind: 'credit', amount: '10' });
  const promise = (
    await call('POST', `/cases/${opened.id}/promises`, agent, {
      what: 'Ring back',
      dueAt: '2026-11-24T10:00:00Z',
    })
  ).body;
  await call('POST', `/cases/${opened.id}/promises`, agent, {
    what: 'Send the new cushion',
    dueAt: '2026-11-26T10:00:00Z',
  });
  await call('POST', `/promises/${promise.id}/outcome`, agent, { outcome: 'broken' });
  desk.clock.set('2026-11-25T09:00:00Z'); // first response was due yesterday: breached

  expect((await call('GET', '/reports/today', agent)).status).toBe(403);
  const today = (await call('GET', '/reports/today', supervisor)).body;
  expect(today.breached.items.map((c: { id: string }) => c.id)).toContain(opened.id);
  // Broken yesterday, so not today's.
  expect(today.brokenPromises).toEqual([]);
  desk.clock.set('2026-11-24T18:00:00Z');
  const yesterday = (await call('GET', '/reports/today', supervisor)).body;
  expect(yesterday.brokenPromises).toEqual([
    expect.objectContaining({ what: 'Ring back', reference: opened.reference }),
  ]);

  const customer = (await call('GET', `/customers/${opened.customerId}`, agent)).body;
  expect(customer.firstName).toBe('Ola');
  expect(customer.apologies).toEqual([
    expect.objectContaining({ reference: opened.reference, byName: agent.user.name }),
  ]);
  expect(customer.restitutions).toEqual([
    expect.objectContaining({ kind: 'credit', amount: '10.00', reference: opened.reference }),
  ]);
  expect(customer.openPromises.map((p: { what: string }) => p.what)).toEqual([
    'Send the new cushion',
  ]);
});
