// Helpers for tests that drive Redress as a child process: free ports, CLI runs (with input
// piped in), long-running commands such as `serve`, dead pids.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/redress.js', import.meta.url));

/** A port nobody listens on right now (the OS picks it, then we release it). */
export { freePort } from '../../src/db/embedded.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/redress.js …args` to completion with the given extra environment. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`redress ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', fail);
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

export interface PipedResult extends CliResult {
  /** Lines written to stdout (all of them, or only counted when `onLine` takes them). */
  lines: string[];
  lineCount: number;
}

/**
 * Runs `node [nodeArgs] bin/redress.js …args` with `input` streamed to its stdin (with
 * back-pressure, so a generator can feed it any number of lines). `onLine` takes each stdout
 * line instead of keeping it, for outputs too big to hold.
 */
export function pipeCli(
  args: string[],
  input: Iterable<string> | AsyncIterable<string>,
  opts: {
    env?: Record<string, string>;
    nodeArgs?: string[];
    onLine?: (line: string) => void;
    timeoutMs?: number;
  } = {},
): Promise<PipedResult> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let lineCount = 0;
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    lineCount++;
    if (opts.onLine) opts.onLine(line);
    else lines.push(line);
  });
  // The child may stop reading early (a crash): that is for the exit code to show.
  const fed = pipeline(Readable.from(input), child.stdin).catch(() => undefined);
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`redress ${args.join(' ')} timed out after ${lineCount} lines\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.once('error', fail);
    child.once('close', (code) => {
      clearTimeout(timer);
      void fed.then(() => done({ code, stdout: lines.join('\n'), stderr, lines, lineCount }));
    });
  });
}

export interface RunningCli {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
}

/**
 * Starts `node bin/redress.js …args` and leaves it running (`serve`): the caller waits for what
 * it prints and ends it. `env` replaces variables; a variable set to undefined is removed.
 */
export function startCli(args: string[], env: Record<string, string | undefined>): RunningCli {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<RegExpMatchArray>((done, fail) => {
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        listeners.delete(check);
        clearTimeout(timer);
        if (match) done(match);
        else fail(error);
      };
      const check = () => {
        const match = output.match(pattern);
        if (match) finish(undefined, match);
      };
      const timer = setTimeout(
        () => finish(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`)),
        timeoutMs,
      );
      listeners.add(check);
      check();
      void exited.then((code) => {
        check();
        finish(
          new Error(`redress ${args.join(' ')} exited (${code}) before ${pattern}:\n${output}`),
        );
      });
    });
  return { child, output: () => output, waitFor, exited };
}

/** The pid of a process that has already exited (and so is not alive, barring reuse). */
export function deadPid(): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.once('error', fail);
    child.once('exit', () => (child.pid ? done(child.pid) : fail(new Error('no pid'))));
  });
}
