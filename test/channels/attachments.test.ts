// Files kept with cases: email attachments over a real SMTP exchange on loopback (nodemailer →
// the built-in listener), staff uploads through the API (a scanned letter), the limits with their
// reasons, and downloads that only staff may make, with headers that keep a file from acting as
// a page of the site.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { attachmentPolicy, loadConfig } from '../../src/config.ts';
import { parseMime } from '../../src/channels/email/parse-mime.ts';
import { startSmtpListener, type SmtpListener } from '../../src/channels/email/smtp-listener.ts';
import {
  DEFAULT_POLICY,
  type AttachmentPolicy,
} from '../../src/core/attachments/attachment.rules.ts';
import { receiveEmail, type EmailOutcome } from '../../src/core/intake/receive-email.ts';
import { makeDesk, tokenFor, type Desk } from '../support/harness.ts';

const POLICY: AttachmentPolicy = { ...DEFAULT_POLICY, maxBytes: 64 * 1024 };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% scanned letter\n'), Buffer.alloc(2000, 0x20)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 1)]);

let desk: Desk;
let api: FastifyInstance;
let smtp: SmtpListener;
const outcomes: EmailOutcome[] = [];
let staff: { headers: Record<string, string> };
let reader: { headers: Record<string, string> };
let adminOnly: { headers: Record<string, string> };

beforeAll(async () => {
  desk = await makeDesk();
  await desk.makeUser('agent', 'Sam Agent');
  api = await buildApp({
    database: desk.database,
    jobs: desk.jobs,
    now: desk.clock.now,
    attachments: POLICY,
  });
  smtp = await startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    maxBytes: 1_000_000,
    handle: async (raw) =>
      outcomes.push(await receiveEmail(desk.system, await parseMime(raw), POLICY)),
  });
  staff = await tokenFor(desk, 'agent');
  reader = await tokenFor(desk, 'agent', ['cases:read']);
  adminOnly = await tokenFor(desk, 'admin', ['admin']);
});
afterAll(async () => {
  await smtp.close();
  await api.close();
  await desk.close();
});

const rows = async (sql: string, params: unknown[] = []) =>
  (await desk.database.pool.query(sql, params)).rows;

async function sendMail(mail: SendMailOptions): Promise<EmailOutcome> {
  const before = outcomes.length;
  await nodemailer
    .createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true })
    .sendMail({ from: '"Rosa Lind" <rosa@example.se>', to: 'support@shop.example', ...mail });
  expect(outcomes.length).toBe(before + 1);
  return outcomes.at(-1)!;
}

function upload(
  ref: string,
  body: Buffer,
  opts: { type?: string; query?: string; headers?: Record<string, string> } = {},
) {
  return api.inject({
    method: 'POST',
    url: `/api/v1/cases/${ref}/attachments?${opts.query ?? 'filename=letter.pdf&purpose=letter_scan'}`,
    headers: { ...(opts.headers ?? staff.headers), 'content-type': opts.type ?? 'application/pdf' },
    payload: body,
  });
}

