// pg-boss on the same PostgreSQL. Jobs are queued inside the action's own transaction, so a
// case and its acknowledgement job commit together or not at all.
import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { DbOrTx } from '../db/client.ts';
import type { JobSender } from '../core/shared/context.ts';
import { JOBS } from '../contracts/jobs.ts';

/** Re-expresses pg-boss's positional SQL ($1, $2 …) as a Drizzle query on the caller's transaction. */
function toDrizzle(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks = parts.map((part, i) =>
    i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`,
  );
  return sql.join(chunks, sql.raw(''));
}

function executorFor(tx: DbOrTx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const res = await tx.execute(toDrizzle(text, values ?? []));
      return { rows: res.rows };
    },
  };
}

export function createBoss(url: string): PgBoss {
  return new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    application_name: 'redress-jobs',
  });
}

export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const job of Object.values(JOBS)) {
    // Retries with back-off: a handler that fails (database blip) runs again later.
    await boss.createQueue(job.name, {
      name: job.name,
      retryLimit: 5,
      retryDelay: 5,
      retryBackoff: true,
      ...('expireInSeconds' in job ? { expireInSeconds: job.expireInSeconds } : {}),
    });
  }
}

export function jobSender(boss: PgBoss): JobSender {
  return {
    async send(tx, jobs) {
      if (jobs.length === 0) return;
      const rows = jobs.map((j) => ({
        name: j.name,
        data: j.data,
        ...(j.startAfter ? { startAfter: j.startAfter.toISOString() } : {}),
      }));
      await boss.insert(rows, { db: executorFor(tx) });
    },
  };
}

/** For tests and tools that run actions without a job queue: jobs are dropped on purpose. */
export const noJobs: JobSender = { send: async () => undefined };
