// `redress incident` as an operator runs it (a real child process): importing a list of affected
// customers (line-numbered refusals exit 2 and write nothing), listing and showing incidents.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declareIncident } from '../../src/core/incidents/declare-incident.ts';
import { silentLogger } from '../../src/core/shared/context.ts';
import { createTestDatabase } from '../support/db.ts';
import { recordingJobs } from '../support/harness.ts';
import { runCli, type CliResult } from '../support/processes.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
const redress = (...args: string[]): Promise<CliResult> =>
  runCli(args, { DATABASE_URL: database.url, REDRESS_RUN_JOBS: 'false' });

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'redress-incident-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await database?.close();
});

test('import, list and show', async () => {
  const incident = await declareIncident(
    {
      actor: { kind: 'system', name: 'test' },
      database,
      now: () => new Date(),
      log: silentLogger,
      jobs: recordingJobs(),
    },
    {
      title: 'Kettle recall',
      whatFailed: 'Some kettles overheat.',
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      scope: 'Model K-3 kettles sold in May.',
    },
  );
  const bad = join(dir, 'bad.csv');
  await writeFile(bad, 'email,first_name\nana@example.com,Ana\nnot-an-email,Ben\n');
  const refused = await redress('incident', 'import', incident.slug, bad);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('line 3.email');
  expect((await database.pool.query('SELECT 1 FROM customers')).rowCount).toBe(0);

  const good = join(dir, 'good.csv');
  await writeFile(good, 'email,first_name\nana@example.com,Ana\nben@example.com,Ben\n');
  const imported = await redress('incident', 'import', incident.slug, good);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toContain('2 customers attached (2 new)');

  const list = await redress('incident', 'list', '--json');
  expect(list.code, list.stderr).toBe(0);
  expect(JSON.parse(list.stdout)).toMatchObject([
    { slug: incident.slug, affected: { customers: 2, cases: 0 } },
  ]);
  const show = await redress('incident', 'show', incident.slug);
  expect(show.code, show.stderr).toBe(0);
  expect(show.stdout).toContain('Affected: 2 customers, 0 cases');
  expect(show.stdout).toContain('Still to do:');

  expect((await redress('incident', 'show', 'no-such-incident')).code).toBe(1);
  expect((await redress('incident', 'frob')).code).toBe(2);
}, 120_000);