describe('email attachments', () => {
  let reference = '';
  let caseId = '';

  test('kept files are stored with the case; refused ones are named with the reason and the owner is told', async () => {
    const out = await sendMail({
      subject: 'Broken frame, photos attached',
      text: 'The frame arrived cracked. Photos and the delivery note attached.',
      messageId: '<att-1@example.se>',
      attachments: [
        { filename: 'delivery-note.pdf', content: PDF, contentType: 'application/octet-stream' },
        { filename: 'crack.png', content: PNG, contentType: 'image/png' },
        {
          filename: 'invoice.pdf',
          content: Buffer.from('not really a pdf'),
          contentType: 'application/pdf',
        },
        { filename: 'viewer.exe', content: EXE, contentType: 'application/octet-stream' },
        {
          filename: 'huge.jpg',
          content: Buffer.concat([
            Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
            Buffer.alloc(POLICY.maxBytes),
          ]),
          contentType: 'image/jpeg',
        },
      ],
    });
    if (out.outcome !== 'opened') throw new Error('expected a new case');
    ({ reference, caseId } = out);
    const kept = await rows(
      'SELECT filename, content_type, size_bytes, source, message_id, content FROM attachments WHERE case_id = $1 ORDER BY filename',
      [caseId],
    );
    expect(kept.map((k) => [k.filename, k.content_type, k.source])).toEqual([
      ['crack.png', 'image/png', 'email'],
      ['delivery-note.pdf', 'application/pdf', 'email'],
    ]);
    expect(Buffer.compare(kept[1].content, PDF)).toBe(0);
    const refused = await rows(
      `SELECT data FROM case_events WHERE case_id = $1 AND type = 'attachment_refused' ORDER BY id`,
      [caseId],
    );
    expect(refused.map((r) => r.data.reason)).toEqual([
      'invoice.pdf says it is a PDF but its content is not.',
      expect.stringMatching(
        /^viewer\.exe: files of type application\/x-msdownload are not accepted/,
      ),
      expect.stringMatching(/^huge\.jpg is \d+ kB; files may be at most 64 kB\.$/),
    ]);
    const [note] = await rows(
      `SELECT message FROM notifications WHERE case_id = $1 AND kind = 'attachment_refused'`,
      [caseId],
    );
    expect(note.message).toContain('3 attachment(s) from the customer were not kept');
  });

  test('a reply with a photo adds it to the same case, tied to that message', async () => {
    desk.clock.advance(60_000);
    const out = await sendMail({
      subject: `Re: Broken frame [${reference}]`,
      text: 'One more photo from the side.',
      messageId: '<att-2@example.se>',
      attachments: [{ filename: 'side.png', content: PNG, contentType: 'image/png' }],
    });
    expect(out).toMatchObject({ outcome: 'threaded', caseId });
    const [row] = await rows(
      `SELECT a.message_id, m.body FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.filename = 'side.png'`,
    );
    expect(row.body).toBe('One more photo from the side.');
    const view = await api.inject({
      method: 'GET',
      url: `/api/v1/cases/${reference}`,
      headers: staff.headers,
    });
    expect(view.json().attachments.map((a: { filename: string }) => a.filename)).toEqual([
      'crack.png',
      'delivery-note.pdf',
      'side.png',
    ]);
    expect(view.json().attachments[0]).not.toHaveProperty('content');
  });
});

