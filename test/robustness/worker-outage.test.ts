// A job worker in flight when PostgreSQL stops. pg-boss then fails the job without awaiting the
// promise (timgit/pg-boss#577), and the rejection, which nobody handles, stopped `redress serve`
// during `npm run chaos`. Both sides are shown in child processes: without the guard the process
// dies of that rejection; with `surviveDatabaseOutages` (installed by `redress serve`) it logs
// it, carries on, and handles the next job once PostgreSQL is back.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbedded, type EmbeddedServer } from '../../src/db/embedded.ts';
import { REPO_ROOT } from '../support/processes.ts';

let dir: string;
let port: number;
let server: EmbeddedServer | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-worker-outage-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as 'postgres'
  port = await freePort();
  server = await startEmbedded({ dataDir: dir, port });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function outageUnder(mode: 'guard' | 'bare') {
  const url = server!.url;
  const child = spawn(
    process.execPath,
    ['bin/run-ts.js', 'test/support/outage-worker.ts', url, mode],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const until = async (check: () => boolean, what: string, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end || child.exitCode !== null)
        throw new Error(`no ${what} (${mode}): ${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    await until(() => out.includes('running'), 'job in flight');
    await server!.stop();
    server = null;
    child.stdin.write('stopped\n');
    // The failed job's report to the stopped database: survived, or the end of the process.
    const end = Date.now() + 15_000;
    while (Date.now() < end && child.exitCode === null && !out.includes('survived'))
      await new Promise((r) => setTimeout(r, 100));
    server = await startEmbedded({ dataDir: dir, port });
    if (child.exitCode === null) {
      child.stdin.write('started\n');
      await until(() => out.includes('handled again'), 'second job after the restart');
    }
    return { out, err, code: child.exitCode };
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

test('without the guard, pg-boss failing a job against a stopped PostgreSQL kills the process', async () => {
  const { err, code } = await outageUnder('bare');
  expect(code).toBe(1);
  expect(err).toMatch(/Manager\.fail/);
}, 120_000);

test('with the guard, the process logs it, survives, and handles the next job after the restart', async () => {
  const { out, code } = await outageUnder('guard');
  expect(code).toBeNull(); // still running until the test ended it
  expect(out).toMatch(/survived \{"code":"(ENOENT|ECONNREFUSED|57P01)"/);
  expect(out).toContain('handled again');
}, 120_000);
