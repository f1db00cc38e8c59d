// Logical backup and restore without pg_dump (the embedded server ships none, and an older
// pg_dump cannot read a newer server). A backup is one gzip file of text:
//
//   REDRESS-BACKUP 1
//   {"createdAt":…,"migrations":{"count":…,"last":…}}
//   @table "public"."cases" ["id","reference",…]
//   <COPY text rows, one per line>
//   \.
//   … one section per table, parents before children …
//   @end {"tables":[{"name","rows"}],"sequences":[…],"sha256":"…"}
//
// Every table is read in one REPEATABLE READ snapshot, so the file is one consistent moment.
// The checksum covers every byte before the @end line; restore checks it (and the row counts)
// before touching the target, then loads everything in one transaction.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { MIGRATIONS_FOLDER } from './client.ts';

const MAGIC = 'REDRESS-BACKUP 1';
/** Jobs still to run (reminders, SLA checks, outbound mail) travel with the data. */
const JOB_TABLE = '"pgboss"."job"';
const PENDING_JOBS = `state < 'completed'`;
/** Tables whose rows mean a desk holds real data; restore will not overwrite them unasked. */
const DATA_TABLES = ['users', 'customers', 'cases'];

export interface MigrationMark {
  count: number;
  /** The `when` of the newest applied migration (milliseconds), 0 when none. */
  last: number;
}

export interface BackupManifest {
  createdAt: string;
  migrations: MigrationMark;
  tables: Array<{ name: string; columns: string[]; rows: number }>;
  sequences: Array<{ name: string; value: string; isCalled: boolean }>;
  sha256: string;
}

export interface Progress {
  table: string;
  index: number;
  tables: number;
  rows: number;
}

export class BackupError extends Error {}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function migrationMark(client: pg.ClientBase): Promise<MigrationMark> {
  const res = await client.query<{ n: string; last: string | null }>(
    `SELECT count(*)::text AS n, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`,
  );
  return { count: Number(res.rows[0]?.n ?? 0), last: Number(res.rows[0]?.last ?? 0) };
}

/** The migrations this code knows, to refuse a backup taken by a newer version. */
export async function codeMigrationMark(): Promise<MigrationMark> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return { count: files.length, last: Math.max(0, ...files.map((f) => f.folderMillis)) };
}

