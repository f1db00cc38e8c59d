// Each test file gets its own database cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';

export function databaseUrl(name: string): string {
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<Database & { url: string; name: string }> {
  const name = `rt_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const database = openDatabase(url, { max: 5 });
  return {
    ...database,
    url,
    name,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await drop.end();
    },
  };
}
