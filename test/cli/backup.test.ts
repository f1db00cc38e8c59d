// `redress backup` / `redress restore` as an operator runs them (child processes, real
// PostgreSQL): a round trip reproduces every table row for row, pending jobs and sequences
// included, for an external server and for the embedded one; a desk holding data is not
// overwritten without --force; a damaged file or one from a newer version changes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import { restoreBackup } from '../../src/db/backup.ts';
import { createTestDatabase } from '../support/db.ts';
import { runCli } from '../support/processes.ts';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
const SLOW = 300_000;
const dbs: TestDb[] = [];
let source: TestDb;
let dir: string;

const cli = (db: TestDb | null, ...args: string[]) =>
  runCli(
    args,
    db
      ? { DATABASE_URL: db.url, REDRESS_RUN_JOBS: 'false' }
      : { DATABASE_URL: '', REDRESS_DATA_DIR: join(dir, 'embedded'), REDRESS_PG_PORT: '54377' },
    150_000,
  );

async function freshDb(): Promise<TestDb> {
  const db = await createTestDatabase();
  dbs.push(db);
  return db;
}

/** Every public table as count + md5 of its rows, plus pending jobs and sequence values. */
async function fingerprint(pool: pg.Pool): Promise<Record<string, string>> {
  const tables = await pool.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables.rows) {
    const r = await pool.query<{ v: string }>(
      `SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS v FROM "${t}" x`,
    );
    out[t] = r.rows[0]?.v ?? '';
  }
  const hasJobs = await pool.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'pgboss'`);
  const jobs = hasJobs.rowCount
    ? await pool.query<{ v: string }>(
        `SELECT coalesce(string_agg(name || '@' || start_after::text, ',' ORDER BY id), '') AS v
           FROM pgboss.job WHERE state < 'completed'`,
      )
    : { rows: [] };
  out['pgboss.job'] = jobs.rows[0]?.v ?? '';
  const seqs = await pool.query<{ v: string }>(
    `SELECT string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' ORDER BY 1) AS v
       FROM pg_sequences WHERE schemaname = 'public'`,
  );
  out.sequences = seqs.rows[0]?.v ?? '';
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-backup-'));
  await chmod(dir, 0o755); // as root, the embedded PostgreSQL runs as 'postgres'
  source = await freshDb();
  const user = await cli(
    source,
    'user',
    'create',
    '--email',
    'ana@shop.example',
    '--name',
    'Ana Ruiz',
    '--role',
    'supervisor',
    '--password',
    'correct horse battery',
  );
  expect(user.code, user.stderr).toBe(0);
  // Text that COPY must escape: tabs, newlines, backslashes, quotes, non-Latin script, emoji.
  const accounts = [
    'Line one\nline two\ttabbed \\ back\\slash "quoted" \r\n end',
    'Заказ пришёл разбитым — 壊れていました 😡 \\N is not null',
  ];
  for (const account of accounts) {
    const res = await cli(
      source,
      'case',
      'open',
      '--as',
      'ana@shop.example',
      '--channel',
      'email',
      '--name',
      'Tom Hale',
      '--email',
      'tom@example.com',
      '--account',
      account,
    );
    expect(res.code, res.stderr).toBe(0);
  }
}, SLOW);

afterAll(async () => {
  for (const db of dbs) await db.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('external PostgreSQL', () => {
  let file: string;
  let expected: Record<string, string>;

  test(
    'a backup round-trips into a fresh database, row for row, jobs and sequences',
    async () => {
      file = join(dir, 'desk.backup');
      expected = await fingerprint(source.pool);
      expect(expected.cases?.startsWith('2:')).toBe(true);
      expect(expected['pgboss.job']).not.toBe('');
      const backup = await cli(source, 'backup', file, '--json');
      expect(backup.code, backup.stderr).toBe(0);
      const manifest = JSON.parse(backup.stdout) as {
        tables: Array<{ name: string; rows: number }>;
        sha256: string;
      };
      expect(manifest.tables.find((t) => t.name === '"public"."cases"')?.rows).toBe(2);
      expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(existsSync(`${file}.partial`)).toBe(false);

      const target = await freshDb();
      const restore = await cli(target, 'restore', file);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/Restored \d+ rows/);
      expect(await fingerprint(target.pool)).toEqual(expected);

      // The restored desk carries on: the next case gets the next reference, no clash.
      const next = await cli(
        target,
        'case',
        'open',
        '--channel',
        'phone',
        '--name',
        'Lee',
        '--account',
        'Called after the restore.',
        '--json',
      );
      expect(next.code, next.stderr).toBe(0);
      const refs = await target.pool.query<{ reference: string }>(
        'SELECT reference FROM cases ORDER BY created_at',
      );
      expect(new Set(refs.rows.map((r) => r.reference)).size).toBe(3);

      // A desk holding data is not overwritten unasked; --force replaces it entirely.
      const refused = await cli(target, 'restore', file);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('already holds data');
      expect((await fingerprint(target.pool)).cases?.startsWith('3:')).toBe(true);
      const forced = await cli(target, 'restore', file, '--force');
      expect(forced.code, forced.stderr).toBe(0);
      expect(await fingerprint(target.pool)).toEqual(expected);
    },
    SLOW,
  );

  test(
    'a damaged backup is refused before anything is written',
    async () => {
      const text = gunzipSync(await readFile(file)).toString('utf8');
      const damaged = join(dir, 'damaged.backup');
      await writeFile(damaged, gzipSync(text.replace('Tom', 'Tim')));
      const truncated = join(dir, 'truncated.backup');
      // Cut at a line's end, as a copy that stopped early leaves it: every line whole, the end missing.
      const half = text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1;
      await writeFile(truncated, gzipSync(text.slice(0, half)));
      const target = await freshDb();
      const before = await fingerprint(target.pool);
      const a = await cli(target, 'restore', damaged);
      expect(a.code).toBe(1);
      expect(a.stderr).toContain('checksum does not match');
      // The same checks in-process (a child process per case is slow on a busy machine).
      await expect(restoreBackup(target.pool, truncated)).rejects.toThrow(/truncated/);
      await expect(restoreBackup(target.pool, join(dir, 'nope.backup'))).rejects.toThrow(
        /ENOENT|damaged/,
      );
      expect(await fingerprint(target.pool)).toEqual(before);
    },
    SLOW,
  );

  test(
    'a backup taken by a newer version is refused',
    async () => {
      const newer = await freshDb();
      await newer.pool.query(
        `INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('future', 9999999999999)`,
      );
      const file2 = join(dir, 'newer.backup');
      expect((await cli(newer, 'backup', file2)).code).toBe(0);
      const target = await freshDb();
      const res = await cli(target, 'restore', file2);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('newer version of Redress');
    },
    SLOW,
  );

  test(
    'embedded PostgreSQL: restore into it, back it up, and the data comes back the same',
    async () => {
      const into = await cli(null, 'restore', file);
      expect(into.code, into.stderr).toBe(0);
      const embeddedFile = join(dir, 'embedded.backup');
      const out = await cli(null, 'backup', embeddedFile);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain(`to ${embeddedFile}`);
      const target = await freshDb();
      const back = await cli(target, 'restore', embeddedFile);
      expect(back.code, back.stderr).toBe(0);
      expect(await fingerprint(target.pool)).toEqual(expected);
    },
    SLOW,
  );
});
