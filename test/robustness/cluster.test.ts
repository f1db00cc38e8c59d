// `REDRESS_WORKERS=2`: two app processes share the port; a worker killed with -9 is replaced
// while the other keeps answering; SIGTERM stops the workers and then the primary, cleanly.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase } from '../support/db.ts';
import { adminApiToken, complaint } from '../support/harness.ts';
import { BIN, freePort, REPO_ROOT } from '../support/processes.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let token: string;
let primary: ChildProcess | null = null;
let output = '';

beforeAll(async () => {
  database = await createTestDatabase();
  token = await adminApiToken(database, 'cluster test');
});

afterAll(async () => {
  if (primary && primary.exitCode === null) primary.kill('SIGKILL');
  for (const pid of workers()) process.kill(pid, 'SIGKILL');
  await database.close();
});

function workers(): number[] {
  if (!primary?.pid) return [];
  try {
    return execFileSync('pgrep', ['-P', String(primary.pid), '-f', 'redress.js'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting; output so far:\n${output}`);
}

/**
 * One case over HTTP. A connection kept alive to the killed worker is reset, and a client (or a
 * load balancer) sends the request again on a new connection: one retry, as they do.
 */
async function submit(base: string, email: string, retries = 1): Promise<number> {
  const body = complaint();
  try {
    const res = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': `cluster-${email}`,
      },
      body: JSON.stringify({
        ...body,
        customer: { ...body.customer, contacts: [{ kind: 'email', value: email }] },
      }),
    });
    return res.status;
  } catch (err) {
    if (retries > 0) return submit(base, email, retries - 1);
    throw err;
  }
}

test('two workers serve, a killed worker is replaced, and SIGTERM stops everything', async () => {
  const port = await freePort(0);
  const base = `http://127.0.0.1:${port}`;
  primary = spawn(process.execPath, [BIN, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      REDRESS_WORKERS: '2',
      REDRESS_RUN_JOBS: 'false',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  primary.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  primary.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  await until(() => output.includes('with 2 workers'), 60_000);
  expect(workers()).toHaveLength(2);

  const statuses = await Promise.all(
    Array.from({ length: 40 }, (_, i) => submit(base, `cluster-${i}@example.com`)),
  );
  expect(statuses.every((s) => s === 201)).toBe(true);

  const [victim] = workers();
  process.kill(victim ?? 0, 'SIGKILL');
  // The other worker keeps answering while the replacement starts.
  // (200 when a retry finds its first attempt stored: the idempotency key replays it.)
  expect([200, 201]).toContain(await submit(base, 'during-restart@example.com'));
  await until(() => output.includes('starting another'), 20_000);
  await until(() => workers().length === 2 && !workers().includes(victim ?? 0), 60_000);
  expect(await submit(base, 'after-restart@example.com')).toBe(201);

  const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM cases`);
  expect(rows[0].n).toBe(42);

  const before = workers();
  const exited = new Promise<number | null>((resolve) => primary?.once('exit', resolve));
  primary.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).toContain('Stopped.');
  for (const pid of before) expect(() => process.kill(pid, 0)).toThrow();
}, 180_000);
