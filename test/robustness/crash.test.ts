// kill -9 in the middle of a burst of case submissions, then a restart and client retries with
// the same Idempotency-Key: every acknowledged case exists exactly once, no key ever maps to
// two cases, no case exists without its key, and nothing acknowledged or retried is lost.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createTestDatabase } from '../support/db.ts';
import { adminApiToken, complaint } from '../support/harness.ts';
import { BIN, freePort, REPO_ROOT } from '../support/processes.ts';

const BURST = 240;
const KILL_AFTER_ANSWERS = 30;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let token: string;
let server: ChildProcess | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  token = await adminApiToken(database, 'crash test');
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server?.once('exit', done));
    server.kill('SIGKILL');
    await exited;
  }
  await database?.close();
});

/** Starts `redress serve` on the test database and resolves once it says it is running. */
function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REDRESS_RUN_JOBS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
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

interface Answer {
  status: number;
  id?: string;
}

/** POSTs one case; resolves with the answer, rejects if the connection died first. */
function submit(port: number, key: string): Promise<Answer> {
  const body = JSON.stringify(
    complaint({
      subject: `crash test ${key}`,
      customer: { firstName: 'Kim', contacts: [{ kind: 'email', value: `${key}@example.test` }] },
    }),
  );
  return new Promise((done, fail) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/cases',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': key,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('error', fail);
        res.on('end', () => {
          const parsed = JSON.parse(text || '{}') as { id?: string };
          done({ status: res.statusCode ?? 0, id: parsed.id });
        });
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((done) => child.once('exit', done));
}

test('kill -9 mid-burst, restart, retry: every acknowledged case exactly once', async () => {
  const port = await freePort();
  const first = await startServer(port);

  const keys = Array.from({ length: BURST }, (_, i) => `crash-${i}-${Date.now().toString(36)}`);
  const answers = new Map<string, Answer>();
  let answered = 0;
  let killedAt = -1;
  const burst = keys.map((key) =>
    submit(port, key).then(
      (answer) => {
        answers.set(key, answer);
        if (++answered === KILL_AFTER_ANSWERS) {
          killedAt = answered;
          first.kill('SIGKILL');
        }
      },
      () => undefined, // the connection died with the server: this one gets retried
    ),
  );
  await Promise.all(burst);
  await waitForExit(first);
  expect(first.signalCode, 'the server was killed mid-burst').toBe('SIGKILL');

  const acknowledged = [...answers].filter(([, a]) => a.status >= 200 && a.status < 300);
  const lost = keys.filter((k) => !answers.has(k));
  // Anything answered must have been a success; the burst has to leave work unanswered.
  expect(answers.size - acknowledged.length, 'non-2xx answers before the kill').toBe(0);
  expect(lost.length, 'requests left without an answer').toBeGreaterThan(0);

  await startServer(port);
  const retried = new Map<string, Answer>();
  await Promise.all(lost.map(async (key) => retried.set(key, await submit(port, key))));
  // Acknowledged keys replayed after the restart must return the very same case.
  const replays = new Map<string, Answer>();
  await Promise.all(acknowledged.map(async ([key]) => replays.set(key, await submit(port, key))));

  const statuses = (m: Map<string, Answer>) =>
    [...m.values()].reduce<Record<number, number>>(
      (n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }),
      {},
    );
  console.log(
    `crash: ${BURST} sent, killed after ${killedAt} answers, ${acknowledged.length} acknowledged, ` +
      `${lost.length} lost and retried → ${JSON.stringify(statuses(retried))} ` +
      `(201 = never committed, 200 = committed but the answer died with the server); ` +
      `replays of acknowledged keys → ${JSON.stringify(statuses(replays))}`,
  );

  for (const [key, a] of retried) expect([200, 201], `retry of ${key}`).toContain(a.status);
  for (const [key, a] of acknowledged)
    expect(replays.get(key), `replay of ${key}`).toEqual({ status: 200, id: a.id });

  const rows = await database.pool.query<{ id: string; subject: string; key: string | null }>(
    `SELECT c.id, c.subject, k.key FROM cases c LEFT JOIN idempotency_keys k ON k.case_id = c.id`,
  );
  const byId = new Map<string, number>();
  for (const r of rows.rows) byId.set(r.id, (byId.get(r.id) ?? 0) + 1);
  // Every 2xx (before the kill or on retry) names a case that exists exactly once, and it is
  // the case for that key (the subject carries the key).
  const successes = [...acknowledged, ...retried];
  for (const [key, a] of successes) {
    expect(byId.get(a.id ?? ''), `case for ${key}`).toBe(1);
    expect(rows.rows.find((r) => r.id === a.id)?.subject).toBe(`crash test ${key}`);
  }
  // One key, one case; one case, one key; no case without a key.
  const keyed = rows.rows.filter((r) => r.key !== null);
  expect(new Set(keyed.map((r) => r.key)).size).toBe(keyed.length);
  expect(rows.rows.filter((r) => r.key === null)).toEqual([]);
  expect([...byId.values()].every((n) => n === 1)).toBe(true);
  const ids = new Set(successes.map(([, a]) => a.id));
  expect(ids.size, 'distinct cases acknowledged').toBe(new Set(successes.map(([k]) => k)).size);
  expect(rows.rowCount, 'cases stored').toBe(ids.size);
  expect(rows.rowCount, 'every submission ended as one case').toBe(BURST);

  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.status).toBe(200);
}, 120_000);
