// Case intake over HTTP (wrk, 50 connections, loopback) against raw single-row INSERTs of an
// equivalent row into the same database, measured in the same run.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../src/db/client.ts';
import { silentLogger } from '../src/core/shared/context.ts';
import { insertNewUser } from '../src/core/users/create-user.ts';
import { createApiToken } from '../src/core/users/sessions.ts';
import { freePort } from '../src/db/embedded.ts';
import { noJobs } from '../src/jobs/queue.ts';

import type { Figure } from './figures.ts';
import { namedCpuSeconds, treeCpuSeconds } from './proc-cpu.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/redress.js', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
/**
 * App processes for the server under test (REDRESS_WORKERS). One by default, as `npm start`
 * runs: the embedded PostgreSQL shares this machine and needs a core of its own.
 */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const CONNECTIONS = 50;
/** BENCH_CPU_PROF=<dir>: the server under test writes a V8 CPU profile there when it stops. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;

const BODY = JSON.stringify({
  channel: 'web',
  subject: 'Order arrived damaged',
  account:
    'The lamp I ordered arrived with a broken shade and the box was crushed. I need it for a gift on Friday.',
  customer: { firstName: 'Alex', contacts: [{ kind: 'email', value: 'alex@example.com' }] },
});

// Asynchronous, so the baseline's clients in this process are not held up.
async function wrk(
  url: string,
  token: string,
  seconds = SECONDS,
): Promise<{ rps: number; requests: number; p50: number; p99: number; non2xx: number }> {
  const script = join(tmpdir(), 'redress-intake.lua');
  // Each request comes from a different customer, as real intake does; one shared contact
  // would serialise every transaction on the same unique-index entry.
  const [head, tail] = BODY.split('alex@example.com');
  writeFileSync(
    script,
    [
      'wrk.method = "POST"',
      'wrk.headers["Content-Type"] = "application/json"',
      `wrk.headers["Authorization"] = "Bearer ${token}"`,
      // Every wrk thread starts with the same random seed: number the threads in setup().
      'local threads = 0',
      'function setup(thread) threads = threads + 1; thread:set("tid", threads) end',
      'local n = 0',
      'local id',
      'function init(args) id = tostring(os.time()) .. "-" .. tostring(tid) end',
      'request = function()',
      '  n = n + 1',
      `  return wrk.format(nil, nil, nil, ${JSON.stringify(head)} .. "c" .. id .. "-" .. n .. "@example.com" .. ${JSON.stringify(tail)})`,
      'end',
    ].join('\n'),
  );
  const { stdout: out } = await promisify(execFile)(
    'wrk',
    ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', script, url],
    { encoding: 'utf8' },
  );
  const ms = (label: string) => {
    const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  if (process.env.BENCH_DEBUG) process.stderr.write(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    p50: ms(' 50'),
    p99: ms(' 99'),
    non2xx,
  };
}

/**
 * The baseline: 50 concurrent clients each inserting one equivalent row per statement into an
 * equivalent table — the columns, defaults and indexes of `cases` (LIKE … INCLUDING ALL), so the
 * row costs what a case row costs, without the rest of intake.
 */
async function rawInserts(
  database: Database,
): Promise<{ rps: number; rows: number; p50: number; p99: number }> {
  await database.pool.query(`CREATE TABLE IF NOT EXISTS bench_cases (LIKE cases INCLUDING ALL)`);
  const customer = (await database.pool.query(`SELECT id FROM customers LIMIT 1`)).rows[0]
    .id as string;
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  const client = async () => {
    while (Date.now() < end) {
      const t = performance.now();
      await database.pool.query(
        `INSERT INTO bench_cases (reference, customer_id, channel, received_at, subject, account, severity, status, first_response_target, resolution_target)
         VALUES ($1, $2, 'web', now(), $3, $4, 'normal', 'new', $5, $6)`,
        [
          `B-${n++}`,
          customer,
          'Order arrived damaged',
          'The lamp I ordered arrived with a broken shade.',
          '{"kind":"same_business_day","cutoff":"16:00"}',
          '{"kind":"business_minutes","minutes":2550}',
        ],
      );
      latencies.push(performance.now() - t);
    }
  };
  const start = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor((latencies.length - 1) * p)] ?? NaN;
  return {
    rps: latencies.length / ((Date.now() - start) / 1000),
    rows: latencies.length,
    p50: pct(0.5),
    p99: pct(0.99),
  };
}

