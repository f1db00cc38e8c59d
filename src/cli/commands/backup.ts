// `redress backup <file>` and `redress restore <file> [--force]`: a logical backup of the whole
// desk (embedded or external PostgreSQL), with a progress bar on a terminal.
import { Presets, SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import {
  BackupError,
  restoreBackup,
  verifyBackup,
  writeBackup,
  type Progress,
} from '../../db/backup.ts';
import { createBoss, ensureQueues } from '../../jobs/queue.ts';
import { openStore } from '../../server/database.ts';
import { UsageError, type Io } from '../io.ts';

function progressBar(verb: string): { update: (p: Progress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: `${verb} [{bar}] {value}/{total} tables · {table} {rows} rows`,
      hideCursor: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      if (!started) bar.start(p.tables, 0, { table: '', rows: 0 });
      started = true;
      bar.update(p.index, { table: p.table, rows: p.rows });
    },
    stop: () => started && bar.stop(),
  };
}

function fileArgument(args: string[], usage: string) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, json: { type: 'boolean' } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(usage);
  return { file, force: values.force === true, json: values.json === true };
}

export async function backupCommand(args: string[], io: Io): Promise<number> {
  const { file, json } = fileArgument(args, 'Usage: redress backup <file>');
  // Reading only: the database is backed up at whatever migration it stands.
  const store = await openStore(loadConfig(), { attach: true, migrate: false });
  const bar = progressBar('Backing up');
  try {
    const manifest = await writeBackup(store.database.pool, file, bar.update);
    bar.stop();
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    io.out(
      json
        ? JSON.stringify(manifest)
        : `Backed up ${rows} rows from ${manifest.tables.length} tables to ${file} (sha256 ${manifest.sha256.slice(0, 12)}…).`,
    );
    return 0;
  } catch (err) {
    bar.stop();
    throw err;
  } finally {
    await store.close();
  }
}

export async function restoreCommand(args: string[], io: Io): Promise<number> {
  const { file, force, json } = fileArgument(args, 'Usage: redress restore <file> [--force]');
  try {
    // Checked before the store is even opened: a damaged file never touches the database.
    const checked = await verifyBackup(file);
    const store = await openStore(loadConfig(), { attach: true });
    const bar = progressBar('Restoring');
    try {
      // Pending jobs go back into pg-boss's own tables, which must exist first.
      if (checked.tables.some((t) => t.name.startsWith('"pgboss"'))) {
        const boss = createBoss(store.url);
        boss.on('error', () => undefined);
        await boss.start();
        await ensureQueues(boss);
        await boss.stop({ graceful: false, wait: true });
      }
      const manifest = await restoreBackup(store.database.pool, file, {
        force,
        onProgress: bar.update,
      });
      bar.stop();
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      io.out(
        json
          ? JSON.stringify(manifest)
          : `Restored ${rows} rows into ${manifest.tables.length} tables from the backup of ${manifest.createdAt}.`,
      );
      return 0;
    } finally {
      bar.stop();
      await store.close();
    }
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    io.err(err.message);
    return 1;
  }
}
