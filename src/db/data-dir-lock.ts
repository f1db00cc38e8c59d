// The pid lock that keeps one Redress server per data directory. The lock names a pid; it is
// held only while that pid is a live Redress process. After a reboot the recorded pid may belong
// to an unrelated process, so on Linux the holder's command line must show a node process
// running Redress; where /proc is absent, a live pid is enough. The same care goes for the pid
// in PostgreSQL's postmaster.pid before an orphan is shut down.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, readFile, readlink, rename, rm, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export class DataDirInUseError extends Error {}

/** This installation: a node process running a file under it is a Redress process. */
const INSTALL_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readPid(file: string): Promise<number | null> {
  if (!existsSync(file)) return null;
  const first = (await readFile(file, 'utf8').catch(() => '')).split('\n')[0] ?? '';
  const pid = Number.parseInt(first, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

const isNode = (path: string) => /^node(js)?[\d.]*(\.exe)?$/i.test(basename(path));

/**
 * Whether `pid` is a live Redress process: a node process whose arguments name Redress (the
 * `redress` command, bin/redress.js) or a file of this installation. Without a readable /proc the
 * pid being alive has to do.
 */
export async function isRedressProcess(pid: number): Promise<boolean> {
  const cmdline = await commandLine(pid);
  if (typeof cmdline === 'boolean') return cmdline;
  // A zombie or a kernel thread has no command line: it serves nothing.
  const [argv0 = '', ...args] = cmdline;
  const exe = await readlink(`/proc/${pid}/exe`).catch(() => '');
  if (!isNode(argv0) && !isNode(exe)) return false;
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null);
  return args.some((arg) => {
    if (arg.startsWith('-')) return false;
    if (/redress/i.test(arg)) return true;
    const path = isAbsolute(arg) ? arg : cwd ? resolve(cwd, arg) : null;
    return path !== null && path.startsWith(INSTALL_ROOT) && existsSync(path);
  });
}

/**
 * Whether `pid` is the PostgreSQL of `pgDir` (as its postmaster.pid says), before it is shut
 * down: after a reboot that pid may be anybody's. Without a readable /proc, a live pid.
 */
export async function isPostmasterOf(pid: number, pgDir: string): Promise<boolean> {
  const cmdline = await commandLine(pid);
  if (typeof cmdline === 'boolean') return cmdline;
  const [argv0 = '', ...args] = cmdline;
  const exe = await readlink(`/proc/${pid}/exe`).catch(() => '');
  if (!/^postgres|^postmaster/.test(basename(argv0)) && !/^postgres/.test(basename(exe)))
    return false;
  const at = args.indexOf('-D');
  const dataArg = at < 0 ? undefined : args[at + 1];
  return dataArg === undefined || resolve(dataArg) === resolve(pgDir);
}

/**
 * The arguments of a live process, or the answer when they cannot be read: false when it is
 * gone, true (assume the worst) when /proc is absent or hides it from us.
 */
async function commandLine(pid: number): Promise<string[] | boolean> {
  if (!isAlive(pid)) return false;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

function inUse(holder: number, dataDir: string): DataDirInUseError {
  return new DataDirInUseError(
    `Another Redress server (pid ${holder}) is already using the data directory ${dataDir}. ` +
      'Stop it first, or set REDRESS_DATA_DIR to another folder.',
  );
}

/**
 * Takes the lock for this process. The lock file appears whole or not at all (written aside,
 * then hard-linked into place, which fails if another claimer got there first), and a stale lock
 * is moved aside before it is replaced, so two servers starting together cannot both win.
 */
export async function claimLock(lockFile: string, dataDir: string): Promise<void> {
  const draft = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${process.pid}\n`, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await linkInto(draft, lockFile)) return;
      const holder = await readPid(lockFile);
      if (holder !== null && holder !== process.pid && (await isRedressProcess(holder)))
        throw inUse(holder, dataDir);
      await setAsideStale(lockFile, holder, dataDir);
    }
    throw new DataDirInUseError(`Could not take the lock on the data directory ${dataDir}.`);
  } finally {
    await rm(draft, { force: true });
  }
}

async function linkInto(draft: string, lockFile: string): Promise<boolean> {
  try {
    await link(draft, lockFile);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Moves the stale lock naming `stale` out of the way. If what was moved is no longer that lock
 * (a live claimer replaced it in between), it is put back and that claimer wins.
 */
async function setAsideStale(lockFile: string, stale: number | null, dataDir: string) {
  const aside = `${lockFile}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockFile, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it
    throw err;
  }
  const moved = await readPid(aside);
  if (moved !== stale && moved !== null && (await isRedressProcess(moved))) {
    await rename(aside, lockFile);
    throw inUse(moved, dataDir);
  }
  await rm(aside, { force: true });
}
