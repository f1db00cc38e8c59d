// PostgreSQL goes away under a running app and comes back. During the outage every request that
// needs the database gets 503 with Retry-After as problem+json (never a crash or a hang), the
// liveness probe stays up while readiness says no, nothing half-written survives; once the
// server is back the same app reconnects by itself and carries on. The PostgreSQL here is a
// private embedded server this test starts and stops.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../../src/api/app.ts';
import { silentLogger } from '../../src/core/shared/context.ts';
import { insertNewUser } from '../../src/core/users/create-user.ts';
import { createApiToken } from '../../src/core/users/sessions.ts';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.ts';
import { freePort, startEmbedded, type EmbeddedServer } from '../../src/db/embedded.ts';
import { createBoss } from '../../src/jobs/queue.ts';
import { complaint, recordingJobs } from '../support/harness.ts';

let dir: string;
let port: number;
let server: EmbeddedServer | null = null;
let database: Database;
let api: FastifyInstance;
let headers: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-outage-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as 'postgres'
  port = await freePort();
  server = await startEmbedded({ dataDir: dir, port });
  database = openDatabase(server.url, { max: 4 });
  await migrateDatabase(database);
  const admin = await insertNewUser(database.db, {
    email: 'admin@example.test',
    name: 'Ada',
    role: 'admin',
    password: 'correct horse battery',
  });
  const { token } = await createApiToken(
    {
      actor: { kind: 'user', id: admin.id, role: 'admin', name: 'Ada' },
      database,
      now: () => new Date(),
      log: silentLogger,
      jobs: recordingJobs(),
    },
    { name: 'outage', scopes: ['cases:write'] },
  );
  headers = { authorization: `Bearer ${token}` };
  api = await buildApp({ database, jobs: recordingJobs(), now: () => new Date() });
}, 120_000);

afterAll(async () => {
  await api?.close();
  await database?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const openCase = () =>
  api.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: complaint() });

test('503 with Retry-After during the outage, then reconnection and nothing half-written', async () => {
  expect((await openCase()).statusCode).toBe(201);
  const signedIn = await api.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: 'admin@example.test', password: 'correct horse battery' },
  });
  const browser = {
    cookie: `redress_session=${signedIn.cookies.find((c) => c.name === 'redress_session')?.value}`,
  };
  await server?.stop();
  server = null;

  const during = await Promise.all([
    openCase(),
    api.inject({ method: 'GET', url: '/api/v1/cases', headers }),
    openCase(),
  ]);
  // Who the caller is may come from the token cache without the database: 200 or 503, no 500.
  const me = await api.inject({ method: 'GET', url: '/api/v1/me', headers });
  expect([200, 503], me.body).toContain(me.statusCode);
  for (const res of during) {
    expect(res.statusCode, res.body).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'unavailable', status: 503 });
  }
  // A signed-in browser is told to wait (503), not signed out (401): its session is not lost.
  const session = await api.inject({ method: 'GET', url: '/api/v1/me', headers: browser });
  expect(session.statusCode, session.body).toBe(503);
  expect((await api.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  expect((await api.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);

  server = await startEmbedded({ dataDir: dir, port });
  expect(server.port).toBe(port);
  // The pool drops the dead connections and opens new ones by itself: no restart of the app.
  let after = await openCase();
  for (let i = 0; i < 20 && after.statusCode !== 201; i++) {
    await sleep(250);
    after = await openCase();
  }
  expect(after.statusCode, after.body).toBe(201);
  expect((await api.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  expect(
    (await api.inject({ method: 'GET', url: '/api/v1/me', headers: browser })).json(),
  ).toMatchObject({ name: 'Ada' });
  const counts = await database.pool.query<{ cases: string; events: string }>(
    `SELECT (SELECT count(*) FROM cases)::text AS cases,
            (SELECT count(*) FROM case_events WHERE type = 'case_opened')::text AS events`,
  );
  // The case before and the case after; nothing from the outage, nothing half-written.
  expect(counts.rows[0]).toEqual({ cases: '2', events: '2' });
}, 120_000);

test('a PostgreSQL restart under load: the process survives and answers only 2xx or 503', async () => {
  // Anything that escapes a connection (an 'error' event without a listener, a rejected promise
  // nobody awaits) would land here instead of killing this process.
  const escaped: unknown[] = [];
  const onEscape = (err: unknown) => escaped.push(err);
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  // pg-boss keeps a pool of its own that polls all through the restart, as in `redress serve`.
  const bossErrors: Error[] = [];
  const boss = createBoss(server!.url, (err) => bossErrors.push(err));
  await boss.start();
  await boss.createQueue('outage-probe');
  await boss.work('outage-probe', { pollingIntervalSeconds: 0.5 }, async () => undefined);
  const statuses: number[] = [];
  let running = true;
  // Four clients keep the pool's connections checked out, so the restart hits clients in the
  // middle of a transaction and the pool opens new connections while PostgreSQL starts up.
  const client = async (i: number) => {
    while (running) {
      const res =
        i % 2 === 0
          ? await openCase()
          : await api.inject({ method: 'GET', url: '/api/v1/cases', headers });
      statuses.push(res.statusCode);
      if (res.statusCode === 503) expect(res.headers['retry-after']).toBe('5');
      else if (res.statusCode >= 300) throw new Error(`${res.statusCode}: ${res.body}`);
      await sleep(5);
    }
  };
  try {
    const load = Promise.all([0, 1, 2, 3].map(client));
    await sleep(300);
    await server?.stop();
    server = null;
    await sleep(300);
    server = await startEmbedded({ dataDir: dir, port });
    // Keep going until the app has written through the new server a few times.
    const before = statuses.length;
    for (let i = 0; i < 80; i++) {
      if (statuses.slice(before).filter((s) => s === 201).length >= 3) break;
      await sleep(250);
    }
    running = false;
    await load;
  } finally {
    running = false;
    await boss.stop({ graceful: false, wait: true });
    process.off('uncaughtException', onEscape);
    process.off('unhandledRejection', onEscape);
  }
  expect(escaped).toEqual([]);
  // The restart did reach pg-boss, and was reported to its listener rather than thrown.
  expect(bossErrors.length).toBeGreaterThan(0);
  expect(statuses.filter((s) => s !== 200 && s !== 201 && s !== 503)).toEqual([]);
  expect(statuses).toContain(503);
  expect(statuses.lastIndexOf(201)).toBeGreaterThan(statuses.indexOf(503));
  const counts = await database.pool.query<{ cases: string; events: string }>(
    `SELECT (SELECT count(*) FROM cases)::text AS cases,
            (SELECT count(*) FROM case_events WHERE type = 'case_opened')::text AS events`,
  );
  // Every stored case has its opening event: no transaction cut by the restart half-wrote.
  expect(counts.rows[0]?.cases).toBe(counts.rows[0]?.events);
}, 120_000);
