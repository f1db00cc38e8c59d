// Phone calls, letters and walk-ins are logged by staff: the channel, a call's length, a later
// letter on an open case with its scan attached to that very message, through the API and the
// command line (a real child process on the same database).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseDuration } from '../../src/cli/commands/case.ts';
import { runCli } from '../support/processes.ts';
import { makeApi, makeDesk, tokenFor, type Desk } from '../support/harness.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.5\n'), Buffer.alloc(1000, 0x20)]);
let desk: Desk;
let api: FastifyInstance;
let staff: { headers: Record<string, string> };

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  staff = await tokenFor(desk, 'agent');
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await api.inject({
    method,
    url: `/api/v1${url}`,
    headers: staff.headers,
    ...(payload ? { payload } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are asserted field by field
  return { status: res.statusCode, body: res.json() as Record<string, any> };
};

describe('through the API', () => {
  test('a phone case keeps its call length; a later letter is logged with its scan tied to it', async () => {
    const opened = await call('POST', '/cases', {
      channel: 'phone',
      account: 'Called: the washing machine leaks and the engineer did not turn up.',
      callDurationSeconds: 270,
      customer: { firstName: 'Tomasz', contacts: [{ kind: 'phone', value: '+44 7700 900888' }] },
    });
    expect(opened.status).toBe(201);
    const ref = opened.body.reference as string;
    await call('POST', `/cases/${ref}/status`, { status: 'awaiting_customer' });

    const letter = await call('POST', `/cases/${ref}/contacts`, {
      channel: 'letter',
      body: 'Letter: he encloses the engineer’s missed-visit card and asks for a refund.',
      receivedAt: '2026-11-23T09:00:00+00:00',
    });
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({ direction: 'in', channel: 'letter' });
    const scan = await api.inject({
      method: 'POST',
      url: `/api/v1/cases/${ref}/attachments?filename=letter.pdf&purpose=letter_scan&messageId=${letter.body.id}`,
      headers: { ...staff.headers, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(scan.statusCode).toBe(201);
    expect(scan.json()).toMatchObject({ messageId: letter.body.id, purpose: 'letter_scan' });

    const view = await call('GET', `/cases/${ref}`);
    expect(view.body.case.status).toBe('in_progress');
    const events = view.body.timeline as Array<{ type: string; data: Record<string, unknown> }>;
    expect(events.find((e) => e.type === 'case_opened')?.data.callDurationSeconds).toBe(270);
    expect(events.find((e) => e.type === 'customer_message')?.data).toMatchObject({
      channel: 'letter',
      loggedByStaff: true,
    });
    expect(view.body.attachments).toHaveLength(1);
    // Staff-logged channels get no automatic acknowledgement.
    expect(events.some((e) => e.type === 'acknowledged')).toBe(false);
  });

  test('wrong combinations are refused field by field and nothing is written', async () => {
    const opened = await call('POST', '/cases', {
      channel: 'in_person',
      account: 'Came to the counter: the jacket zip broke on the first day.',
      customer: { firstName: 'Ines' },
    });
    const ref = opened.body.reference as string;
    const other = await call('POST', '/cases', {
      channel: 'letter',
      account: 'A letter about something else entirely.',
      customer: { firstName: 'Olu' },
    });
    const before = await call('GET', `/cases/${ref}`);
    const duration = await call('POST', `/cases/${ref}/contacts`, {
      channel: 'letter',
      body: 'A letter.',
      callDurationSeconds: 60,
    });
    expect(duration.status).toBe(422);
    expect(duration.body.issues).toContainEqual({
      path: 'body.callDurationSeconds',
      message: 'Only a phone call has a duration.',
    });
    const email = await call('POST', `/cases/${ref}/contacts`, { channel: 'email', body: 'x' });
    expect(email.status).toBe(422);
    expect(email.body.issues[0].path).toBe('body.channel');
    const future = await call('POST', `/cases/${ref}/contacts`, {
      channel: 'phone',
      body: 'Called back.',
      receivedAt: '2030-01-01T00:00:00+00:00',
    });
    expect(future.status).toBe(422);
    const [message] = (await call('GET', `/cases/${other.body.reference}`)).body.messages ?? [];
    const elsewhere = await call('POST', `/cases/${other.body.reference}/contacts`, {
      channel: 'letter',
      body: 'Second letter.',
    });
    expect(message).toBeUndefined();
    const misplaced = await api.inject({
      method: 'POST',
      url: `/api/v1/cases/${ref}/attachments?filename=scan.pdf&messageId=${elsewhere.body.id}`,
      headers: { ...staff.headers, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(misplaced.statusCode).toBe(422);
    expect(misplaced.json().issues[0]).toEqual({
      path: 'messageId',
      message: `No such message on case ${ref}.`,
    });
    const after = await call('GET', `/cases/${ref}`);
    expect(after.body.timeline).toHaveLength(before.body.timeline.length);
    expect(after.body.attachments).toHaveLength(0);
  });
});

describe('from the command line', () => {
  const redress = (...args: string[]) =>
    runCli(args, { DATABASE_URL: desk.database.url, REDRESS_RUN_JOBS: 'false' });

  test('durations are read as seconds or minutes:seconds', () => {
    expect(parseDuration('95')).toBe(95);
    expect(parseDuration('4:30')).toBe(270);
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration(undefined)).toBeUndefined();
    expect(() => parseDuration('four minutes')).toThrow(/--duration: use seconds/);
  });

  test('a letter with its scan, a later call, and a refused file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redress-scan-'));
    const scan = join(dir, 'complaint-letter.pdf');
    await writeFile(scan, PDF);
    const fake = join(dir, 'photo.jpg');
    await writeFile(fake, Buffer.from('this is not a photo'));

    const opened = await redress(
      'case',
      'open',
      '--channel',
      'letter',
      '--name',
      'Maeve Byrne',
      '--account',
      'Letter: the hotel room was never cleaned during a five-night stay.',
      '--letter-ref',
      'POST-2026-118',
      '--received',
      '2026-11-23T08:15:00+00:00',
      '--scan',
      scan,
      '--json',
    );
    expect(opened.code, opened.stderr).toBe(0);
    const created = JSON.parse(opened.stdout) as {
      reference: string;
      attachments: Array<{ filename: string; purpose: string; contentType: string }>;
    };
    expect(created.attachments[0]).toMatchObject({
      filename: 'complaint-letter.pdf',
      purpose: 'letter_scan',
      contentType: 'application/pdf',
    });

    const logged = await redress(
      'case',
      'log',
      created.reference,
      '--channel',
      'phone',
      '--duration',
      '4:30',
      '--account',
      'She called to ask whether we received her letter.',
    );
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stdout).toContain(`Logged the phone contact on ${created.reference}.`);

    const refused = await redress('case', 'attach', created.reference, fake);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'The file was not accepted: photo.jpg says it is a JPEG image but its content is not.',
    );
    const { rows } = await desk.database.pool.query(
      `SELECT e.type, e.data FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = $1 ORDER BY e.id`,
      [created.reference],
    );
    expect(rows.find((r) => r.type === 'case_opened')?.data.letterScanRef).toBe('POST-2026-118');
    expect(rows.find((r) => r.type === 'customer_message')?.data.callDurationSeconds).toBe(270);
    expect(rows.filter((r) => r.type === 'attachment_added')).toHaveLength(1);
  }, 120_000);
});
