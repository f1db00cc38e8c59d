// Outbound text messages through the provider adapter. The provider's servers cannot be reached
// from here, so a local HTTP server stands in for them (test/support/fake-sms-provider.ts), in
// the provider's documented REST shape. Covered: the acknowledgement of a text goes back as a
// text with the reference, the honest answer time and the status link; a provider failure is
// shown to the owner once and retried to success; nothing is ever texted twice; a permanent
// refusal is not retried; replies follow the customer's preferred channel; and with real pg-boss
// workers, intake → acknowledgement text within 60 seconds, through a failure and a retry.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { smsClient } from '../../src/channels/sms/sms-client.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { acknowledgeCase } from '../../src/core/cases/acknowledge-case.ts';
import { recordReply } from '../../src/core/cases/record-reply.ts';
import { receiveSms } from '../../src/core/intake/receive-message.ts';
import { submitComplaintForm } from '../../src/core/intake/submit-complaint-form.ts';
import { deliverSms } from '../../src/core/outbound/deliver-sms.ts';
import { jobSender } from '../../src/jobs/queue.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import { createTestDatabase } from '../support/db.ts';
import { jobCtx, startTestBoss } from '../support/jobs.ts';
import { startFakeSmsProvider, type FakeSmsProvider } from '../support/fake-sms-provider.ts';
import { makeDesk, type Desk, type SentJob } from '../support/harness.ts';

const ACCOUNT = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'provider-auth-token-1';
const FROM = '+441632960000';
const PORTAL = { publicUrl: 'https://desk.shop.example', secret: 's'.repeat(40) };

let provider: FakeSmsProvider;
beforeAll(async () => {
  provider = await startFakeSmsProvider();
});
afterAll(async () => {
  await provider.close();
});

const sender = () =>
  smsClient({ accountSid: ACCOUNT, authToken: TOKEN, from: FROM, baseUrl: provider.url });

describe('configuration', () => {
  test('outbound SMS settings must come together and be well formed', () => {
    const check = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
    };
    expect(
      check({
        REDRESS_SMS_ACCOUNT_SID: ACCOUNT,
        REDRESS_SMS_AUTH_TOKEN: TOKEN,
        REDRESS_SMS_FROM: FROM,
      }),
    ).toBe('');
    const partial = check({ REDRESS_SMS_ACCOUNT_SID: ACCOUNT });
    expect(partial).toContain('REDRESS_SMS_AUTH_TOKEN: Required to send text messages');
    expect(partial).toContain('REDRESS_SMS_FROM: Required to send text messages');
    expect(check({ REDRESS_SMS_ACCOUNT_SID: 'AC123', REDRESS_SMS_FROM: FROM })).toContain(
      'REDRESS_SMS_ACCOUNT_SID: Must be the account id',
    );
    expect(
      check({
        REDRESS_SMS_ACCOUNT_SID: ACCOUNT,
        REDRESS_SMS_AUTH_TOKEN: TOKEN,
        REDRESS_SMS_FROM: '07700 900123',
      }),
    ).toContain('REDRESS_SMS_FROM: Must be a number in international form');
    expect(check({ REDRESS_SMS_API_URL: 'ftp://x' })).toContain('REDRESS_SMS_API_URL');
    // The inbound webhook alone (token only) stays valid.
    expect(check({ REDRESS_SMS_AUTH_TOKEN: TOKEN })).toBe('');
  });
});

