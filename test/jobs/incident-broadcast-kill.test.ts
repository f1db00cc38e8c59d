// kill -9 a real `redress serve` in the middle of an incident broadcast — while it is handing a
// message to the mail server — then start another instance: the broadcast resumes by itself and
// every affected customer ends up with exactly one copy of the apology (real pg-boss, real
// PostgreSQL, a real SMTP exchange on loopback).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger, type Ctx } from '../../src/core/shared/context.ts';
import type { Role } from '../../src/core/shared/roles.rules.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { createApiToken } from '../../src/core/users/sessions.ts';
import { createTestDatabase } from '../support/db.ts';
import { recordingJobs } from '../support/harness.ts';
import { BIN, freePort, REPO_ROOT } from '../support/processes.ts';
import { startSink, type Sink } from '../support/smtp-sink.ts';

const CUSTOMERS = 40;
const KILL_AT = 13; // the 13th message is on the wire when the worker dies

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sink: Sink;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSink();
});
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    }
  }
  await sink.close();
  await database.close();
});

async function tokenFor(role: Role, name: string): Promise<string> {
  const user = await insertNewUser(database.db, {
    email: `${role}@example.test`,
    name,
    role,
    password: 'correct horse battery',
  });
  const ctx: Ctx = {
    actor: { kind: 'user', id: user.id, role, name },
    database,
    now: () => new Date(),
    log: silentLogger,
    jobs: recordingJobs(),
  };
  return (await createApiToken(ctx, { name: 'kill test', scopes: ['cases:write'] })).token;
}

/** `redress serve` on the test database, its job workers sending mail to the sink. */
function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REDRESS_SMTP_OUT_URL: `smtp://127.0.0.1:${sink.port}`,
      REDRESS_MAIL_FROM: 'Shop Support <support@shop.example>',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Redress is running')) {
        clearTimeout(timer);
        done(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`server exited early (${code ?? signal}):\n${output}`));
    });
  });
}

async function call(port: number, token: string, method: string, path: string, body?: unknown) {
  const isCsv = typeof body === 'string';
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': isCsv ? 'text/csv' : 'application/json' }),
    },
    ...(body === undefined ? {} : { body: isCsv ? body : JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function statuses(messageId: string): Promise<Record<string, number>> {
  const res = await database.pool.query(
    'SELECT status, count(*)::int AS n FROM incident_deliveries WHERE message_id = $1 GROUP BY status',
    [messageId],
  );
  return Object.fromEntries(res.rows.map((r) => [r.status, r.n]));
}

test('a worker killed mid-broadcast; another resumes; each customer gets exactly one copy', async () => {
  const supervisor = await tokenFor('supervisor', 'Ravi Supervisor');
  const spokesperson = await tokenFor('spokesperson', 'Jo Voice');
  const port = await freePort();
  const first = await startServer(port);

  const incident = (await call(port, supervisor, 'POST', '/incidents', {
    title: 'Boiler recall',
    whatFailed: 'A batch of boilers can overheat.',
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    scope: 'Owners of model B-20 boilers made in March.',
  })) as { id: string };
  const csv = [
    'email,first_name',
    ...Array.from({ length: CUSTOMERS }, (_, i) => `owner${i}@example.test,Owner${i}`),
  ].join('\n');
  const imported = await call(
    port,
    supervisor,
    'POST',
    `/incidents/${incident.id}/customers/import`,
    csv,
  );
  expect(imported).toMatchObject({ newCustomers: CUSTOMERS, customersAdded: CUSTOMERS });
  await call(port, spokesperson, 'POST', `/incidents/${incident.id}/statement`, {
    body: 'Some B-20 boilers made in March can overheat. We will replace every one, free.',
  });

  // The sink kills the serving process while it is handing over message KILL_AT: that message
  // is never accepted (the sender is gone before the server answers).
  let isKilled = false;
  const killed = new Promise<void>((resolveKilled) => {
    sink.beforeAccept = async () => {
      if (isKilled || sink.received.length + 1 < KILL_AT) return;
      isKilled = true;
      const exited = new Promise((done) => first.once('exit', done));
      first.kill('SIGKILL');
      await exited;
      resolveKilled();
      throw new Error('the sender went away');
    };
  });
  const apology = (await call(
    port,
    supervisor,
    'POST',
    `/incidents/${incident.id}/apology`,
    {},
  )) as {
    message: { id: string };
    recipients: number;
  };
  expect(apology.recipients).toBe(CUSTOMERS);
  await killed;
  await sleep(500);

  const afterKill = await statuses(apology.message.id);
  expect(afterKill.sent).toBe(KILL_AT - 1);
  expect(afterKill.pending).toBe(CUSTOMERS - (KILL_AT - 1));
  expect(sink.received).toHaveLength(KILL_AT - 1);

  // A second instance starts and finishes the broadcast without being asked.
  sink.beforeAccept = undefined;
  await startServer(await freePort());
  const end = Date.now() + 60_000;
  while (Date.now() < end && (await statuses(apology.message.id)).sent !== CUSTOMERS)
    await sleep(250);
  await sleep(1_500); // give any duplicate a chance to show itself

  expect(await statuses(apology.message.id)).toEqual({ sent: CUSTOMERS });
  const recipients = sink.received.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : ''));
  expect(recipients).toHaveLength(CUSTOMERS);
  expect(new Set(recipients).size).toBe(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) expect(recipients).toContain(`owner${i}@example.test`);
  expect(sink.received.every((m) => m.text?.includes('We will replace every one, free.'))).toBe(
    true,
  );
  const finished = await database.pool.query(
    `SELECT count(*)::int AS n FROM incident_events WHERE type = 'broadcast_finished'`,
  );
  expect(finished.rows[0].n).toBe(1);
}, 150_000);
