#!/usr/bin/env node
// The `redress` command: loads the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
// Exit explicitly: exit hooks registered by dependencies must not override the code.
process.exit(await main(process.argv.slice(2)));
