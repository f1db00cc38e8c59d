import { loadConfig } from '../../config.ts';
import { serve } from '../../server/serve.ts';
import type { Io } from '../io.ts';

export async function serveCommand(_args: string[], io: Io): Promise<number> {
  const running = await serve(loadConfig(), io.out);
  await new Promise<void>((done) => {
    const shutdown = (signal: string) => {
      io.out(`Received ${signal}; stopping Redress cleanly…`);
      running.stop().then(done, (err: unknown) => {
        io.err(`Error while stopping: ${String(err)}`);
        done();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  io.out('Stopped.');
  return 0;
}
