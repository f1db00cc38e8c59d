// Shared CLI plumbing: usage errors (exit 2), the store for a command, the acting user.
import { loadConfig } from '../config.ts';
import { silentLogger, type Actor, type Ctx } from '../core/shared/context.ts';
import type { Role } from '../core/shared/roles.rules.ts';
import { findUserByEmail } from '../core/users/user.repo.ts';
import { openStore, type Store } from '../server/database.ts';
import { createBoss, ensureQueues, jobSender } from '../jobs/queue.ts';
import { UsageError } from './stdio.ts';

export { stdio, UsageError, type Io } from './stdio.ts';

/** Runs `fn` with a store (sharing a running server's embedded PostgreSQL) and a job queue. */
export async function withDesk<T>(
  as: string | undefined,
  fn: (ctx: Ctx, store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(loadConfig(), { attach: true });
  const boss = createBoss(store.url);
  boss.on('error', () => undefined);
  try {
    await boss.start();
    await ensureQueues(boss);
    const actor = await resolveActor(store, as);
    return await fn(
      {
        actor,
        database: store.database,
        now: () => new Date(),
        log: silentLogger,
        jobs: jobSender(boss),
      },
      store,
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
}

/** `--as <email>` acts as that user, with that user's permissions; without it, the local operator. */
async function resolveActor(store: Store, as: string | undefined): Promise<Actor> {
  if (!as) return { kind: 'system', name: 'cli' };
  const user = await findUserByEmail(store.database.db, as);
  if (!user?.isActive) throw new UsageError(`No active user with email ${as}.`);
  return { kind: 'user', id: user.id, role: user.role as Role, name: user.name };
}
