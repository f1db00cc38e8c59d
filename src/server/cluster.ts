// `REDRESS_WORKERS=N`: N app processes share the HTTP (and SMTP) port, exactly like N stateless
// instances behind a load balancer, so one machine can use all its cores. The primary process
// owns the store (the embedded PostgreSQL, migrations) and the first-run link, starts the
// workers with the store's address, replaces a worker that dies, and on SIGINT/SIGTERM stops
// the workers first and the store last.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.ts';
import { issueSetupToken } from '../core/users/first-admin.ts';
import { openStore } from './database.ts';

/** A worker that dies this often within a minute is not restarted again: something is wrong. */
const MAX_RESTARTS_PER_MINUTE = 5;
const STOP_TIMEOUT_MS = 20_000;

export interface RunningCluster {
  stop(): Promise<void>;
  /** Resolves when the cluster gave up (workers kept dying); the caller then stops. */
  failed: Promise<string>;
}

export async function serveCluster(
  config: Config,
  workers: number,
  out: (line: string) => void,
): Promise<RunningCluster> {
  const store = await openStore(config);
  const env = { DATABASE_URL: store.url, REDRESS_IS_WORKER: '1' };
  let stopping = false;
  const restarts: number[] = [];
  let giveUp: (reason: string) => void = () => undefined;
  const failed = new Promise<string>((resolve) => (giveUp = resolve));

  let port = config.PORT;
  // A worker says it is ready once its HTTP server listens (its SMTP listener may come first).
  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(env);
      worker.on('message', (msg: { ready?: number }) => {
        if (typeof msg.ready !== 'number') return;
        port = msg.ready;
        resolve(worker);
      });
      worker.once('exit', (code) => reject(new Error(`a worker exited during start (${code})`)));
    });

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = performance.now();
    restarts.push(now);
    while (restarts.length > 0 && now - (restarts[0] ?? now) > 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      giveUp(`workers keep stopping (last: pid ${worker.process.pid}, ${signal ?? code})`);
      return;
    }
    out(
      `A worker stopped (pid ${worker.process.pid}, ${signal ?? `code ${code}`}); starting another.`,
    );
    fork().catch((err: unknown) => giveUp(String(err)));
  });

  try {
    // One after another: the first worker's start-up settles the shared job-queue set-up.
    for (let i = 0; i < workers; i++) await fork();
  } catch (err) {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    await store.close();
    throw err;
  }
  const base = config.REDRESS_PUBLIC_URL ?? `http://localhost:${port}`;
  out(
    `Redress is running at ${base} with ${workers} workers (${store.embedded ? `embedded PostgreSQL on port ${store.embedded.port}` : 'external PostgreSQL'})`,
  );
  const setup = await issueSetupToken(store.database, new Date());
  if (setup) {
    out(
      `First run: create the admin at ${base}/setup?token=${setup} (valid 24 hours), or run \`redress user create\`.`,
    );
  }

  const stop = async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const timer = setTimeout(() => w.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
            w.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await store.close();
  };
  return { stop, failed };
}

/** True inside a worker started by `serveCluster`. */
export function isClusterWorker(): boolean {
  return cluster.isWorker && process.env.REDRESS_IS_WORKER === '1';
}

/** Tells the primary this worker serves HTTP on `port`. */
export function reportReady(port: number): void {
  process.send?.({ ready: port });
}
