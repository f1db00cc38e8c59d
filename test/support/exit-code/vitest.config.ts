// Runs the two fixtures beside it with the suite's own global set-up, for exit-code.test.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.fixture.ts'],
    globalSetup: [fileURLToPath(new URL('../global-setup.ts', import.meta.url))],
  },
});
