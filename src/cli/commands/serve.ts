import { loadConfig } from '../../config.ts';
import { isClusterWorker, reportReady, serveCluster } from '../../server/cluster.ts';
import { serve } from '../../server/serve.ts';
import type { Io } from '../io.ts';

/** Resolves with the signal's name on SIGINT or SIGTERM, or with `other` when that settles first. */
function untilStopped(other: Promise<string> = new Promise(() => undefined)): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('Received SIGINT'));
    process.once('SIGTERM', () => resolve('Received SIGTERM'));
    void other.then(resolve);
  });
}

export async function serveCommand(_args: string[], io: Io): Promise<number> {
  const config = loadConfig();
  let running: { stop(): Promise<void> };
  let reason: string;
  if (isClusterWorker()) {
    const server = await serve(config, io.out, { isWorker: true });
    reportReady(server.port);
    running = server;
    reason = await untilStopped();
  } else if (config.REDRESS_WORKERS > 1) {
    const cluster = await serveCluster(config, config.REDRESS_WORKERS, io.out);
    running = cluster;
    reason = await untilStopped(cluster.failed);
  } else {
    running = await serve(config, io.out);
    reason = await untilStopped();
  }
  if (isClusterWorker()) {
    await running.stop();
    return 0;
  }
  io.out(`${reason}; stopping Redress cleanly…`);
  try {
    await running.stop();
  } catch (err) {
    io.err(`Error while stopping: ${String(err)}`);
  }
  io.out('Stopped.');
  return 0;
}
