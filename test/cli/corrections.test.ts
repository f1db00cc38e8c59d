// `redress corrections export` as an operator runs it (a real child process on a real
// database), and `npm run eval -- --own` reading what it wrote: intake's suggestions beside what
// staff confirmed, for managers only, one JSON line per corrected case.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { classifyCase } from '../../src/core/cases/classify-case.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { confirmFeelings } from '../../src/core/playbook/confirm-feelings.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { complaint, makeDesk, type Desk } from '../support/harness.ts';
import { runCli, type CliResult } from '../support/processes.ts';

let desk: Desk;
let agent: Actor;
const redress = (...args: string[]): Promise<CliResult> =>
  runCli(args, { DATABASE_URL: desk.database.url, REDRESS_RUN_JOBS: 'false' });

beforeAll(async () => {
  desk = await makeDesk();
  agent = await desk.makeUser('agent', 'Sam Agent');
  await desk.makeUser('manager', 'Kit Manager');
});
afterAll(() => desk.close());

test('exports each corrected case once, for managers, and the eval scores the file', async () => {
  const ctx = desk.ctxFor(agent);
  const open = async (account: string, email: string) =>
    (
      await openCase(
        ctx,
        complaint({
          account,
          customer: { firstName: 'Ana', contacts: [{ kind: 'email', value: email }] },
        }),
      )
    ).case;
  const angry = await open('I am angry and fed up, the boiler broke again.', 'a@example.test');
  const confused = await open('I am confused, what is this charge on my bill?', 'b@example.test');
  const untouched = await open('The parcel came a day late.', 'c@example.test');
  await confirmFeelings(ctx, angry.id, { feelings: ['angry', 'frustrated'] });
  await classifyCase(ctx, confused.id, { category: 'billing' });

  const res = await redress('corrections', 'export', '--as', 'kit.manager@example.test');
  expect(res.code, res.stderr).toBe(0);
  expect(res.stderr).toContain('2 corrected cases exported.');
  const rows = res.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(rows.map((r) => r.id).sort()).toEqual([angry.reference, confused.reference].sort());
  expect(rows.map((r) => r.id)).not.toContain(untouched.reference);
  const first = rows.find((r) => r.id === angry.reference);
  expect(first).toMatchObject({
    text: 'I am angry and fed up, the boiler broke again.',
    confirmedFeelings: ['angry', 'frustrated'],
    language: 'en',
  });
  expect(first?.suggestedFeelings).toEqual(
    (angry.suggestedFeelings as Array<{ feeling: string }>).map((f) => f.feeling),
  );
  expect(rows.find((r) => r.id === confused.reference)).toMatchObject({
    category: 'billing',
    confirmedFeelings: null,
  });

  // The scores of the shipped model on this file.
  const dir = mkdtempSync(join(tmpdir(), 'redress-own-'));
  const file = join(dir, 'corrections.jsonl');
  writeFileSync(file, `${res.stdout}not json\n`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/run-ts.js', 'eval/run.ts', '--own', file],
    { cwd: new URL('../../', import.meta.url).pathname, encoding: 'utf8' },
  );
  expect(stdout).toContain('(2 rows, 1 unreadable lines skipped)');
  expect(stdout).toContain('feelings vs the feelings agents confirmed (1 cases)');
  expect(stdout).toMatch(/angry\s+\d\.\d{3}/);
  expect(stdout).toContain('categories vs the category staff chose (1 cases)');
}, 120_000);

test('agents may not export; a bad --since is a usage error; a future --since exports nothing', async () => {
  const asAgent = await redress('corrections', 'export', '--as', 'sam.agent@example.test');
  expect(asAgent.code).toBe(1);
  expect(asAgent.stdout).toBe('');
  const bad = await redress('corrections', 'export', '--since', 'last tuesday');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--since: not a date and time');
  const future = await redress('corrections', 'export', '--since', '2999-01-01T00:00:00Z');
  expect(future.code, future.stderr).toBe(0);
  expect(future.stdout).toBe('');
  expect(future.stderr).toContain('0 corrected cases exported.');
}, 120_000);
