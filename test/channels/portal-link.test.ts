// Asking for a new portal link actually sends one, to the contact on file that the customer
// named: by email over a real SMTP exchange on loopback (Redress's sender → a local smtp-server
// sink) or by text through a local HTTP server standing in for the SMS provider (its servers
// cannot be reached from here). The answer never reveals whether anything matched, and links
// are limited per case (in the database) and per client address.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { buildApp } from '../../src/api/app.ts';
import { smtpMailer } from '../../src/channels/email/smtp-mailer.ts';
import { readLimited } from '../../src/channels/email/smtp-listener.ts';
import { smsClient } from '../../src/channels/sms/sms-client.ts';
import { deliverEmail } from '../../src/core/outbound/deliver-email.ts';
import { deliverSms } from '../../src/core/outbound/deliver-sms.ts';
import { LINKS_PER_DAY } from '../../src/core/portal/request-portal-link.ts';
import { startFakeSmsProvider, type FakeSmsProvider } from '../support/fake-sms-provider.ts';
import { complaint, makeDesk, tokenFor, type Desk, type SentJob } from '../support/harness.ts';

const PUBLIC = 'https://desk.shop.example';
let desk: Desk;
let api: FastifyInstance;
let sink: SMTPServer;
let sinkPort = 0;
let provider: FakeSmsProvider;
const mail: ParsedMail[] = [];
let reference = '';
let caseId = '';

beforeAll(async () => {
  desk = await makeDesk();
  api = await buildApp({
    database: desk.database,
    jobs: desk.jobs,
    now: desk.clock.now,
    portal: { publicUrl: PUBLIC, secret: 'p'.repeat(40) },
  });
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      readLimited(stream, 1_000_000)
        .then(async (raw) => {
          mail.push(await simpleParser(raw));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((done) => sink.listen(0, '127.0.0.1', () => done()));
  const address = sink.server.address();
  sinkPort = typeof address === 'object' && address ? address.port : 0;
  provider = await startFakeSmsProvider();
  const agent = await tokenFor(desk, 'agent');
  const opened = await api.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: agent.headers,
    payload: complaint({
      customer: {
        firstName: 'Priya',
        contacts: [
          { kind: 'email', value: 'priya@example.com' },
          { kind: 'phone', value: '+44 7700 900777' },
        ],
      },
    }),
  });
  ({ reference, id: caseId } = opened.json() as { reference: string; id: string });
});
afterAll(async () => {
  await provider.close();
  await new Promise<void>((done) => sink.close(() => done()));
  await api.close();
  await desk.close();
});

const ask = (fields: Record<string, string>, ip = '203.0.113.10') =>
  api.inject({
    method: 'POST',
    url: '/portal/new-link',
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
const jobs = (name: string) =>
  (desk.jobs as unknown as { sent: SentJob[] }).sent.filter((j) => j.name === name);
const lastJob = (name: string) => (jobs(name).at(-1)?.data as { messageId: string }).messageId;
const linkIn = (text: string) => new RegExp(`${PUBLIC}(/portal/[\\w.-]+)`).exec(text)?.[1];
const linkEvents = async () =>
  Number(
    (
      await desk.database.pool.query(
        `SELECT count(*) FROM case_events WHERE case_id = $1 AND type = 'portal_link_sent'`,
        [caseId],
      )
    ).rows[0].count,
  );

test('a matching email address gets a fresh, working link by email; a mismatch looks the same and sends nothing', async () => {
  const emailJobs = jobs('email-send').length;
  const wrong = await ask({ reference, contact: 'someone@else.example' });
  const unknown = await ask({ reference: 'RD-999999', contact: 'priya@example.com' });
  const garbage = await ask({ reference: 'hello', contact: '' });
  expect(jobs('email-send')).toHaveLength(emailJobs);
  expect(await linkEvents()).toBe(0);

  const right = await ask({ reference: reference.toLowerCase(), contact: 'Priya@Example.com' });
  expect([wrong.statusCode, unknown.statusCode, garbage.statusCode, right.statusCode]).toEqual([
    200, 200, 200, 200,
  ]);
  expect(new Set([wrong.body, unknown.body, garbage.body, right.body]).size).toBe(1);
  expect(jobs('email-send')).toHaveLength(emailJobs + 1);

  const mailer = smtpMailer(`smtp://127.0.0.1:${sinkPort}`, 'Support <support@shop.example>');
  expect(await deliverEmail(desk.system, mailer, lastJob('email-send'))).toBe('sent');
  const sent = mail.at(-1)!;
  expect(sent.to && !Array.isArray(sent.to) ? sent.to.text : '').toBe('priya@example.com');
  expect(sent.headers.get('auto-submitted')).toBe('auto-generated');
  const path = linkIn(sent.text ?? '');
  expect(path).toBeDefined();
  const page = await api.inject({ method: 'GET', url: path! });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(reference);
});

test('a matching mobile number gets the link by text; the older `email` field still works', async () => {
  const sender = smsClient({
    accountSid: `AC${'ab'.repeat(16)}`,
    authToken: 'provider-token',
    from: '+441632960001',
    baseUrl: provider.url,
  });
  const ip = '203.0.113.20';
  await ask({ reference, contact: '07700 900777' }, ip); // not the number on file (no country code)
  const before = jobs('sms-send').length;
  await ask({ reference, contact: '+44 (7700) 900-777' }, ip);
  expect(jobs('sms-send')).toHaveLength(before + 1);
  expect(await deliverSms(desk.system, sender, lastJob('sms-send'))).toBe('sent');
  const text = provider.accepted.at(-1)!;
  expect(text.fields.To).toBe('+447700900777');
  const page = await api.inject({ method: 'GET', url: linkIn(text.fields.Body ?? '')! });
  expect(page.statusCode).toBe(200);

  const emails = jobs('email-send').length;
  await ask({ reference, email: 'priya@example.com' }, ip);
  expect(jobs('email-send')).toHaveLength(emails + 1);
  expect(await linkEvents()).toBe(LINKS_PER_DAY);
});

test('past the daily limit per case nothing more is sent and the owner is asked to check in', async () => {
  const before = jobs('email-send').length + jobs('sms-send').length;
  const res = await ask({ reference, contact: 'priya@example.com' }, '203.0.113.11');
  expect(res.statusCode).toBe(200);
  expect(jobs('email-send').length + jobs('sms-send').length).toBe(before);
  expect(await linkEvents()).toBe(LINKS_PER_DAY);
  const alerts = await desk.database.pool.query(
    `SELECT message FROM notifications WHERE case_id = $1 AND kind = 'portal_link_requested'`,
    [caseId],
  );
  expect(alerts.rows.at(-1).message).toContain('none was sent');
  // A day later links flow again.
  desk.clock.advance(86_400_000 + 1000);
  await ask({ reference, contact: 'priya@example.com' }, '203.0.113.11');
  expect(jobs('email-send').length + jobs('sms-send').length).toBe(before + 1);
});

test('one client address may ask five times an hour', async () => {
  const ip = '203.0.113.99';
  for (let i = 0; i < 5; i++)
    expect((await ask({ reference: 'RD-1', contact: 'a@b.c' }, ip)).statusCode).toBe(200);
  const limited = await ask({ reference: 'RD-1', contact: 'a@b.c' }, ip);
  expect(limited.statusCode).toBe(429);
  expect(limited.headers['retry-after']).toBe('3600');
});