/** Public tables, parents before children (foreign keys), then pending jobs if pg-boss is here. */
async function tablesToCopy(
  client: pg.ClientBase,
): Promise<Array<{ name: string; select: string; columns: string[] }>> {
  const tables = await client.query<{ t: string }>(
    `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const ordered: string[] = [];
  const pending = new Set(tables.rows.map((r) => r.t));
  while (pending.size > 0) {
    const ready = [...pending].filter(
      (t) => !edges.rows.some((e) => e.child === t && pending.has(e.parent)),
    );
    // A cycle of foreign keys would stall the sort; take the rest in name order.
    const next = ready.length > 0 ? ready : [...pending];
    for (const t of next) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  const out = [];
  for (const t of ordered) {
    const columns = await columnsOf(client, 'public', t);
    out.push({ name: `"public".${q(t)}`, select: `"public".${q(t)}`, columns });
  }
  const jobs = await columnsOf(client, 'pgboss', 'job');
  if (jobs.length > 0) {
    const cols = jobs.map(q).join(', ');
    out.push({
      name: JOB_TABLE,
      select: `(SELECT ${cols} FROM ${JOB_TABLE} WHERE ${PENDING_JOBS})`,
      columns: jobs,
    });
  }
  return out;
}

async function columnsOf(client: pg.ClientBase, schema: string, table: string): Promise<string[]> {
  const res = await client.query<{ c: string }>(
    `SELECT a.attname AS c FROM pg_attribute a
       JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attgenerated = '' ORDER BY a.attnum`,
    [schema, table],
  );
  return res.rows.map((r) => r.c);
}

const countLines = (chunk: Buffer) => {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
};

/** Writes a backup of the database behind `pool` to `file` (via a temporary file, then renamed). */
export async function writeBackup(
  pool: pg.Pool,
  file: string,
  onProgress: (p: Progress) => void = () => undefined,
  now: () => Date = () => new Date(),
): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(partial);
  const finished = new Promise<void>((done, fail) => {
    out.once('finish', done);
    out.once('error', fail);
    gzip.once('error', fail);
  });
  gzip.pipe(out);
  const hash = createHash('sha256');
  const write = async (data: Buffer | string) => {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    hash.update(buf);
    if (!gzip.write(buf)) await once(gzip, 'drain');
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY, DEFERRABLE');
    const migrations = await migrationMark(client);
    const tables = await tablesToCopy(client);
    const sequences = await client.query<{ name: string; value: string; called: boolean }>(
      `SELECT format('%I.%I', schemaname, sequencename) AS name,
              coalesce(last_value, start_value)::text AS value, last_value IS NOT NULL AS called
         FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    await write(`${MAGIC}\n${JSON.stringify({ createdAt: now().toISOString(), migrations })}\n`);
    const counted: BackupManifest['tables'] = [];
    for (const [index, t] of tables.entries()) {
      onProgress({ table: t.name, index, tables: tables.length, rows: 0 });
      await write(`@table ${t.name} ${JSON.stringify(t.columns)}\n`);
      const cols = t.columns.map(q).join(', ');
      const source = t.select.startsWith('(') ? t.select : `${t.select} (${cols})`;
      const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
      let rows = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        rows += countLines(chunk);
        await write(chunk);
      }
      await write('\\.\n');
      counted.push({ name: t.name, columns: t.columns, rows });
      onProgress({ table: t.name, index: index + 1, tables: tables.length, rows });
    }
    await client.query('COMMIT');
    const manifest: BackupManifest = {
      createdAt: now().toISOString(),
      migrations,
      tables: counted,
      sequences: sequences.rows.map((s) => ({ name: s.name, value: s.value, isCalled: s.called })),
      sha256: hash.digest('hex'),
    };
    gzip.end(
      `@end ${JSON.stringify({ tables: manifest.tables, sequences: manifest.sequences, sha256: manifest.sha256 })}\n`,
    );
    await finished;
    await rename(partial, file);
    return manifest;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  } finally {
    client.release();
  }
}

type Section =
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'rows'; text: string; rows: number }
  | { kind: 'tableEnd' };