/** `redress serve` as its own process (as deployed), with `workers` app processes. */
async function startServer(
  url: string,
  workers: number,
): Promise<{ port: number; pid: number; stop(): Promise<void> }> {
  const port = await freePort(0);
  const profile = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, BIN, 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      REDRESS_WORKERS: String(workers),
      LOG_LEVEL: LOG_LEVEL,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    // Keep reading (the request log would otherwise fill the pipe and stall the server).
    child.stdout.on('data', (c: Buffer) => {
      if (out.includes('Redress is running')) return;
      out += c.toString('utf8');
      if (out.includes('Redress is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redress serve exited (${code}): ${out}`)));
  });
  return {
    port,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function benchIntake(database: Database, url: string): Promise<Figure[]> {
  const user = await insertNewUser(database.db, {
    email: 'bench@example.test',
    name: 'Bench',
    role: 'agent',
    password: 'bench-password-1',
  });
  const ctx = {
    actor: { kind: 'user' as const, id: user.id, role: 'agent' as const, name: 'Bench' },
    database,
    now: () => new Date(),
    log: silentLogger,
    jobs: noJobs,
  };
  const { token } = await createApiToken(ctx, { name: 'bench', scopes: ['cases:write'] });
  const server = await startServer(url, WORKERS);
  let http: Awaited<ReturnType<typeof wrk>>;
  // CPU per case: the app's processes, and PostgreSQL (which also runs the jobs' queries).
  let appCpu: number, pgCpu: number;
  try {
    // A short warm-up first (connections opened, code compiled, statements prepared), as a
    // server that has been running a while would be; then the measured run.
    await wrk(`http://127.0.0.1:${server.port}/api/v1/cases`, token, WARMUP_SECONDS);
    const app0 = treeCpuSeconds(server.pid);
    const pg0 = namedCpuSeconds('postgres');
    http = await wrk(`http://127.0.0.1:${server.port}/api/v1/cases`, token);
    appCpu = treeCpuSeconds(server.pid) - app0;
    pgCpu = namedCpuSeconds('postgres') - pg0;
  } finally {
    await server.stop();
  }
  const pgRaw0 = namedCpuSeconds('postgres');
  const clientRaw0 = process.cpuUsage();
  const raw = await rawInserts(database);
  const clientRaw = process.cpuUsage(clientRaw0);
  const pgRaw = namedCpuSeconds('postgres') - pgRaw0;
  const perCase = (seconds: number, n: number) => (seconds * 1000) / n;
  const setting = `${WORKERS} worker${WORKERS === 1 ? '' : 's'}, LOG_LEVEL=${LOG_LEVEL}`;
  return [
    {
      name: `intake over HTTP (${setting})`,
      value: http.rps,
      unit: 'req/s',
      baseline: { name: 'raw single-row INSERT', value: raw.rps },
      ratio: http.rps / raw.rps,
    },
    {
      name: 'intake p50 latency',
      value: http.p50,
      unit: 'ms',
      baseline: { name: 'raw INSERT p50', value: raw.p50 },
    },
    {
      name: 'intake p99 latency',
      value: http.p99,
      unit: 'ms',
      baseline: { name: 'raw INSERT p99', value: raw.p99 },
      target: '≤ 100 ms',
    },
    { name: 'intake non-2xx responses', value: http.non2xx, unit: 'responses' },
    {
      name: 'app CPU per case',
      value: perCase(appCpu, http.requests),
      unit: 'ms',
      baseline: {
        name: 'raw INSERT client CPU per row',
        value: perCase((clientRaw.user + clientRaw.system) / 1e6, raw.rows),
      },
    },
    {
      name: 'PostgreSQL CPU per case',
      value: perCase(pgCpu, http.requests),
      unit: 'ms',
      baseline: { name: 'PostgreSQL CPU per raw row', value: perCase(pgRaw, raw.rows) },
    },
  ];
}
