// The embedded PostgreSQL's lifecycle (src/db/embedded.ts) against real clusters in temp data
// dirs: a second owner is refused, a stale lock and an orphaned PostgreSQL left by kill -9 are
// recovered without losing data, pid files naming unrelated processes (a reboot) are stale, two
// starts at once give one owner, a taken port is worked around, and data survives a restart.
import { afterEach, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  DataDirInUseError,
  isAlive,
  startEmbedded,
  type EmbeddedServer,
} from '../../src/db/embedded.ts';
import { deadPid, freePort, REPO_ROOT } from '../support/processes.ts';

const HOLDER = fileURLToPath(new URL('../support/embedded-holder.ts', import.meta.url));
const SLOW = 120_000;

const servers: EmbeddedServer[] = [];
const children: ChildProcess[] = [];
const dirs: string[] = [];
const sockets: net.Server[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop().catch(() => undefined);
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    const exited = new Promise((done) => c.once('exit', done));
    c.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
  for (const s of sockets.splice(0)) await new Promise((done) => s.close(done));
  for (const dir of dirs.splice(0)) {
    // A PostgreSQL a failed test left behind (ours: it runs on this test's data dir).
    const pid = await postmasterPid(dir);
    if (pid !== null && isAlive(pid)) {
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    }
    await rm(dir, { recursive: true, force: true });
  }
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redress-embedded-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as 'postgres' and must reach its folder
  dirs.push(dir);
  return dir;
}

async function start(dir: string, port: number): Promise<EmbeddedServer> {
  const server = await startEmbedded({ dataDir: dir, port });
  servers.push(server);
  return server;
}

async function postmasterPid(dir: string): Promise<number | null> {
  const file = join(dir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) ? pid : null;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** A live process that is not Redress (as a reused pid after a reboot would be); its pid. */
async function unrelated(command: string, args: string[]): Promise<number> {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'ignore' });
  children.push(child);
  await new Promise((done, fail) => child.once('spawn', done).once('error', fail));
  return child.pid ?? -1;
}

