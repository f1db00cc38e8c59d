// The public complaint form: no account, a reference at once, field-level errors, a honeypot
// for bots and a per-address rate limit.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FORM_LIMIT_PER_HOUR } from '../../src/api/routes/complaint-form.routes.ts';
import { makeApi, makeDesk, type Desk } from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;
const count = async () =>
  Number((await desk.database.pool.query('SELECT count(*) FROM cases')).rows[0].count);

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const post = (payload: object, ip = '203.0.113.5') =>
  api.inject({ method: 'POST', url: '/api/v1/public/complaints', payload, remoteAddress: ip });

test('the form page is accessible and posts to the public endpoint', async () => {
  const page = await api.inject({ method: 'GET', url: '/complain' });
  expect(page.statusCode).toBe(200);
  for (const id of ['firstName', 'email', 'preferredContact', 'message'])
    expect(page.body).toContain(`<label for="${id}"`);
});

test('a complaint from the form opens a web case and answers with its reference', async () => {
  const res = await post({
    firstName: 'Tomás',
    email: 'tomas@example.es',
    preferredContact: 'email',
    message: 'The blender I bought leaks.',
  });
  expect(res.statusCode).toBe(201);
  expect(res.json().reference).toMatch(/^RD-\d+$/);
  const row = (
    await desk.database.pool.query(
      `SELECT c.channel, e.data->>'preferredContact' AS preferred FROM cases c JOIN case_events e ON e.case_id = c.id AND e.type = 'case_opened' WHERE c.reference = $1`,
      [res.json().reference],
    )
  ).rows[0];
  expect(row).toEqual({ channel: 'web', preferred: 'email' });
});

test('a staff session in the same browser does not block the public form', async () => {
  const staff = await desk.makeUser('agent', 'Kim Agent');
  const signedIn = await api.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: 'kim.agent@example.test', password: 'correct horse battery' },
  });
  const session = signedIn.cookies.find((c) => c.name === 'redress_session');
  expect(staff.role).toBe('agent');
  expect(session?.value).toBeTruthy();
  const res = await api.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    headers: { cookie: `redress_session=${session?.value}` },
    payload: {
      firstName: 'Kim',
      email: 'kim@example.com',
      message: 'Testing the form from the office.',
    },
    remoteAddress: '192.0.2.44',
  });
  expect(res.statusCode).toBe(201);
});

test('missing contact details are named; the honeypot stores nothing; floods are limited', async () => {
  const before = await count();
  const bad = await post({ firstName: 'Ana', preferredContact: 'phone', message: 'Call me' });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().issues.map((i: { path: string }) => i.path)).toContain('body.preferredContact');
  const bot = await post({
    firstName: 'Bot',
    email: 'bot@spam.example',
    message: 'Buy now',
    website: 'http://spam.example',
  });
  expect(bot.statusCode).toBe(201);
  expect(bot.json()).toEqual({});
  expect(await count()).toBe(before);

  const statuses: number[] = [];
  for (let i = 0; i <= FORM_LIMIT_PER_HOUR; i++) {
    statuses.push(
      (
        await post(
          { firstName: 'Flo', email: `flo${i}@example.com`, message: `Complaint ${i}` },
          '198.51.100.9',
        )
      ).statusCode,
    );
  }
  expect(statuses.filter((s) => s === 201)).toHaveLength(FORM_LIMIT_PER_HOUR);
  expect(statuses.at(-1)).toBe(429);
});
