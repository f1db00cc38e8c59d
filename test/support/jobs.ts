// The job queue as the job tests use it: a started pg-boss on a test database, and the context
// its handlers run with.
import type PgBoss from 'pg-boss';
import type { Database } from '../../src/db/client.ts';
import { silentLogger, type Ctx, type JobSender } from '../../src/core/shared/context.ts';
import { createBoss, ensureQueues } from '../../src/jobs/queue.ts';

/** A started pg-boss with every queue made; its error events are expected in these tests. */
export async function startTestBoss(url: string): Promise<PgBoss> {
  const boss = createBoss(url);
  boss.on('error', () => undefined);
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

/** The context a job handler runs with: the system actor, this database and job sender. */
export function jobCtx(database: Database, jobs: JobSender, now = () => new Date()): () => Ctx {
  return () => ({
    actor: { kind: 'system', name: 'jobs' },
    database,
    now,
    log: silentLogger,
    jobs,
  });
}
