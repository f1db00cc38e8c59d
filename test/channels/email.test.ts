// Email intake over a real SMTP exchange on loopback (nodemailer → the built-in listener), and the
// raw-MIME HTTP door. The awkward mail here — HTML-only, Latin-1, nested multiparts with inline
// images, quoted threads, auto-replies, bounces, oversized attachments — was written for the tests.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { FastifyInstance } from 'fastify';
import { parseMime } from '../../src/channels/email/parse-mime.ts';
import { startSmtpListener, type SmtpListener } from '../../src/channels/email/smtp-listener.ts';
import { receiveEmail, type EmailOutcome } from '../../src/core/intake/receive-email.ts';
import { makeApi, makeDesk, tokenFor, type Desk, type SentJob } from '../support/harness.ts';

let desk: Desk;
let smtp: SmtpListener;
const outcomes: EmailOutcome[] = [];
const MAX_BYTES = 200_000;

beforeAll(async () => {
  desk = await makeDesk();
  await desk.makeUser('agent', 'Sam Agent');
  smtp = await startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    maxBytes: MAX_BYTES,
    handle: async (raw) => outcomes.push(await receiveEmail(desk.system, await parseMime(raw))),
  });
});
afterAll(async () => {
  await smtp.close();
  await desk.close();
});

const transport = () =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    tls: { rejectUnauthorized: false },
  });

async function send(mail: SendMailOptions): Promise<EmailOutcome | undefined> {
  const before = outcomes.length;
  await transport().sendMail({
    from: '"Nadia Haddad" <nadia@example.org>',
    to: 'support@shop.example',
    ...mail,
  });
  return outcomes.length > before ? outcomes.at(-1) : undefined;
}

const rows = async (sql: string, params: unknown[] = []) =>
  (await desk.database.pool.query(sql, params)).rows;
const acks = () =>
  (desk.jobs as unknown as { sent: SentJob[] }).sent.filter((j) => j.name === 'case-acknowledge');

