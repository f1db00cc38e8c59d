// A child process for test/robustness/worker-outage.test.ts: one pg-boss worker whose job is in
// flight when PostgreSQL stops, so pg-boss fails it against a database that is gone.
// Usage: node bin/run-ts.js test/support/outage-worker.ts <database url> guard|bare
// Prints "running" when the handler holds its job, waits for "stopped" on stdin, fails the job;
// after "started" on stdin it queues and handles a second job and prints "handled again".
import { createInterface } from 'node:readline';
import { createBoss } from '../../src/jobs/queue.ts';
import { surviveDatabaseOutages } from '../../src/server/outage-guard.ts';

const [url, mode] = process.argv.slice(2);
if (mode === 'guard')
  surviveDatabaseOutages((obj) => process.stdout.write(`survived ${JSON.stringify(obj)}\n`));
const lines = createInterface({ input: process.stdin });
const waitFor = (word: string) =>
  new Promise<void>((done) => lines.on('line', (l) => l.trim() === word && done()));
const stopped = waitFor('stopped');
const started = waitFor('started');

const boss = createBoss(url ?? '');
await boss.start();
await boss.createQueue('outage-probe');
let handled = 0;
await boss.work('outage-probe', { pollingIntervalSeconds: 0.5 }, async () => {
  handled++;
  if (handled === 1) {
    process.stdout.write('running\n');
    await stopped;
    throw new Error('the handler failed while PostgreSQL was down');
  }
  process.stdout.write('handled again\n');
});
await boss.send('outage-probe', {});
await started;
// pg-boss's own pool reconnects by itself; keep sending until the queue takes the job.
for (;;) {
  try {
    await boss.send('outage-probe', {});
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 250));
  }
}
