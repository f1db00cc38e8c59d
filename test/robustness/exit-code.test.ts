// `npm test` must fail when a test fails. The embedded PostgreSQL's exit hook answers Node's
// 'beforeExit' with exit code 0; the global set-up keeps the failing code (global-setup.ts).
// Run without a database (REDRESS_TEST_NO_DB=1): the hook is installed on import either way.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = fileURLToPath(new URL('../support/exit-code/vitest.config.ts', import.meta.url));
const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

function run(fixture: string): number | null {
  const result = spawnSync(process.execPath, [VITEST, 'run', '--config', CONFIG, fixture], {
    cwd: ROOT,
    env: { ...process.env, REDRESS_TEST_NO_DB: '1', CI: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return result.status;
}

describe('the test command exit code', () => {
  test('is non-zero when a test fails', () => {
    expect(run('fails.fixture.ts')).toBe(1);
  });

  test('is zero when every test passes', () => {
    expect(run('passes.fixture.ts')).toBe(0);
  });
});
