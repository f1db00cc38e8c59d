// The connection pool and the Drizzle handle every repository works through.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { corkPgWrites } from './cork.ts';
import * as schema from './schema.ts';

corkPgWrites();

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

const ignore = () => undefined;

/**
 * A pooled client that can never crash the process. PostgreSQL restarting ends its connections
 * with an 'error' event (57P01 admin shutdown, 57P03 cannot connect now, ECONNRESET); an
 * EventEmitter 'error' without a listener is an uncaught exception. pg-pool only listens while
 * a client is idle, so the listener is attached when the client is made: it covers the client
 * while it connects, while it is checked out (a transaction, a backup) and while idle. The query
 * in flight still fails, and its request answers 503.
 */
class SafeClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', ignore);
  }
}

// NUMERIC comes back as a string by default; money stays a string end to end (no float drift).
export function openDatabase(url: string, opts: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, Client: SafeClient });
  // An idle client losing its server is reported on the pool; it is dropped and replaced.
  pool.on('error', ignore);
  const db = drizzle(pool, { schema });
  return { pool, db, close: () => pool.end() };
}

const MIGRATION_LOCK = 7_352_001;

/** Applies pending migrations; an advisory lock keeps concurrent instances from racing. */
export async function migrateDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

const STARTUP_LOCK = 7_352_002;

/** Runs `fn` while holding a cluster-wide advisory lock, so instances starting together queue. */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** True when every committed migration has been applied. */
export async function isMigrated(database: Database): Promise<boolean> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  try {
    const res = await database.pool.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations',
    );
    return Number(res.rows[0]?.n ?? 0) >= expected;
  } catch {
    return false;
  }
}
