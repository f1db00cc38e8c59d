// Outbound mail through real pg-boss workers and a real SMTP server on loopback that is first
// down (connection refused), then up but refusing at MAIL FROM (4xx), RCPT TO (5xx) and DATA
// (5xx), then healthy. Nothing is dropped: every reply and acknowledgement is tried again and
// again, the case owner is told of the delay once per message, and each message reaches the
// server exactly once when it accepts mail again.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { smtpMailer } from '../../src/channels/email/smtp-mailer.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { recordReply } from '../../src/core/cases/record-reply.ts';
import { type Ctx } from '../../src/core/shared/context.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { createBoss, ensureQueues, jobSender } from '../../src/jobs/queue.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import { createTestDatabase } from '../support/db.ts';
import { jobCtx } from '../support/jobs.ts';
import { complaint } from '../support/harness.ts';
import { startSink, type Sink, type SmtpCommand } from '../support/smtp-sink.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let boss: PgBoss;
let sink: Sink;

beforeAll(async () => {
  database = await createTestDatabase();
  boss = createBoss(database.url);
  await boss.start();
  await ensureQueues(boss);
  sink = await startSink();
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await sink.close();
  await database.close();
});

const rows = async <T>(sql: string, params: unknown[] = []) =>
  (await database.pool.query(sql, params)).rows as T[];

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Tries queued so far for each outbound message (the highest `attempt` of its email jobs). */
async function triesPerMessage(): Promise<Map<string, number>> {
  const jobs = await rows<{ id: string; n: number }>(
    `SELECT data->>'messageId' AS id, max(coalesce((data->>'attempt')::int, 0)) AS n
       FROM pgboss.job WHERE name = 'email-send' GROUP BY 1`,
  );
  return new Map(jobs.map((j) => [j.id, j.n]));
}

test('SMTP down, then refusing at MAIL, RCPT and DATA: every message retried, none lost, each sent once', async () => {
  const ctx = jobCtx(database, jobSender(boss));
  const user = await insertNewUser(database.db, {
    email: 'sam@example.test',
    name: 'Sam',
    role: 'agent',
    password: 'correct horse battery',
  });
  const agent: Ctx = { ...ctx(), actor: { kind: 'user', id: user.id, role: 'agent', name: 'Sam' } };

  // The mail server is down before anything is written.
  await sink.stop();
  const CASES = 3;
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const { case: c } = await openCase(
      agent,
      complaint({
        ownerId: user.id,
        customer: {
          firstName: 'Ana',
          contacts: [{ kind: 'email', value: `ana${i}@example.test` }],
        },
      }),
    );
    caseIds.push(c.id);
    await recordReply(agent, c.id, {
      body: `Ana, I am sorry about order ${i}; a refund is on its way.`,
    });
  }
  await startWorkers(boss, ctx, {
    pollingIntervalSeconds: 0.5,
    mailer: smtpMailer(`smtp://127.0.0.1:${sink.port}`, 'Shop Support <support@shop.example>'),
    emailRetry: { firstSeconds: 1, maxSeconds: 2 },
  });
  // Each case sends its acknowledgement (queued by the acknowledgement job) and the reply.
  await until('acknowledgements', async () => {
    const [row] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE direction = 'out' AND channel = 'email'`,
    );
    return row?.n === CASES * 2;
  });
  const outbound = await rows<{ id: string; case_id: string; kind: string }>(
    `SELECT id, case_id, kind FROM messages WHERE direction = 'out' AND channel = 'email'`,
  );
  expect(outbound.filter((m) => m.kind === 'reply')).toHaveLength(CASES);

  // Connection refused: every message fails at least twice and is queued again; nothing arrives.
  await until('two failed tries of every message while the server is down', async () => {
    const tries = await triesPerMessage();
    return outbound.every((m) => (tries.get(m.id) ?? 0) >= 2);
  });
  expect(sink.received).toHaveLength(0);

  // Up again but refusing, at each stage of the exchange in turn.
  await sink.start();
  const stages: Array<[SmtpCommand, number]> = [
    ['MAIL', 451],
    ['RCPT', 550],
    ['DATA', 554],
  ];
  for (const [command, code] of stages) {
    sink.refuse = { command, code };
    const before = await triesPerMessage();
    await until(`every message refused at ${command}`, async () => {
      const tries = await triesPerMessage();
      return outbound.every((m) => (tries.get(m.id) ?? 0) > (before.get(m.id) ?? 0));
    });
    expect(sink.refusals[command]).toBeGreaterThanOrEqual(outbound.length);
  }
  expect(sink.received).toHaveLength(0);

  // Healthy again: each message arrives once.
  sink.refuse = null;
  await until('every message delivered', async () => sink.received.length >= outbound.length);
  await sleep(3_000); // two retry intervals: any second copy would show itself
  const messageIds = sink.received.map((m) => m.messageId ?? '');
  expect(new Set(messageIds).size).toBe(messageIds.length);
  expect(messageIds.sort()).toEqual(
    outbound
      .map((m) => messageIds.find((id) => id.includes(`.${m.id}@`)) ?? `missing ${m.id}`)
      .sort(),
  );

  // The owner saw each delay once: one timeline event and one notification per message.
  const perMessage = async (type: string) =>
    rows<{ id: string; n: number }>(
      `SELECT data->>'messageId' AS id, count(*)::int AS n FROM case_events
        WHERE type = $1 GROUP BY 1 ORDER BY 1`,
      [type],
    );
  const expected = outbound.map((m) => ({ id: m.id, n: 1 })).sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(await perMessage('email_delayed')).toEqual(expected);
  expect(await perMessage('email_sent')).toEqual(expected);
  const notes = await rows<{ user_id: string; case_id: string; message: string }>(
    `SELECT user_id, case_id, message FROM notifications WHERE kind = 'email_delayed'`,
  );
  expect(notes).toHaveLength(outbound.length);
  expect(notes.every((n) => n.user_id === user.id && caseIds.includes(n.case_id))).toBe(true);
  expect(notes[0]!.message).toMatch(/delayed.*retried/);

  // No mail job gave up, and none is left waiting.
  const left = await rows<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM pgboss.job
      WHERE name = 'email-send' AND state NOT IN ('completed') GROUP BY 1`,
  );
  expect(left).toEqual([]);
}, 120_000);