describe('delivery', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await makeDesk();
  });
  afterAll(async () => {
    await desk.close();
  });
  const smsJobs = () =>
    (desk.jobs as unknown as { sent: SentJob[] }).sent.filter((j) => j.name === 'sms-send');
  const lastSmsJob = () => (smsJobs().at(-1)?.data as { messageId: string }).messageId;
  const events = async (caseId: string, type: string) =>
    (
      await desk.database.pool.query(
        'SELECT data FROM case_events WHERE case_id = $1 AND type = $2',
        [caseId, type],
      )
    ).rows.map((r: { data: Record<string, unknown> }) => r.data);

  test('a text is acknowledged by text; a failure is retried to one send, shown to the owner once', async () => {
    const agent = await desk.makeUser('agent', 'Ola Agent');
    const opened = await receiveSms(desk.system, {
      MessageSid: 'SMin1',
      From: '+44 7700 900222',
      Body: 'Your engineer never came and I waited in all day.',
    });
    await desk.database.pool.query('UPDATE cases SET owner_id = $1 WHERE id = $2', [
      agent.id,
      opened.caseId,
    ]);
    await acknowledgeCase(desk.system, opened.caseId, PORTAL);
    const ackId = lastSmsJob();
    const { rows } = await desk.database.pool.query(
      'SELECT c.reference, m.channel, m.body FROM messages m JOIN cases c ON c.id = m.case_id WHERE m.id = $1',
      [ackId],
    );
    const ack = rows[0] as { reference: string; channel: string; body: string };
    expect(ack.channel).toBe('sms');

    // The provider has an outage: the owner hears once, the job fails so the queue retries.
    provider.failNext(500, 2);
    await expect(deliverSms(desk.system, sender(), ackId)).rejects.toThrow(/500/);
    await expect(deliverSms(desk.system, sender(), ackId)).rejects.toThrow(/500/);
    expect(await events(opened.caseId, 'sms_delayed')).toHaveLength(1);
    const notes = await desk.database.pool.query(
      `SELECT message FROM notifications WHERE case_id = $1 AND kind = 'sms_delayed'`,
      [opened.caseId],
    );
    expect(notes.rows).toHaveLength(1);
    expect(notes.rows[0].message).toContain('retried');

    expect(await deliverSms(desk.system, sender(), ackId)).toBe('sent');
    expect(await deliverSms(desk.system, sender(), ackId)).toBe('already_sent');
    expect(provider.accepted).toHaveLength(1);
    const sent = provider.accepted[0]!;
    expect(sent.path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect(sent.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
    );
    expect(sent.fields).toMatchObject({ To: '+447700900222', From: FROM });
    expect(sent.fields.Body).toContain(ack.reference);
    expect(sent.fields.Body).toMatch(/A person will reply by \w{3} \d{1,2} \w{3} at \d\d:\d\d/);
    expect(sent.fields.Body).toContain('https://desk.shop.example/portal/');
    const [sentEvent] = await events(opened.caseId, 'sms_sent');
    expect(sentEvent).toMatchObject({ messageId: ackId, to: '+447700900222' });
    expect(String(sentEvent!.providerId)).toMatch(/^SM\d{32}$/);
    // The acknowledgement is not the first response.
    const { rows: clock } = await desk.database.pool.query(
      'SELECT first_response_at FROM cases WHERE id = $1',
      [opened.caseId],
    );
    expect(clock[0].first_response_at).toBeNull();

    // A staff reply on the text case goes out as a text, and two workers racing send it once.
    await recordReply(desk.ctxFor(agent), opened.caseId, { body: 'So sorry, Ola. Tomorrow 8am.' });
    const replyId = lastSmsJob();
    const raced = await Promise.all([
      deliverSms(desk.system, sender(), replyId),
      deliverSms(desk.system, sender(), replyId),
    ]);
    expect(raced.sort()).toEqual(['already_sent', 'sent']);
    expect(provider.accepted).toHaveLength(2);
    expect(provider.accepted[1]!.fields.Body).toBe('So sorry, Ola. Tomorrow 8am.');
  });

  test('a number the provider refuses is reported to the owner and not retried', async () => {
    const agent = await desk.makeUser('agent', 'Kim Agent');
    const opened = await receiveSms(desk.system, {
      MessageSid: 'SMin2',
      From: '+44 7700 900333',
      Body: 'Billing error again.',
    });
    await recordReply(desk.ctxFor(agent), opened.caseId, { body: 'Looking into it now.' });
    provider.failNext(400);
    const before = provider.accepted.length;
    expect(await deliverSms(desk.system, sender(), lastSmsJob())).toBe('failed');
    expect(provider.accepted).toHaveLength(before);
    const [failed] = await events(opened.caseId, 'sms_failed');
    expect(String(failed!.error)).toContain("The 'To' number is not a valid phone number.");
    expect(await events(opened.caseId, 'sms_delayed')).toHaveLength(0);
  });

  test('a web complaint from someone who prefers texts is acknowledged and answered by text', async () => {
    const agent = await desk.makeUser('agent', 'Lee Agent');
    const form = await submitComplaintForm(desk.system, {
      firstName: 'Noor',
      email: 'noor@example.com',
      phone: '+44 7700 900444',
      preferredContact: 'sms',
      message: 'The parcel was left in the rain and the book is ruined.',
    });
    if (!form.isStored) throw new Error('expected a case');
    const { rows } = await desk.database.pool.query('SELECT id FROM cases WHERE reference = $1', [
      form.reference,
    ]);
    const caseId = rows[0].id as string;
    await acknowledgeCase(desk.system, caseId, PORTAL);
    expect(await deliverSms(desk.system, sender(), lastSmsJob())).toBe('sent');
    expect(provider.accepted.at(-1)!.fields).toMatchObject({ To: '+447700900444' });
    expect(provider.accepted.at(-1)!.fields.Body).toContain(form.reference);
    const reply = await recordReply(desk.ctxFor(agent), caseId, {
      body: 'A new copy is on its way.',
    });
    expect(reply.message.channel).toBe('sms');
    // Staff may still choose email for one message.
    const byEmail = await recordReply(desk.ctxFor(agent), caseId, {
      body: 'Here is the receipt.',
      channel: 'email',
    });
    expect(byEmail.message.channel).toBe('email');
  });
});

describe('real job workers', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let boss: PgBoss;
  beforeAll(async () => {
    database = await createTestDatabase();
    boss = await startTestBoss(database.url);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
    await database.close();
  });

  test('intake to acknowledgement text within 60 seconds, through a provider failure and one retry', async () => {
    const ctx = jobCtx(database, jobSender(boss));
    await startWorkers(boss, ctx, { pollingIntervalSeconds: 0.5, sms: sender(), portal: PORTAL });
    const before = provider.accepted.length;
    provider.failNext(503);
    const started = Date.now();
    const opened = await receiveSms(ctx(), {
      MessageSid: 'SMjob1',
      From: '+44 7700 900555',
      Body: 'Still no refund after three weeks.',
    });
    while (provider.accepted.length === before && Date.now() - started < 60_000) await sleep(200);
    const elapsed = Date.now() - started;
    expect(provider.accepted.length - before).toBe(1);
    expect(elapsed).toBeLessThan(60_000);
    console.log(`acknowledgement text accepted ${elapsed} ms after intake (one retry)`);
    await sleep(1500); // a late duplicate would show here
    expect(provider.accepted.length - before).toBe(1);
    const types = (
      await database.pool.query('SELECT type FROM case_events WHERE case_id = $1 ORDER BY id', [
        opened.caseId,
      ])
    ).rows.map((r: { type: string }) => r.type);
    expect(types.filter((t) => t === 'sms_delayed')).toHaveLength(1);
    expect(types.filter((t) => t === 'sms_sent')).toHaveLength(1);
    expect(types.indexOf('acknowledged')).toBeLessThan(types.indexOf('sms_sent'));
  }, 70_000);
});
