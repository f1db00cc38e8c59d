// `redress serve` as an operator runs it on a fresh machine: a child process with its own data
// directory and the embedded PostgreSQL. The first start prints a set-up link that creates the
// first admin; a second `serve` on the folder is refused; SIGTERM and SIGINT stop everything,
// PostgreSQL included, and the next start finds the data.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../../src/db/embedded.ts';
import { freePort, startCli, type RunningCli } from '../support/processes.ts';

const SLOW = 90_000;
const admin = {
  email: 'first.admin@example.test',
  name: 'Ada Admin',
  password: 'a long set-up pass',
};

let dataDir: string;
let port: number;
const started: RunningCli[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'redress-serve-'));
  await chmod(dataDir, 0o755); // as root, PostgreSQL runs as 'postgres' and must reach its folder
  port = await freePort();
});

afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const pid of await postgresOf(dataDir)) process.kill(pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** `redress serve` on the test's data dir, with no DATABASE_URL: the embedded PostgreSQL. */
function serve(httpPort = port): RunningCli {
  const server = startCli(['serve'], {
    DATABASE_URL: undefined,
    REDRESS_DATA_DIR: dataDir,
    PORT: String(httpPort),
    HOST: '127.0.0.1',
    REDRESS_PUBLIC_URL: undefined,
  });
  started.push(server);
  return server;
}

/** Live processes whose command line names the data dir: its PostgreSQL's postmaster. */
async function postgresOf(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('postgres') && cmdline.includes(dir)) pids.push(Number(entry));
  }
  return pids;
}

async function postmasterPid(): Promise<number> {
  const text = await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8');
  return Number.parseInt(text.split('\n')[0] ?? '', 10);
}

async function api(path: string, init: { body?: object; cookie?: string } = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method: init.body ? 'POST' : 'GET',
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
}

async function signIn(): Promise<string> {
  const res = await api('/auth/sign-in', {
    body: { email: admin.email, password: admin.password },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  expect(cookie).toMatch(/=./);
  return cookie;
}

/** Sends `signal`, then checks the exit and that nothing of the embedded PostgreSQL is left. */
async function stopWith(server: RunningCli, signal: NodeJS.Signals): Promise<void> {
  const postmaster = await postmasterPid();
  expect(isAlive(postmaster)).toBe(true);
  server.child.kill(signal);
  expect(await server.exited, server.output()).toBe(0);
  expect(server.output()).toContain(`Received ${signal}; stopping Redress cleanly…`);
  expect(server.output()).toContain('Stopped.');
  expect(isAlive(postmaster), 'PostgreSQL stopped').toBe(false);
  expect(await postgresOf(dataDir), 'no PostgreSQL left on the data dir').toEqual([]);
  expect(existsSync(join(dataDir, 'redress.pid')), 'the lock is released').toBe(false);
  expect(existsSync(join(dataDir, 'pg', 'postmaster.pid')), 'PostgreSQL shut down').toBe(false);
}

describe('redress serve on the embedded PostgreSQL', () => {
  let first: RunningCli;

  test(
    'a fresh data dir prints a one-time set-up link, and the link creates the first admin',
    async () => {
      first = serve();
      const [, base, token] =
        (await first.waitFor(
          /First run: create the admin at (\S+)\/setup\?token=(\S+) \(valid 24 hours\)/,
        )) ?? [];
      expect(first.output()).toContain(`Redress is running at http://localhost:${port}`);
      expect(first.output()).toMatch(/embedded PostgreSQL on port \d+/);
      expect(base).toBe(`http://localhost:${port}`);

      // The link opens the set-up screen (the built web app, or the plain page without it).
      const page = await fetch(`http://127.0.0.1:${port}/setup?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/<html/i);

      expect(await api('/setup')).toMatchObject({ status: 200, body: { needed: true } });
      const forged = await api('/setup', { body: { ...admin, token: 'setup_not-the-right-one' } });
      expect(forged.status).toBe(403);

      const created = await api('/setup', {
        body: { ...admin, token, organisationName: 'Serve Test Ltd' },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ email: admin.email, name: admin.name, role: 'admin' });

      // One time only: the desk is set up, and the link no longer works.
      const again = await api('/setup', { body: { ...admin, token } });
      expect(again.status).toBe(409);
      expect(await api('/setup')).toMatchObject({ body: { needed: false } });

      // As the app does after set-up: sign the new admin in.
      const me = await api('/me', { cookie: await signIn() });
      expect(me).toMatchObject({ status: 200, body: { role: 'admin' } });
    },
    SLOW,
  );

  test(
    'a second serve on the same data dir exits non-zero with a clear refusal, and the first keeps serving',
    async () => {
      const second = serve(await freePort());
      expect(await second.exited).toBe(1);
      const pid = first.child.pid ?? -1;
      expect(second.output()).toContain(
        `Another Redress server (pid ${pid}) is already using the data directory ${dataDir}. ` +
          'Stop it first, or set REDRESS_DATA_DIR to another folder.',
      );
      expect(second.output()).not.toContain('Redress is running');
      expect((await readFile(join(dataDir, 'redress.pid'), 'utf8')).trim()).toBe(String(pid));
      expect(await api('/setup')).toMatchObject({ status: 200, body: { needed: false } });
    },
    SLOW,
  );

  test(
    'SIGTERM stops the server and its PostgreSQL cleanly (exit 0)',
    async () => {
      await stopWith(first, 'SIGTERM');
    },
    SLOW,
  );

  test(
    'a restart finds the data (no new set-up link, the admin signs in), and SIGINT stops it cleanly',
    async () => {
      const again = serve();
      await again.waitFor(/Redress is running at /);
      const me = await api('/me', { cookie: await signIn() });
      expect(me).toMatchObject({ status: 200, body: { name: admin.name, role: 'admin' } });
      expect(await api('/setup')).toMatchObject({ body: { needed: false } });
      expect(again.output()).not.toContain('First run');
      await stopWith(again, 'SIGINT');
    },
    SLOW,
  );
});