/** Reads a backup file section by section; `verify` returns the checked manifest. */
async function* readSections(
  file: string,
  state: {
    header?: { createdAt: string; migrations: MigrationMark };
    trailer?: Omit<BackupManifest, 'createdAt' | 'migrations'>;
    sha256?: string;
  },
): AsyncGenerator<Section> {
  const raw = createReadStream(file);
  const input = createGunzip();
  // A missing or unreadable file must fail the read, not leave it waiting forever.
  raw.once('error', (err) => input.destroy(err));
  raw.pipe(input);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const hash = createHash('sha256');
  let lineNo = 0;
  let inTable = false;
  let batch: string[] = [];
  const flush = (): Section | null => {
    if (batch.length === 0) return null;
    const section: Section = { kind: 'rows', text: `${batch.join('\n')}\n`, rows: batch.length };
    batch = [];
    return section;
  };
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.startsWith('@end ') && !inTable) {
        state.sha256 = hash.digest('hex');
        state.trailer = JSON.parse(line.slice(5)) as NonNullable<typeof state.trailer>;
        return;
      }
      hash.update(`${line}\n`, 'utf8');
      if (lineNo === 1) {
        if (line !== MAGIC) throw new BackupError('This is not a Redress backup file.');
        continue;
      }
      if (lineNo === 2) {
        state.header = JSON.parse(line) as NonNullable<typeof state.header>;
        continue;
      }
      if (inTable) {
        if (line === '\\.') {
          const rest = flush();
          if (rest) yield rest;
          inTable = false;
          yield { kind: 'tableEnd' };
        } else {
          batch.push(line);
          if (batch.length >= 2000) yield flush() as Section;
        }
        continue;
      }
      const m = /^@table (\S+) (\[.*\])$/.exec(line);
      if (!m?.[1] || !m[2]) throw new BackupError(`The backup is damaged (line ${lineNo}).`);
      inTable = true;
      yield { kind: 'table', name: m[1], columns: JSON.parse(m[2]) as string[] };
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The backup is damaged or truncated: ${(err as Error).message}`);
  }
  throw new BackupError('The backup is truncated: it has no closing manifest.');
}

/** Reads the whole file once: checksum, row counts and format, before anything is written. */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const state: Parameters<typeof readSections>[1] = {};
  const seen: BackupManifest['tables'] = [];
  for await (const s of readSections(file, state)) {
    if (s.kind === 'table') seen.push({ name: s.name, columns: s.columns, rows: 0 });
    else if (s.kind === 'rows') (seen.at(-1) as { rows: number }).rows += s.rows;
  }
  const { header, trailer, sha256 } = state;
  if (!header || !trailer) throw new BackupError('The backup has no manifest.');
  if (trailer.sha256 !== sha256)
    throw new BackupError('The backup is damaged: its checksum does not match.');
  for (const t of trailer.tables) {
    const found = seen.find((s) => s.name === t.name);
    if (found?.rows !== t.rows)
      throw new BackupError(`The backup is damaged: ${t.name} should hold ${t.rows} rows.`);
  }
  return { ...header, ...trailer };
}

/** True when the target holds staff, customers or cases. */
export async function hasData(pool: pg.Pool): Promise<boolean> {
  const res = await pool.query<{ any: boolean }>(
    `SELECT ${DATA_TABLES.map((t) => `EXISTS (SELECT 1 FROM "public".${q(t)})`).join(' OR ')} AS any`,
  );
  return res.rows[0]?.any === true;
}

/**
 * Loads a verified backup into a migrated database in one transaction: every table the backup
 * holds is emptied and refilled, pending jobs replaced, sequences set. Refuses a backup taken
 * at a newer migration than this code, and a target holding data unless `force`.
 */
export async function restoreBackup(
  pool: pg.Pool,
  file: string,
  opts: { force?: boolean; onProgress?: (p: Progress) => void } = {},
): Promise<BackupManifest> {
  const manifest = await verifyBackup(file);
  const code = await codeMigrationMark();
  if (manifest.migrations.count > code.count || manifest.migrations.last > code.last)
    throw new BackupError(
      `The backup comes from a newer version of Redress (${manifest.migrations.count} migrations; ` +
        `this one knows ${code.count}). Upgrade Redress, then restore.`,
    );
  if (!opts.force && (await hasData(pool)))
    throw new BackupError(
      'The target database already holds data; restore with --force to replace it.',
    );
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const publicTables = manifest.tables.filter((t) => t.name !== JOB_TABLE).map((t) => t.name);
    if (publicTables.length > 0) await client.query(`TRUNCATE ${publicTables.join(', ')} CASCADE`);
    const hasJobs = manifest.tables.some((t) => t.name === JOB_TABLE);
    if (hasJobs) await client.query(`DELETE FROM ${JOB_TABLE}`);
    let index = 0;
    let copy: ReturnType<typeof copyFrom> | null = null;
    let done: Promise<void> | null = null;
    let current = '';
    let rows = 0;
    const state: Parameters<typeof readSections>[1] = {};
    for await (const s of readSections(file, state)) {
      if (s.kind === 'table') {
        current = s.name;
        rows = 0;
        copy = client.query(copyFrom(`COPY ${s.name} (${s.columns.map(q).join(', ')}) FROM STDIN`));
        const stream = copy;
        done = new Promise<void>((ok, fail) => {
          stream.once('finish', ok);
          stream.once('error', fail);
        });
        opts.onProgress?.({ table: current, index, tables: manifest.tables.length, rows });
      } else if (s.kind === 'rows' && copy) {
        rows += s.rows;
        if (!copy.write(s.text)) await once(copy, 'drain');
      } else if (s.kind === 'tableEnd' && copy && done) {
        copy.end();
        await done;
        index++;
        opts.onProgress?.({ table: current, index, tables: manifest.tables.length, rows });
        copy = null;
      }
    }
    for (const s of manifest.sequences)
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        s.name,
        s.value,
        s.isCalled,
      ]);
    await client.query('COMMIT');
    return manifest;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err instanceof BackupError
      ? err
      : new BackupError(`Restore failed and nothing was changed: ${(err as Error).message}`);
  } finally {
    client.release();
  }
}
