// pg-boss on the same PostgreSQL. Jobs are queued inside the action's own transaction, so a
// case and its acknowledgement job commit together or not at all.
import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { DbOrTx } from '../db/client.ts';
import type { JobRequest, JobSender } from '../core/shared/context.ts';
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

/**
 * pg-boss keeps its own pool; a connection it loses (PostgreSQL restarting) is reported as an
 * 'error' event on the boss, which kills the process unless something listens. Every boss gets
 * a listener here, so no caller can forget it; pg-boss retries its polling on its own.
 */
export function createBoss(url: string, onError: (err: Error) => void = () => undefined): PgBoss {
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    application_name: 'redress-jobs',
  });
  boss.on('error', onError);
  return boss;
}

/**
 * Creates the queues that do not exist yet. Several instances starting at once can deadlock
 * each other inside PostgreSQL while creating the same queues; the loser simply tries again.
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMissingQueues(boss);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 200));
    }
  }
}

/**
 * How long a job may stay active before pg-boss hands it to another worker. A worker killed
 * mid-job leaves its jobs active, so this bounds how late their effects come; every handler's
 * effect is claimed once, so a job that outlives it and runs again changes nothing.
 */
export const JOB_EXPIRY_SECONDS = 120;

async function createMissingQueues(boss: PgBoss): Promise<void> {
  for (const job of Object.values(JOBS)) {
    const expireInSeconds = 'expireInSeconds' in job ? job.expireInSeconds : JOB_EXPIRY_SECONDS;
    const queue = await boss.getQueue(job.name);
    if (queue) {
      // Queues made by an older version kept pg-boss's 15 minutes.
      if (queue.expireInSeconds !== expireInSeconds)
        await boss.updateQueue(job.name, { name: job.name, expireInSeconds });
      continue;
    }
    // Retries with back-off: a handler that fails (database blip) runs again later.
    await boss.createQueue(job.name, {
      name: job.name,
      retryLimit: 5,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds,
    });
  }
}

function toRows(jobs: JobRequest[]) {
  return jobs.map((j) => ({
    name: j.name,
    data: j.data,
    ...(j.id ? { id: j.id } : {}),
    ...(j.startAfter ? { startAfter: j.startAfter.toISOString() } : {}),
  }));
}

/**
 * pg-boss's own insert statement for these jobs, captured instead of run, so it can become one
 * part of a larger statement: the queue keeps owning its SQL and its defaults.
 */
async function captureInsert(boss: PgBoss, jobs: JobRequest[]): Promise<SQL> {
  let captured: SQL | null = null;
  await boss.insert(toRows(jobs), {
    db: {
      executeSql: (text, values) => {
        captured = toDrizzle(text, values ?? []);
        return Promise.resolve({ rows: [] });
      },
    },
  });
  if (!captured) throw new Error('pg-boss did not build an insert statement');
  return captured;
}

export function jobSender(boss: PgBoss): JobSender {
  return {
    async send(tx, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(toRows(jobs), { db: executorFor(tx) });
    },
    async asStatement(jobs) {
      const statement = jobs.length === 0 ? null : await captureInsert(boss, jobs);
      return { statement, committed: () => undefined };
    },
  };
}

/** For tests and tools that run actions without a job queue: jobs are dropped on purpose. */
export const noJobs: JobSender = {
  send: async () => undefined,
  asStatement: async () => ({ statement: null, committed: () => undefined }),
};
