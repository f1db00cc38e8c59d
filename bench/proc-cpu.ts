// CPU time spent by processes, read from /proc (Linux). Throughput on a shared two-core machine
// swings from run to run; CPU milliseconds per case say where the work goes, and move far less.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on every Linux we run). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** user + system CPU, seconds */
  cpu: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    const rest = text.slice(close + 2).split(' ');
    // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return {
      pid,
      ppid: Number(rest[1]),
      comm: text.slice(open + 1, close),
      cpu: (Number(rest[11]) + Number(rest[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return null; // gone between the listing and the read
  }
}

function allProcesses(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  return names
    .filter((n) => /^\d+$/.test(n))
    .map((n) => readStat(Number(n)))
    .filter((p): p is ProcStat => p !== null);
}

/** CPU seconds used so far by `root` and every process below it (a server and its workers). */
export function treeCpuSeconds(root: number): number {
  const procs = allProcesses();
  const inTree = new Set([root]);
  // Parents have lower pids in practice but not always: repeat until nothing new joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => inTree.has(p.pid)).reduce((sum, p) => sum + p.cpu, 0);
}

/** CPU seconds used so far by every process with this command name (e.g. `postgres`). */
export function namedCpuSeconds(comm: string): number {
  return allProcesses()
    .filter((p) => p.comm === comm)
    .reduce((sum, p) => sum + p.cpu, 0);
}
