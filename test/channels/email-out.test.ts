// Outbound email over a real SMTP exchange on loopback: Redress's sender → a local smtp-server
// sink. Acknowledgements and replies are threaded so the customer's answer finds its case; a
// refusing server delays the mail (shown to the owner once) and nothing is sent twice.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { smtpMailer } from '../../src/channels/email/smtp-mailer.ts';
import { acknowledgeCase } from '../../src/core/cases/acknowledge-case.ts';
import { recordReply } from '../../src/core/cases/record-reply.ts';
import { receiveEmail } from '../../src/core/intake/receive-email.ts';
import { submitComplaintForm } from '../../src/core/intake/submit-complaint-form.ts';
import { deliverEmail } from '../../src/core/outbound/deliver-email.ts';
import type { Mailer } from '../../src/core/outbound/mailer.ts';
import { parseMime } from '../../src/channels/email/parse-mime.ts';
import { readLimited } from '../../src/channels/email/smtp-listener.ts';
import { makeDesk, type Desk, type SentJob } from '../support/harness.ts';

let desk: Desk;
let sink: SMTPServer;
let port = 0;
const received: ParsedMail[] = [];
let isRefusing = false;

beforeAll(async () => {
  desk = await makeDesk();
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      readLimited(stream, 1_000_000)
        .then(async (raw) => {
          if (isRefusing)
            return callback(Object.assign(new Error('Try later'), { responseCode: 451 }));
          received.push(await simpleParser(raw));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((done) => sink.listen(0, '127.0.0.1', () => done()));
  const address = sink.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise<void>((done) => sink.close(() => done()));
  await desk.close();
});

const emailJobs = () =>
  (desk.jobs as unknown as { sent: SentJob[] }).sent.filter((j) => j.name === 'email-send');
const lastEmailJob = () => (emailJobs().at(-1)?.data as { messageId: string }).messageId;
const events = async (caseId: string, type: string) =>
  (
    await desk.database.pool.query('SELECT * FROM case_events WHERE case_id = $1 AND type = $2', [
      caseId,
      type,
    ])
  ).rows;

test('acknowledgement and reply go out threaded, once; a refusing server delays without loss', async () => {
  const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'Shop Support <support@shop.example>');
  const agent = await desk.makeUser('agent', 'Sam Agent');
  const raw = Buffer.from(
    'From: Ines Duarte <ines@example.pt>\r\nTo: support@shop.example\r\nSubject: Wrong size delivered\r\nMessage-ID: <orig-1@example.pt>\r\n\r\nI ordered a medium and got a small.\r\n',
  );
  const opened = await receiveEmail(desk.system, await parseMime(raw));
  if (opened.outcome !== 'opened') throw new Error('expected a new case');

  await acknowledgeCase(desk.system, opened.caseId);
  const ackId = lastEmailJob();
  expect(await deliverEmail(desk.system, mailer, ackId)).toBe('sent');
  expect(await deliverEmail(desk.system, mailer, ackId)).toBe('already_sent');
  expect(received).toHaveLength(1);
  const ack = received[0]!;
  expect(ack.to && !Array.isArray(ack.to) ? ack.to.text : '').toContain('ines@example.pt');
  expect(ack.subject).toBe(`Re: Wrong size delivered [${opened.reference}]`);
  expect(ack.inReplyTo).toBe('<orig-1@example.pt>');
  expect(ack.messageId).toMatch(new RegExp(`^<${opened.reference}\\.`));
  expect(ack.headers.get('auto-submitted')).toBe('auto-generated');
  expect(ack.text).toContain(opened.reference);

  // The mail server refuses for a while: the owner is told once, the job fails so it is retried.
  isRefusing = true;
  await recordReply(desk.ctxFor(agent), opened.caseId, {
    body: 'Ines, I am sorry. A medium is on its way today.',
  });
  const replyId = lastEmailJob();
  const queued = emailJobs().length;
  const now = desk.clock.now().getTime();
  expect(await deliverEmail(desk.system, mailer, replyId)).toBe('delayed');
  expect(await deliverEmail(desk.system, mailer, replyId, { attempt: 1 })).toBe('delayed');
  // Each refusal queues the next try, later each time, under an id of its own.
  const retries = emailJobs().slice(queued);
  expect(retries.map((j) => j.data)).toEqual([
    { messageId: replyId, attempt: 1 },
    { messageId: replyId, attempt: 2 },
  ]);
  expect(retries.map((j) => (j.startAfter!.getTime() - now) / 1000)).toEqual([5, 10]);
  expect(new Set(retries.map((j) => j.id)).size).toBe(2);
  expect(await events(opened.caseId, 'email_delayed')).toHaveLength(1);
  isRefusing = false;
  expect(await deliverEmail(desk.system, mailer, replyId, { attempt: 2 })).toBe('sent');
  expect(received).toHaveLength(2);
  expect(received[1]!.headers.has('auto-submitted')).toBe(false);
  expect(await events(opened.caseId, 'email_sent')).toHaveLength(2);

  // The customer answers our reply: it threads back into the same case by our Message-ID.
  const answer = Buffer.from(
    `From: Ines Duarte <ines@example.pt>\r\nTo: support@shop.example\r\nSubject: Re: whatever\r\nMessage-ID: <orig-2@example.pt>\r\nIn-Reply-To: ${received[1]!.messageId}\r\n\r\nThank you, it arrived.\r\n`,
  );
  expect(await receiveEmail(desk.system, await parseMime(answer))).toMatchObject({
    outcome: 'threaded',
    caseId: opened.caseId,
  });
});

test('a web-form complaint is acknowledged by email within the same job chain, with the status link', async () => {
  const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'Shop Support <support@shop.example>');
  const form = await submitComplaintForm(desk.system, {
    firstName: 'Jonas',
    email: 'jonas@example.de',
    preferredContact: 'email',
    subject: 'Refund missing',
    message: 'I returned the boots a month ago and the refund never arrived.',
  });
  if (!form.isStored) throw new Error('expected a case');
  const [{ id: caseId }] = (
    await desk.database.pool.query('SELECT id FROM cases WHERE reference = $1', [form.reference])
  ).rows;
  await acknowledgeCase(desk.system, caseId, {
    publicUrl: 'https://desk.shop.example',
    secret: 'x'.repeat(40),
  });
  const before = received.length;
  expect(await deliverEmail(desk.system, mailer, lastEmailJob())).toBe('sent');
  const ack = received[before]!;
  expect(ack.to && !Array.isArray(ack.to) ? ack.to.text : '').toBe('jonas@example.de');
  expect(ack.subject).toBe(`Re: Refund missing [${form.reference}]`);
  expect(ack.text).toContain(`logged as case ${form.reference}`);
  expect(ack.text).toMatch(/will reply personally by \w+day \d{1,2} \w+ at \d\d:\d\d/);
  expect(ack.text).toContain('https://desk.shop.example/portal/');
  const [row] = (
    await desk.database.pool.query('SELECT first_response_at FROM cases WHERE id = $1', [caseId])
  ).rows;
  expect(row.first_response_at).toBeNull();
});

