#!/usr/bin/env node
// Builds web/dist when it is missing or older than the web sources, so `npm start` (and the
// browser tests) work straight after `npm install` on a fresh clone. `--force` always builds.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const INDEX = join(WEB, 'dist', 'index.html');
const CONTRACTS = join(WEB, '..', 'src', 'contracts');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.'))
      continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(INDEX)) return true;
  const built = statSync(INDEX).mtimeMs;
  return Math.max(newestSource(WEB), newestSource(CONTRACTS)) > built;
}

// Two test files (or a test and `npm start`) may ask at once: one builds, the others wait for it
// and then find the build fresh. A lock left by a killed build is ignored after two minutes.
const LOCK = join(WEB, '.build.lock');

function takeLock() {
  try {
    closeSync(openSync(LOCK, 'wx'));
    return true;
  } catch {
    if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 120_000)
      rmSync(LOCK, { force: true });
    return false;
  }
}

function build() {
  console.log('Building the web app (web/dist)…');
  const vite = join(WEB, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'];
  // Always a production build: under vitest NODE_ENV is 'test', which would bundle React's dev build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(
      '\nThe web app failed to build (see above). The API still works; fix the error or run\n' +
        '`npm run build:web` to retry. Is `npm install` complete (vite, react)?',
    );
  }
  return run.status ?? 1;
}

const force = process.argv.includes('--force');
if (force || isStale()) {
  while (!takeLock()) await new Promise((done) => setTimeout(done, 200));
  let status = 0;
  try {
    if (force || isStale()) status = build();
  } finally {
    rmSync(LOCK, { force: true });
  }
  process.exit(status);
}
