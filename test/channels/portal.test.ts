// The customer portal over HTTP: a signed link, the messages meant for the customer (never
// internal notes), a reply, the customer's verdict, the survey once, and refusals that write
// nothing for tampered or expired links.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acknowledgeCase, acknowledgementText } from '../../src/core/cases/acknowledge-case.ts';
import { portalToken } from '../../src/core/portal/portal-token.rules.ts';
import { portalSecret } from '../../src/core/portal/portal-secret.ts';
import { complaint, makeApi, makeDesk, tokenFor, type Desk } from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;
let agent: Awaited<ReturnType<typeof tokenFor>>;
const HOSTILE = '<script>alert("pwned")</script>';

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  agent = await tokenFor(desk, 'agent');
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

async function staff(method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await api.inject({
    method,
    url: `/api/v1${url}`,
    headers: agent.headers,
    ...(payload ? { payload } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are asserted field by field
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

const form = (url: string, fields: Record<string, string>, ip = '198.51.100.7') =>
  api.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const rows = async (sql: string, params: unknown[] = []) =>
  (await desk.database.pool.query(sql, params)).rows;
const eventTypes = async (caseId: string) =>
  (await rows('SELECT type FROM case_events WHERE case_id = $1 ORDER BY id', [caseId])).map(
    (r: { type: string }) => r.type,
  );
const writes = async () =>
  (
    await rows(
      `SELECT (SELECT count(*) FROM case_events) AS events, (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM surveys) AS surveys`,
    )
  )[0];

async function openWithLink(overrides: Record<string, unknown> = {}) {
  const opened = await staff('POST', '/cases', complaint(overrides));
  expect(opened.status).toBe(201);
  const caseId = opened.body.id as string;
  const link = await staff('GET', `/cases/${caseId}/portal-link`);
  expect(link.status).toBe(200);
  return { caseId, ref: opened.body.reference as string, path: link.body.path as string };
}

describe('the customer portal', () => {
  test('staff get a 30-day link; without a sign-in there is none', async () => {
    const { caseId, path } = await openWithLink();
    const link = await staff('GET', `/cases/${caseId}/portal-link`);
    expect(new Date(link.body.expiresAt).getTime() - desk.clock.now().getTime()).toBe(
      30 * 86_400_000,
    );
    expect(path).toMatch(/^\/portal\/[0-9a-f-]{36}\.\d+\.[\w-]{43}$/);
    const anon = await api.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/portal-link` });
    expect(anon.statusCode).toBe(401);
  });

  test('the page shows status, the next answer and customer messages, never internal notes', async () => {
    const { caseId, path } = await openWithLink({
      account: `It broke. ${HOSTILE}`,
      subject: `Broken <b>kettle</b>`,
    });
    await staff('POST', `/cases/${caseId}/replies`, { body: 'We are on it, Priya.' });
    await staff('POST', `/cases/${caseId}/replies`, {
      body: 'SECRET: customer is a known serial complainer',
      isInternalNote: true,
    });
    const page = await api.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toContain('script-src');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('We are on it, Priya.');
    expect(page.body).not.toContain('SECRET');
    expect(page.body).not.toContain('serial complainer');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(page.body).toContain('Broken &lt;b&gt;kettle&lt;/b&gt;');
    expect(page.body).toMatch(/Next answer:<\/strong> We will/);
    for (const id of ['body']) expect(page.body).toContain(`<label for="${id}"`);
  });

  test('a reply records an inbound message and resumes a case awaiting the customer', async () => {
    const { caseId, path } = await openWithLink();
    await staff('POST', `/cases/${caseId}/status`, { status: 'awaiting_customer' });
    const res = await form(`${path}/reply`, { body: `Here is my order number. ${HOSTILE}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${path}?done=reply`);
    const [msg] = await rows(
      `SELECT direction, body FROM messages WHERE case_id = $1 AND direction = 'in' ORDER BY created_at DESC LIMIT 1`,
      [caseId],
    );
    expect(msg).toEqual({ direction: 'in', body: `Here is my order number. ${HOSTILE}` });
    const types = await eventTypes(caseId);
    expect(types.slice(-2)).toEqual(['customer_message', 'status_changed']);
    const view = await staff('GET', `/cases/${caseId}`);
    expect(view.body.case.status).toBe('in_progress');
    const page = await api.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.body).toContain('your message is with us');
    expect(page.body).not.toContain('<script>alert');
  });

  test('"falls short" from the customer reopens the negotiation; "meets" is recorded as theirs', async () => {
    const { caseId, path } = await openWithLink();
    const offered = await staff('POST', `/cases/${caseId}/solutions`, {
      options: ['A new kettle this week'],
    });
    await staff('POST', `/cases/${caseId}/solutions/choose`, {
      optionId: offered.body.options[0].id,
    });
    await staff('POST', `/cases/${caseId}/status`, { status: 'resolved' });
    const short = await form(`${path}/verdict`, {
      verdict: 'falls_short',
      suggestion: 'A refund as well',
    });
    expect(short.statusCode).toBe(303);
    let view = await staff('GET', `/cases/${caseId}`);
    expect(view.body.case).toMatchObject({
      status: 'in_progress',
      verdict: 'falls_short',
      customerIdea: 'A refund as well',
    });
    expect(view.body.options.every((o: { isChosen: boolean }) => !o.isChosen)).toBe(true);
    const verdictEvent = view.body.timeline.find(
      (e: { type: string }) => e.type === 'verdict_recorded',
    );
    expect(verdictEvent).toMatchObject({
      actorLabel: 'system:portal',
      data: { verdict: 'falls_short', madeBy: 'customer', note: 'A refund as well' },
    });
    expect((await form(`${path}/verdict`, { verdict: 'meets' })).statusCode).toBe(303);
    view = await staff('GET', `/cases/${caseId}`);
    expect(view.body.case.verdict).toBe('meets');
    const bad = await form(`${path}/verdict`, { verdict: 'fabulous' });
    expect(bad.statusCode).toBe(400);
  });

  test('the survey opens after resolution and is taken once', async () => {
    const { caseId, path } = await openWithLink();
    const answers = {
      outcomeFair: '4',
      processFair: '5',
      treatedWell: '5',
      willStay: 'yes',
      comment: `Thanks ${HOSTILE}`,
    };
    expect((await api.inject({ method: 'GET', url: path })).body).not.toContain('How did we do?');
    const early = await form(`${path}/survey`, answers);
    expect(early.statusCode).toBe(409);
    await staff('POST', `/cases/${caseId}/status`, { status: 'resolved' });
    expect((await api.inject({ method: 'GET', url: path })).body).toContain('How did we do?');
    expect((await form(`${path}/survey`, { ...answers, outcomeFair: '9' })).statusCode).toBe(400);
    expect((await form(`${path}/survey`, answers)).statusCode).toBe(303);
    const again = await form(`${path}/survey`, { ...answers, willStay: 'no' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('already have your answers');
    const view = await staff('GET', `/cases/${caseId}`);
    expect(view.body.survey).toMatchObject({
      outcomeFair: 4,
      processFair: 5,
      treatedWell: 5,
      willStay: 'yes',
      comment: `Thanks ${HOSTILE}`,
    });
    expect((await eventTypes(caseId)).filter((t: string) => t === 'survey_answered')).toHaveLength(
      1,
    );
    const page = await api.inject({ method: 'GET', url: path });
    expect(page.body).toContain('we have your answers');
  });

  test('tampered and expired links get a clear page, and nothing is written', async () => {
    const { caseId, path } = await openWithLink();
    const other = await openWithLink();
    const [, , token] = path.split('/');
    const [id, expiry, sig] = (token ?? '').split('.');
    const otherId = other.path.split('/')[2]?.split('.')[0];
    const tampered = [
      `/portal/${otherId}.${expiry}.${sig}`,
      `/portal/${id}.${Number(expiry) + 86_400}.${sig}`,
      `/portal/garbage`,
    ];
    const secret = await portalSecret(desk.database.db);
    const expired = `/portal/${portalToken(secret, caseId, new Date(desk.clock.now().getTime() - 1000))}`;
    const before = await writes();
    for (const url of tampered) {
      const page = await api.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('not valid');
      expect(page.body).toContain('action="/portal/new-link"');
      const post = await form(`${url}/reply`, { body: 'sneaky' });
      expect(post.statusCode).toBe(403);
    }
    const gone = await api.inject({ method: 'GET', url: expired });
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('expired');
    expect((await form(`${expired}/reply`, { body: 'late' })).statusCode).toBe(410);
    expect((await form(`${expired}/survey`, { willStay: 'yes' })).statusCode).toBe(410);
    expect(await writes()).toEqual(before);
  });

  test('asking for a new link answers the same either way; a match tells the owner', async () => {
    const { caseId, ref } = await openWithLink();
    await staff('POST', `/cases/${caseId}/transfer`, { toUserId: agent.user.id, reason: 'mine' });
    const ip = '198.51.100.99';
    const wrong = await form('/portal/new-link', { reference: ref, email: 'x@example.com' }, ip);
    const unknown = await form('/portal/new-link', { reference: 'RD-999999', email: 'a@b.c' }, ip);
    const right = await form(
      '/portal/new-link',
      { reference: ref.toLowerCase(), email: 'priya.shah@EXAMPLE.com' },
      ip,
    );
    expect(new Set([wrong.body, unknown.body, right.body]).size).toBe(1);
    expect([wrong.statusCode, unknown.statusCode, right.statusCode]).toEqual([200, 200, 200]);
    expect(
      (await eventTypes(caseId)).filter((t: string) => t === 'portal_link_requested'),
    ).toHaveLength(1);
    const alerts = await rows(
      `SELECT user_id, role FROM notifications WHERE case_id = $1 AND kind = 'portal_link_requested'`,
      [caseId],
    );
    expect(alerts).toHaveLength(1);
  });

  test('the acknowledgement can carry the status link', () => {
    const text = acknowledgementText({
      firstName: 'Priya',
      reference: 'RD-1001',
      expectedBy: null,
      timeZone: 'Europe/London',
      statusUrl: 'https://help.example.com/portal/abc',
    });
    expect(text).toContain(
      'Follow your case and answer us here: https://help.example.com/portal/abc',
    );
  });

  test('the acknowledgement email carries a working link when the public address is known', async () => {
    const { caseId } = await openWithLink();
    await acknowledgeCase(desk.system, caseId, { publicUrl: 'https://help.example.com/' });
    const [ack] = await rows(
      `SELECT body FROM messages WHERE case_id = $1 AND kind = 'acknowledgement'`,
      [caseId],
    );
    const url = /https:\/\/help\.example\.com(\/portal\/\S+)/.exec(ack.body as string);
    expect(url?.[1]).toBeTruthy();
    expect((await api.inject({ method: 'GET', url: url?.[1] ?? '' })).statusCode).toBe(200);
  });

  test('portal posts are rate-limited per address', async () => {
    const { path } = await openWithLink();
    const ip = '203.0.113.250';
    let last = 0;
    for (let i = 0; i < 31; i += 1)
      last = (await form(`${path}/reply`, { body: `n${i}` }, ip)).statusCode;
    expect(last).toBe(429);
  });
});