describe('staff uploads and downloads', () => {
  let reference = '';
  beforeAll(async () => {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: staff.headers,
      payload: {
        channel: 'letter',
        account:
          'Letter received: the customer complains that the boiler repair was never finished.',
        customer: { firstName: 'Agnes', contacts: [{ kind: 'email', value: 'agnes@example.org' }] },
      },
    });
    expect(res.statusCode).toBe(201);
    reference = res.json().reference;
  });

  test('a scanned letter is uploaded, listed and downloaded by staff with safe headers', async () => {
    const res = await upload(reference, PDF, {
      query: 'filename=Brief%20f%C3%BCr%20uns.pdf&purpose=letter_scan',
    });
    expect(res.statusCode).toBe(201);
    const kept = res.json();
    expect(kept).toMatchObject({
      purpose: 'letter_scan',
      contentType: 'application/pdf',
      source: 'staff',
      sizeBytes: PDF.length,
    });
    expect(res.headers.location).toBe(`/api/v1/attachments/${kept.id}`);

    const list = await api.inject({
      method: 'GET',
      url: `/api/v1/cases/${reference}/attachments`,
      headers: reader.headers,
    });
    expect(list.json().items).toHaveLength(1);

    const file = await api.inject({
      method: 'GET',
      url: `/api/v1/attachments/${kept.id}`,
      headers: reader.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Brief f_r uns.pdf"; filename*=UTF-8''Brief%20f%C3%BCr%20uns.pdf`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);

    const events = await rows(
      `SELECT e.type, e.actor_label FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = $1 AND e.type = 'attachment_added'`,
      [reference],
    );
    expect(events).toHaveLength(1);
    expect(events[0].actor_label).not.toMatch(/^system/);
  });

  test('only staff may download: no session, no token, or a token without cases:read is refused', async () => {
    const [{ id }] = await rows(`SELECT id FROM attachments WHERE source = 'staff' LIMIT 1`);
    expect((await api.inject({ method: 'GET', url: `/api/v1/attachments/${id}` })).statusCode).toBe(
      401,
    );
    expect(
      (
        await api.inject({
          method: 'GET',
          url: `/api/v1/attachments/${id}`,
          headers: { authorization: 'Bearer rd_nope' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await api.inject({
          method: 'GET',
          url: `/api/v1/attachments/${id}`,
          headers: adminOnly.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.inject({
          method: 'GET',
          url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000',
          headers: staff.headers,
        })
      ).statusCode,
    ).toBe(404);
    // The reader may download but not upload.
    expect((await upload(reference, PDF, { headers: reader.headers })).statusCode).toBe(403);
  });

  test('limits are refused with a clear reason and nothing is stored', async () => {
    const count = async () => Number((await rows('SELECT count(*) FROM attachments'))[0].count);
    const before = await count();

    const big = await upload(reference, Buffer.concat([PDF, Buffer.alloc(POLICY.maxBytes)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().title).toMatch(/^The file is 0\.1 MB; files may be at most 0\.1 MB\.$/);

    const disguised = await upload(
      reference,
      Buffer.from('<html><script>alert(1)</script></html>'),
      {
        type: 'text/plain',
        query: 'filename=notes.txt',
      },
    );
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json().issues).toEqual([
      {
        path: 'file',
        message: expect.stringMatching(/^notes\.txt: files of type text\/html are not accepted/),
      },
    ]);

    const lying = await upload(reference, PNG, {
      type: 'application/pdf',
      query: 'filename=scan.pdf',
    });
    expect(lying.statusCode).toBe(422);
    expect(lying.json().issues[0].message).toBe(
      'scan.pdf says it is a PDF but its content is a PNG image.',
    );

    const empty = await upload(reference, Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().issues[0].message).toBe('letter.pdf is empty.');

    const noName = await upload(reference, PDF, { query: 'purpose=letter_scan' });
    expect(noName.statusCode).toBe(422);
    expect(noName.json().issues[0].path).toBe('filename');

    const badPurpose = await upload(reference, PDF, { query: 'filename=a.pdf&purpose=selfie' });
    expect(badPurpose.statusCode).toBe(422);

    expect((await upload('RD-999999', PDF)).statusCode).toBe(404);
    expect(await count()).toBe(before);
    const refusedEvents = await rows(
      `SELECT count(*) FROM case_events WHERE type = 'attachment_refused' AND actor_id IS NOT NULL`,
    );
    expect(Number(refusedEvents[0].count)).toBe(0);
  });

  test('the customer portal never shows case files', async () => {
    const link = await api.inject({
      method: 'GET',
      url: `/api/v1/cases/${reference}/portal-link`,
      headers: staff.headers,
    });
    const page = await api.inject({ method: 'GET', url: link.json().path });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/api/v1/attachments/');
    expect(page.body).not.toContain('Brief f');
  });
});

test('the limits come from the environment and are checked at start-up', () => {
  expect(
    attachmentPolicy(
      loadConfig({
        REDRESS_ATTACHMENT_MAX_BYTES: '2048',
        REDRESS_ATTACHMENT_TYPES: 'application/pdf, image/JPEG',
      }),
    ),
  ).toMatchObject({ maxBytes: 2048, allowedTypes: ['application/pdf', 'image/jpeg'] });
  expect(attachmentPolicy(loadConfig({})).maxBytes).toBe(10 * 1024 * 1024);
  expect(() => loadConfig({ REDRESS_ATTACHMENT_TYPES: 'application/pdf,text/html' })).toThrow(
    /REDRESS_ATTACHMENT_TYPES\.1: Types a browser can run/,
  );
  expect(() => loadConfig({ REDRESS_ATTACHMENT_TYPES: 'pdf' })).toThrow(/must be a MIME type/);
  expect(() => loadConfig({ REDRESS_ATTACHMENT_MAX_BYTES: '99999999' })).toThrow(
    /REDRESS_ATTACHMENT_MAX_BYTES: Must be at most 26214400 bytes/,
  );
});