describe('email intake over SMTP', () => {
  let reference = '';

  test('a new complaint opens a case for the sender, named from the From header, and is acknowledged', async () => {
    const out = await send({
      subject: 'Kettle stopped working',
      text: 'My kettle died after a week. I am really annoyed.',
      messageId: '<m1@example.org>',
    });
    expect(out).toMatchObject({ outcome: 'opened', isAcknowledged: true });
    reference = out?.outcome === 'opened' ? out.reference : '';
    const [row] = await rows(
      `SELECT c.account, c.subject, cu.first_name, cu.last_name FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.reference = $1`,
      [reference],
    );
    expect(row).toMatchObject({
      subject: 'Kettle stopped working',
      first_name: 'Nadia',
      last_name: 'Haddad',
    });
    expect(row.account).toContain('kettle died');
    expect(
      acks().some(
        (j) => (j.data as { caseId: string }).caseId === (out as { caseId: string }).caseId,
      ),
    ).toBe(true);
  });

  test('a reply threads into the case by In-Reply-To, keeps only the new words, and is filed once', async () => {
    const reply = {
      subject: `Re: Kettle stopped working`,
      text: 'Still nothing from you.\n\nOn Mon, 23 Nov 2026 at 10:00, Support wrote:\n> We are sorry to hear that.\n> Regards',
      inReplyTo: `<${reference}.abc123@redress.example>`,
      messageId: '<m2@example.org>',
    };
    expect(await send(reply)).toMatchObject({ outcome: 'threaded', reference });
    expect(await send(reply)).toMatchObject({ outcome: 'duplicate' });
    const messages = await rows(
      `SELECT m.body FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.reference = $1 AND m.direction = 'in'`,
      [reference],
    );
    expect(messages.map((m) => m.body)).toEqual(['Still nothing from you.']);
  });

  test('the reference in the subject or a plus-address threads too', async () => {
    expect(
      await send({
        subject: `About ${reference}`,
        text: 'Any news?',
        messageId: '<m3@example.org>',
      }),
    ).toMatchObject({ outcome: 'threaded' });
    expect(
      await send({
        to: `support+${reference}@shop.example`,
        subject: 'hello',
        text: 'Me again',
        messageId: '<m4@example.org>',
      }),
    ).toMatchObject({
      outcome: 'threaded',
    });
  });

  test('auto-replies and bounces never open cases', async () => {
    const before = (await rows('SELECT count(*)::int AS n FROM cases'))[0].n;
    expect(
      await send({
        subject: 'Out of office',
        text: 'I am away.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    ).toMatchObject({ outcome: 'ignored' });
    expect(
      await send({
        from: 'MAILER-DAEMON@mx.example.net',
        subject: 'Undelivered Mail Returned to Sender',
        text: 'Delivery failed.',
      }),
    ).toMatchObject({
      outcome: 'ignored',
    });
    expect((await rows('SELECT count(*)::int AS n FROM cases'))[0].n).toBe(before);
  });

  test('HTML-only mail is read as text; script and tags are dropped', async () => {
    const out = await send({
      subject: 'Broken lamp',
      html: '<p>The lamp <b>flickers</b> &amp; buzzes.</p><script>alert(1)</script><p>Please help.</p>',
      messageId: '<m5@example.org>',
    });
    const [row] = await rows('SELECT account FROM cases WHERE id = $1', [
      (out as { caseId: string }).caseId,
    ]);
    expect(row.account).toBe('The lamp flickers & buzzes.\nPlease help.');
  });

  test('a Latin-1 body in a nested multipart with an inline image decodes correctly', async () => {
    const raw = [
      'From: "René Côté" <rene@example.fr>',
      'To: support@shop.example',
      'Subject: =?ISO-8859-1?Q?Commande_ab=EEm=E9e?=',
      'Message-ID: <m6@example.fr>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/related; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset=ISO-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'La th=E9i=E8re est arriv=E9e cass=E9e.',
      '--inner',
      'Content-Type: image/png',
      'Content-ID: <photo1>',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      '--inner--',
      '--outer--',
      '',
    ].join('\r\n');
    const before = outcomes.length;
    await transport().sendMail({
      envelope: { from: 'rene@example.fr', to: ['support@shop.example'] },
      raw,
    });
    const out = outcomes.slice(before).at(-1);
    expect(out).toMatchObject({ outcome: 'opened' });
    const [row] = await rows(
      'SELECT c.account, c.subject, cu.first_name FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1',
      [(out as { caseId: string }).caseId],
    );
    expect(row).toMatchObject({
      account: 'La théière est arrivée cassée.',
      subject: 'Commande abîmée',
      first_name: 'René',
    });
  });

  test('an attachment over the size limit is refused during the SMTP exchange and nothing is stored', async () => {
    const before = (await rows('SELECT count(*)::int AS n FROM cases'))[0].n;
    await expect(
      send({
        subject: 'Photos',
        text: 'See attached',
        attachments: [{ filename: 'big.bin', content: Buffer.alloc(MAX_BYTES + 50_000, 7) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect((await rows('SELECT count(*)::int AS n FROM cases'))[0].n).toBe(before);
  });

  test('a sender opening many cases in an hour stops getting acknowledgements', async () => {
    const results: Array<EmailOutcome | undefined> = [];
    for (let i = 0; i < 7; i++) {
      results.push(
        await send({
          from: 'loop@robot.example',
          subject: `Ticket ${i}`,
          text: `Message number ${i}`,
          messageId: `<loop${i}@robot.example>`,
        }),
      );
    }
    const acknowledged = results.map((r) => (r?.outcome === 'opened' ? r.isAcknowledged : null));
    expect(acknowledged).toEqual([true, true, true, true, true, false, false]);
  });
});

describe('raw MIME over HTTP', () => {
  let api: FastifyInstance;
  beforeAll(async () => {
    api = await makeApi(desk);
  });
  afterAll(() => api.close());

  test('a forwarded message/rfc822 opens a case; other content types are refused', async () => {
    const { headers } = await tokenFor(desk, 'agent');
    const raw =
      'From: Ola <ola@example.no>\r\nTo: support@shop.example\r\nSubject: Late parcel\r\nMessage-ID: <h1@example.no>\r\n\r\nMy parcel is two weeks late.\r\n';
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/channels/email',
      headers: { ...headers, 'content-type': 'message/rfc822' },
      payload: raw,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'opened' });
    const again = await api.inject({
      method: 'POST',
      url: '/api/v1/channels/email',
      headers: { ...headers, 'content-type': 'message/rfc822' },
      payload: raw,
    });
    expect(again.json()).toMatchObject({ outcome: 'duplicate' });
    const wrong = await api.inject({
      method: 'POST',
      url: '/api/v1/channels/email',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(wrong.statusCode).toBe(415);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });
});