test('a message the server took is recorded once the database answers again, never sent twice', async () => {
  const real = smtpMailer(`smtp://127.0.0.1:${port}`, 'Shop Support <support@shop.example>');
  // The server accepts the message; then PostgreSQL drops the connection of the transaction
  // that holds the send lock, as a restart would, before the send is recorded.
  const cutting: Mailer = {
    from: real.from,
    domain: real.domain,
    async send(mail) {
      await real.send(mail);
      const cut = await desk.database.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(cut.rowCount).toBe(1);
    },
  };
  const agent = await desk.makeUser('agent', 'Kim Agent');
  const raw = Buffer.from(
    'From: Ola Berg <ola@example.no>\r\nTo: support@shop.example\r\nSubject: Broken lamp\r\nMessage-ID: <orig-9@example.no>\r\n\r\nThe lamp arrived in pieces.\r\n',
  );
  const opened = await receiveEmail(desk.system, await parseMime(raw));
  if (opened.outcome !== 'opened') throw new Error('expected a new case');
  await recordReply(desk.ctxFor(agent), opened.caseId, { body: 'Ola, a new lamp ships today.' });
  const replyId = lastEmailJob();
  const before = received.length;
  expect(await deliverEmail(desk.system, cutting, replyId)).toBe('sent');
  expect(await events(opened.caseId, 'email_sent')).toHaveLength(1);
  // The job running again (or a duplicate) finds it sent.
  expect(await deliverEmail(desk.system, real, replyId)).toBe('already_sent');
  expect(received.length - before).toBe(1);
});
