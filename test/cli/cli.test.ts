// The `redress` command as an operator runs it (a real child process on a fresh database):
// exit codes 0 ok / 1 failure / 2 bad usage, messages that name the problem, and commands that
// really write to and read from the store.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/db.ts';
import { runCli, type CliResult } from '../support/processes.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const redress = (...args: string[]): Promise<CliResult> =>
  runCli(args, { DATABASE_URL: database.url, REDRESS_RUN_JOBS: 'false' });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('usage', () => {
  test('help exits 0, no command exits 2, an unknown command exits 2', async () => {
    const [help, none, unknown] = await Promise.all([
      redress('help'),
      redress(),
      redress('frobnicate'),
    ]);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: redress <command>');
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: redress <command>');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command “frobnicate”');
  }, 60_000);

  test('migrate exits 0', async () => {
    const res = await redress('migrate');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Migrations are up to date.');
  }, 60_000);
});

describe('user create', () => {
  const password = 'correct horse battery';

  test('a bad email exits 2 and names the field', async () => {
    const res = await redress(
      'user',
      'create',
      '--email',
      'not-an-email',
      '--name',
      'Sam Agent',
      '--role',
      'agent',
      '--password',
      password,
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/email: .*valid email/);
    const rows = await database.pool.query('SELECT 1 FROM users');
    expect(rows.rowCount).toBe(0);
  }, 60_000);

  test('a valid user exits 0 and is stored', async () => {
    const res = await redress(
      'user',
      'create',
      '--email',
      'Sam@Example.test',
      '--name',
      'Sam Agent',
      '--role',
      'agent',
      '--password',
      password,
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Created agent Sam Agent <sam@example.test>.');
    const rows = await database.pool.query<{ role: string; is_active: boolean }>(
      `SELECT role, is_active FROM users WHERE email = 'sam@example.test'`,
    );
    expect(rows.rows).toEqual([{ role: 'agent', is_active: true }]);
  }, 60_000);
});

describe('case open, list, show', () => {
  let reference = '';

  test('case open exits 0 and prints the case', async () => {
    const res = await redress(
      'case',
      'open',
      '--channel',
      'phone',
      '--name',
      'Priya Shah',
      '--email',
      'priya@example.com',
      '--account',
      'The sofa arrived with a torn cushion and nobody called me back.',
      '--subject',
      'Torn cushion',
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const opened = JSON.parse(res.stdout) as { reference: string; channel: string };
    expect(opened.channel).toBe('phone');
    // The first case in a fresh database.
    expect(opened.reference).toBe('RD-1001');
    reference = opened.reference;
  }, 60_000);

  test('case list --json shows it', async () => {
    const res = await redress('case', 'list', '--json');
    expect(res.code, res.stderr).toBe(0);
    const items = JSON.parse(res.stdout) as Array<{ reference: string; subject: string }>;
    expect(items).toEqual([expect.objectContaining({ reference, subject: 'Torn cushion' })]);
  }, 60_000);

  test('case show RD-1001 --json returns the case with its timeline', async () => {
    const res = await redress('case', 'show', 'RD-1001', '--json');
    expect(res.code, res.stderr).toBe(0);
    const view = JSON.parse(res.stdout) as {
      case: { reference: string; account: string };
      customer: { firstName: string; lastName: string } | null;
      timeline: Array<{ type: string }>;
    };
    expect(view.case.reference).toBe('RD-1001');
    expect(view.case.account).toContain('torn cushion');
    expect(view.customer).toMatchObject({ firstName: 'Priya', lastName: 'Shah' });
    expect(view.timeline.map((e) => e.type)).toContain('case_opened');
  }, 60_000);

  test('case involve records the staff member with a timeline event; unknown staff exits 2', async () => {
    const res = await redress(
      'case',
      'involve',
      'RD-1001',
      '--staff',
      'sam@example.test',
      '--role',
      'took the delivery booking',
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('RD-1001: involved — Sam Agent (took the delivery booking).');
    const rows = await database.pool.query<{ role: string; events: string }>(
      `SELECT i.role, (SELECT count(*) FROM case_events e WHERE e.case_id = i.case_id
         AND e.type = 'staff_involved_added')::text AS events
       FROM case_staff_involved i JOIN users u ON u.id = i.user_id WHERE u.email = 'sam@example.test'`,
    );
    expect(rows.rows).toEqual([{ role: 'took the delivery booking', events: '1' }]);

    const [unknown, missing, removed] = await Promise.all([
      redress('case', 'involve', 'RD-1001', '--staff', 'nobody@example.test'),
      redress('case', 'involve', 'RD-1001'),
      redress('case', 'uninvolve', 'RD-1001', '--staff', 'sam@example.test'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/staff: No staff member has the email nobody@example.test/);
    expect(missing.code).toBe(2);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('nobody is recorded as involved');
  }, 180_000);

  test('case show of an unknown reference exits 1 with a not-found message', async () => {
    const res = await redress('case', 'show', 'NOPE');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/NOPE was not found/);
  }, 60_000);

  test('--as with an unknown email exits 2 and writes nothing', async () => {
    const res = await redress(
      'case',
      'open',
      '--as',
      'nobody@example.test',
      '--channel',
      'phone',
      '--name',
      'Lee',
      '--account',
      'Should never be stored.',
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('No active user with email nobody@example.test');
    const rows = await database.pool.query('SELECT 1 FROM cases');
    expect(rows.rowCount).toBe(1);
  }, 60_000);
});
