#!/usr/bin/env node
// Runs a TypeScript entry point directly (Redress ships its sources; no build step).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: run-ts <file.ts> [args]\n');
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', entry, ...rest];
register();
await import(pathToFileURL(resolve(entry)).href);