/** Starts an embedded PostgreSQL owned by another process, like a running `redress serve`. */
function holder(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, String(port)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`holder did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        done({ child, url: (JSON.parse(line) as { url: string }).url });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => fail(new Error(`holder exited (${code}):\n${output}`)));
  });
}

describe('embedded PostgreSQL lifecycle', () => {
  test(
    'a second owner of a data dir in use is refused with a clear message, and the first keeps running',
    async () => {
      const dir = await dataDir();
      const first = await holder(dir, await freePort());
      const pid = first.child.pid ?? -1;

      const second = startEmbedded({ dataDir: dir, port: await freePort() });
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(second).rejects.toThrow(
        new RegExp(`Another Redress server \\(pid ${pid}\\) is already using the data directory`),
      );
      await expect(second).rejects.toThrow(dir);
      await expect(second).rejects.toThrow(/REDRESS_DATA_DIR/);

      // The refusal touched neither the lock nor the first owner's PostgreSQL.
      expect((await readFile(join(dir, 'redress.pid'), 'utf8')).trim()).toBe(String(pid));
      expect(await sql(first.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    },
    SLOW,
  );

  test(
    'a stale lock (its pid is dead) is recovered and taken over',
    async () => {
      const dir = await dataDir();
      const dead = await deadPid();
      expect(isAlive(dead)).toBe(false);
      await writeFile(join(dir, 'redress.pid'), `${dead}\n`);

      const server = await start(dir, await freePort());
      expect((await readFile(join(dir, 'redress.pid'), 'utf8')).trim()).toBe(String(process.pid));
      expect(await sql(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);

      await server.stop();
      servers.splice(servers.indexOf(server), 1);
      expect(existsSync(join(dir, 'redress.pid')), 'stop() releases the lock').toBe(false);
    },
    SLOW,
  );

  // After a reboot the pid in the lock (or in postmaster.pid) may have been handed to any
  // process: only a live Redress holds the lock, only this cluster's PostgreSQL is shut down.
  test.each([
    ['an unrelated program (sleep)', 'sleep', ['30']],
    ['a node process not running Redress', process.execPath, ['-e', 'setInterval(() => 0, 1e3)']],
  ])(
    'a lock naming a live pid that belongs to %s is stale: the server starts',
    async (_what, command, args) => {
      const dir = await dataDir();
      const other = await unrelated(command, args);
      await writeFile(join(dir, 'redress.pid'), `${other}\n`);

      const server = await start(dir, await freePort());
      expect((await readFile(join(dir, 'redress.pid'), 'utf8')).trim()).toBe(String(process.pid));
      expect(await sql(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      expect(isAlive(other), 'the unrelated process was left alone').toBe(true);
    },
    SLOW,
  );

  test(
    'a postmaster.pid naming a live unrelated process is cleared, and that process is not signalled',
    async () => {
      const dir = await dataDir();
      const port = await freePort();
      const first = await start(dir, port);
      await sql(first.url, 'CREATE TABLE kept (n int)');
      await sql(first.url, 'INSERT INTO kept VALUES (7)');
      await first.stop();
      servers.splice(servers.indexOf(first), 1);
      // What a power cut leaves: both pid files, each naming a pid now used by something else.
      const other = await unrelated('sleep', ['30']);
      await writeFile(join(dir, 'redress.pid'), `${other}\n`);
      await writeFile(join(dir, 'pg', 'postmaster.pid'), `${other}\n${join(dir, 'pg')}\n`);

      const again = await start(dir, port);
      expect(await sql(again.url, 'SELECT n FROM kept')).toEqual([{ n: 7 }]);
      expect(isAlive(other), 'the unrelated process was not killed').toBe(true);
    },
    SLOW,
  );

  test(
    'two servers starting together on a fresh data dir: exactly one wins, the other is refused',
    async () => {
      const dir = await dataDir();
      const [a, b] = [freePort(), freePort()];
      const results = await Promise.allSettled([holder(dir, await a), holder(dir, await b)]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(String((lost[0] as PromiseRejectedResult).reason)).toMatch(
        /Another Redress server \(pid \d+\) is already using the data directory/,
      );
      const winner = (won[0] as PromiseFulfilledResult<{ child: ChildProcess }>).value.child;
      expect((await readFile(join(dir, 'redress.pid'), 'utf8')).trim()).toBe(String(winner.pid));
    },
    SLOW,
  );

  test(
    'when the preferred port is taken, another free port is picked and works',
    async () => {
      const taken = await freePort();
      const blocker = net.createServer();
      sockets.push(blocker);
      await new Promise<void>((done) => blocker.listen(taken, '127.0.0.1', done));

      const server = await start(await dataDir(), taken);
      expect(server.port).not.toBe(taken);
      expect(server.url).toContain(`:${server.port}/`);
      expect(await sql(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    },
    SLOW,
  );

  test(
    'data survives stop() and a restart',
    async () => {
      const dir = await dataDir();
      const port = await freePort();
      const first = await start(dir, port);
      await sql(first.url, 'CREATE TABLE kept (n int, s text)');
      await sql(first.url, `INSERT INTO kept VALUES (1, 'one'), (2, 'two')`);
      await first.stop();
      servers.splice(servers.indexOf(first), 1);
      expect(await postmasterPid(dir), 'PostgreSQL shut down').toBeNull();

      const again = await start(dir, port);
      expect(await sql(again.url, 'SELECT n, s FROM kept ORDER BY n')).toEqual([
        { n: 1, s: 'one' },
        { n: 2, s: 'two' },
      ]);
    },
    SLOW,
  );

  test(
    'a PostgreSQL orphaned by a kill -9 owner is shut down and replaced, with data intact',
    async () => {
      const dir = await dataDir();
      const port = await freePort();
      const owner = await holder(dir, port);
      await sql(owner.url, 'CREATE TABLE kept (n int)');
      await sql(owner.url, 'INSERT INTO kept SELECT generate_series(1, 100)');

      const exited = new Promise((done) => owner.child.once('exit', done));
      owner.child.kill('SIGKILL');
      await exited;
      const orphan = await postmasterPid(dir);
      expect(orphan, 'the orphan left its postmaster.pid').not.toBeNull();
      expect(isAlive(orphan ?? -1), 'PostgreSQL outlived its owner').toBe(true);
      expect(isAlive(owner.child.pid ?? -1), 'the lock now names a dead pid').toBe(false);

      const server = await start(dir, port);
      expect(isAlive(orphan ?? -1), 'the orphan was shut down').toBe(false);
      expect(await postmasterPid(dir)).not.toBe(orphan);
      expect(await sql(server.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 100 }]);
    },
    SLOW,
  );
});
