// SMS and social webhooks. The SMS provider's servers cannot be reached from here, so the test
// plays the provider: it signs each form post exactly as the provider documents (HMAC-SHA1 of
// the URL and sorted fields). Bad signatures, replays and oversized bodies store nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { smsSignature, socialSignature } from '../../src/channels/webhooks/signatures.ts';
import { makeDesk, type Desk } from '../support/harness.ts';

const SMS_TOKEN = 'sms-auth-token-123';
const SOCIAL_SECRET = 'social-secret-0123456789';
const PUBLIC = 'https://desk.shop.example';

let desk: Desk;
let api: FastifyInstance;
const count = async (table: string) =>
  Number((await desk.database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

beforeAll(async () => {
  desk = await makeDesk();
  api = await buildApp({
    database: desk.database,
    jobs: desk.jobs,
    now: desk.clock.now,
    webhooks: { smsAuthToken: SMS_TOKEN, socialSecret: SOCIAL_SECRET, publicUrl: PUBLIC },
  });
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

function postSms(
  fields: Record<string, string>,
  signature = smsSignature(SMS_TOKEN, `${PUBLIC}/api/v1/webhooks/sms`, fields),
) {
  return api.inject({
    method: 'POST',
    url: '/api/v1/webhooks/sms',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

function postSocial(event: object, opts: { at?: Date; secret?: string; raw?: string } = {}) {
  const raw = opts.raw ?? JSON.stringify(event);
  const ts = String(Math.floor((opts.at ?? desk.clock.now()).getTime() / 1000));
  return api.inject({
    method: 'POST',
    url: '/api/v1/webhooks/social',
    headers: {
      'content-type': 'application/json',
      'x-redress-timestamp': ts,
      'x-redress-signature': `sha256=${socialSignature(opts.secret ?? SOCIAL_SECRET, ts, Buffer.from(raw))}`,
    },
    payload: raw,
  });
}

describe('text messages', () => {
  test('a signed text opens a case, a second text threads into it, a retry is filed once', async () => {
    const first = await postSms({
      MessageSid: 'SM1',
      From: '+44 7700 900111',
      To: '+441234',
      Body: 'My order never came and nobody answers the phone.',
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/xml');
    const cases = await count('cases');
    expect(
      (await postSms({ MessageSid: 'SM2', From: '+447700900111', Body: 'Hello??' })).statusCode,
    ).toBe(200);
    expect(
      (await postSms({ MessageSid: 'SM2', From: '+447700900111', Body: 'Hello??' })).statusCode,
    ).toBe(200);
    expect(await count('cases')).toBe(cases);
    const inbound = await desk.database.pool.query(
      `SELECT body FROM messages WHERE direction = 'in' AND channel = 'sms'`,
    );
    expect(inbound.rows.map((r) => r.body)).toEqual(['Hello??']);
  });

  test('a bad signature or an oversized body is refused and nothing is stored', async () => {
    const before = [await count('cases'), await count('messages'), await count('case_events')];
    const forged = await postSms(
      { MessageSid: 'SM9', From: '+447700900222', Body: 'forged' },
      'bm90IGEgc2lnbmF0dXJl',
    );
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    const huge = await postSms({
      MessageSid: 'SM10',
      From: '+447700900222',
      Body: 'x'.repeat(70_000),
    });
    expect(huge.statusCode).toBe(413);
    expect([await count('cases'), await count('messages'), await count('case_events')]).toEqual(
      before,
    );
  });
});

describe('social media', () => {
  const mention = {
    id: 'tw-1',
    kind: 'mention',
    network: 'example-social',
    author: { handle: 'lou_b', name: 'Lou Bennett' },
    text: '@shop three weeks and still no refund. Telling everyone to avoid you.',
    url: 'https://social.example/lou_b/1',
  };

  test('a public mention opens a public-facing case routed as an activist, with higher attention', async () => {
    const res = await postSocial(mention);
    expect(res.statusCode).toBe(201);
    const row = (
      await desk.database.pool.query(
        'SELECT complainer_type, severity, channel FROM cases WHERE id = $1',
        [res.json().caseId],
      )
    ).rows[0];
    expect(row).toEqual({ complainer_type: 'activist', severity: 'high', channel: 'social' });
    expect((await postSocial(mention)).json()).toMatchObject({ outcome: 'duplicate' });
  });

  test('replays, wrong secrets, tampered bodies and bad JSON are refused; nothing is stored', async () => {
    const before = [await count('cases'), await count('case_events')];
    const dm = { ...mention, id: 'dm-7', kind: 'direct_message' };
    expect(
      (await postSocial(dm, { at: new Date(desk.clock.now().getTime() - 10 * 60_000) })).statusCode,
    ).toBe(401);
    expect((await postSocial(dm, { secret: 'another-secret-0000000' })).statusCode).toBe(401);
    const tampered = await api.inject({
      method: 'POST',
      url: '/api/v1/webhooks/social',
      headers: {
        'content-type': 'application/json',
        'x-redress-timestamp': String(Math.floor(desk.clock.now().getTime() / 1000)),
        'x-redress-signature': socialSignature(
          SOCIAL_SECRET,
          String(Math.floor(desk.clock.now().getTime() / 1000)),
          Buffer.from('{}'),
        ),
      },
      payload: JSON.stringify(dm),
    });
    expect(tampered.statusCode).toBe(401);
    expect((await postSocial({}, { raw: '{"id": ' })).statusCode).toBe(400);
    expect((await postSocial({ ...dm, kind: 'carrier-pigeon' })).statusCode).toBe(422);
    expect([await count('cases'), await count('case_events')]).toEqual(before);
  });
});
