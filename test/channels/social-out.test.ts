// Outbound direct messages for social cases go to a bridge that posts them on the network. No
// network can be reached from here, so a local HTTP server stands in for the bridge and checks
// each request's signature exactly as Redress checks inbound social webhooks. Covered: a direct
// message (and a public mention) is acknowledged privately with the reference; a bridge outage is
// retried to one delivery, shown to the owner once; the configuration must come together.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import { checkSocialSignature } from '../../src/channels/webhooks/signatures.ts';
import { socialClient } from '../../src/channels/social/social-client.ts';
import { loadConfig } from '../../src/config.ts';
import { acknowledgeCase } from '../../src/core/cases/acknowledge-case.ts';
import { receiveSocial } from '../../src/core/intake/receive-message.ts';
import { deliverSocial } from '../../src/core/outbound/deliver-social.ts';
import { makeDesk, type Desk, type SentJob } from '../support/harness.ts';

const SECRET = 'social-secret-0123456789';
let desk: Desk;
let bridge: Server;
let url = '';
const delivered: Array<Record<string, unknown>> = [];
let failures = 0;

beforeAll(async () => {
  desk = await makeDesk();
  bridge = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const check = checkSocialSignature({
        secret: SECRET,
        timestamp: req.headers['x-redress-timestamp'] as string | undefined,
        signature: req.headers['x-redress-signature'] as string | undefined,
        rawBody: raw,
        now: new Date(),
      });
      res.setHeader('content-type', 'application/json');
      if (check !== 'ok') {
        res.statusCode = 401;
        return res.end(JSON.stringify({ error: `signature ${check}` }));
      }
      if (failures > 0) {
        failures -= 1;
        res.statusCode = 502;
        return res.end(JSON.stringify({ error: 'network unavailable' }));
      }
      delivered.push(JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
      res.statusCode = 202;
      res.end(JSON.stringify({ id: `dm-${delivered.length}` }));
    });
  });
  await new Promise<void>((done) => bridge.listen(0, '127.0.0.1', () => done()));
  const address = bridge.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/outbound`;
});
afterAll(async () => {
  await new Promise<void>((done) => bridge.close(() => done()));
  await desk.close();
});

const lastSocialJob = () =>
  (
    (desk.jobs as unknown as { sent: SentJob[] }).sent
      .filter((j) => j.name === 'social-send')
      .at(-1)?.data as { messageId: string }
  ).messageId;
const eventTypes = async (caseId: string) =>
  (
    await desk.database.pool.query('SELECT type FROM case_events WHERE case_id = $1 ORDER BY id', [
      caseId,
    ])
  ).rows.map((r: { type: string }) => r.type);

test('a direct message is acknowledged by direct message, once, through a bridge outage', async () => {
  const agent = await desk.makeUser('agent', 'Bo Agent');
  const opened = await receiveSocial(desk.system, {
    id: 'dm-in-1',
    kind: 'direct_message',
    network: 'mastodon',
    author: { handle: '@Lena', name: 'Lena Berg' },
    text: 'My order was cancelled without a word. What is going on?',
  });
  await desk.database.pool.query('UPDATE cases SET owner_id = $1 WHERE id = $2', [
    agent.id,
    opened.caseId,
  ]);
  await acknowledgeCase(desk.system, opened.caseId);
  const messageId = lastSocialJob();
  const sender = socialClient({ url, secret: SECRET });

  failures = 1;
  await expect(deliverSocial(desk.system, sender, messageId)).rejects.toThrow(/502/);
  expect(await deliverSocial(desk.system, sender, messageId)).toBe('sent');
  expect(await deliverSocial(desk.system, sender, messageId)).toBe('already_sent');
  expect(delivered).toHaveLength(1);
  const [{ rows }] = [
    await desk.database.pool.query('SELECT reference FROM cases WHERE id = $1', [opened.caseId]),
  ];
  expect(delivered[0]).toMatchObject({
    id: messageId,
    kind: 'direct_message',
    network: 'mastodon',
    to: { handle: 'lena' },
    caseReference: rows[0].reference,
  });
  expect(String(delivered[0]!.text)).toContain(`logged as case ${rows[0].reference}`);
  const types = await eventTypes(opened.caseId);
  expect(types.filter((t) => t === 'social_delayed')).toHaveLength(1);
  expect(types.filter((t) => t === 'social_sent')).toHaveLength(1);
});

test('a public mention is answered privately, never in public', async () => {
  const opened = await receiveSocial(desk.system, {
    id: 'mention-1',
    kind: 'mention',
    network: 'mastodon',
    author: { handle: 'omar' },
    text: '@shop three weeks and still no refund. Avoid!',
    url: 'https://social.example/@omar/1',
  });
  await acknowledgeCase(desk.system, opened.caseId);
  expect(
    await deliverSocial(desk.system, socialClient({ url, secret: SECRET }), lastSocialJob()),
  ).toBe('sent');
  expect(delivered.at(-1)).toMatchObject({ kind: 'direct_message', to: { handle: 'omar' } });
});

test('a bridge that refuses for good is reported and not retried; a wrong secret is refused', async () => {
  const opened = await receiveSocial(desk.system, {
    id: 'dm-in-2',
    kind: 'direct_message',
    network: 'mastodon',
    author: { handle: 'kai' },
    text: 'The app charges me twice.',
  });
  await acknowledgeCase(desk.system, opened.caseId);
  const before = delivered.length;
  expect(
    await deliverSocial(
      desk.system,
      socialClient({ url, secret: 'not-the-shared-secret' }),
      lastSocialJob(),
    ),
  ).toBe('failed');
  expect(delivered).toHaveLength(before);
  expect(await eventTypes(opened.caseId)).toContain('social_failed');
  expect(() => loadConfig({ REDRESS_SOCIAL_OUT_URL: 'https://bridge.example/out' })).toThrow(
    /REDRESS_SOCIAL_SECRET: Required with REDRESS_SOCIAL_OUT_URL/,
  );
});
