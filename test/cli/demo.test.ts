// `redress demo` as an operator runs it, on a fresh database: a named organisation with its
// calendar and limits, staff in every role, and cases in every state of the recovery, each
// reached through the core actions (so each has a real timeline and the closed ones passed the
// closure check). A second run adds nothing; a desk with other cases is refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CASE_STATUSES, CHANNELS } from '../../src/contracts/enums.ts';
import { findCase } from '../../src/core/cases/case.repo.ts';
import { gapsFor } from '../../src/core/cases/closure-facts.ts';
import { promiseReport } from '../../src/core/reports/promise-report.ts';
import { loadSettings } from '../../src/core/settings/settings.repo.ts';
import { silentLogger, type Ctx } from '../../src/core/shared/context.ts';
import { ROLES } from '../../src/core/shared/roles.rules.ts';
import { createTestDatabase } from '../support/db.ts';
import { runCli, type CliResult } from '../support/processes.ts';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const redress = (db: TestDatabase, ...args: string[]): Promise<CliResult> =>
  runCli(args, { DATABASE_URL: db.url, REDRESS_RUN_JOBS: 'false' }, 180_000);

async function column(db: TestDatabase, sql: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ v: string }>(sql);
  return rows.map((r) => r.v);
}

async function count(db: TestDatabase, sql: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>(sql);
  return Number(rows[0]?.n ?? 0);
}

/** Row counts of everything the demo writes, to prove a second run adds nothing. */
const TABLES = [
  'users',
  'customers',
  'cases',
  'case_events',
  'promises',
  'restitutions',
  'problems',
  'case_problems',
];
async function sizes(db: TestDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await count(db, `SELECT count(*) AS n FROM ${t}`);
  return out;
}

let db: TestDatabase;
let first: CliResult;

beforeAll(async () => {
  db = await createTestDatabase();
  first = await redress(db, 'demo');
}, 200_000);
afterAll(async () => {
  await db?.close();
});

describe('redress demo on a fresh desk', () => {
  test('exits 0 and says what it loaded', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Loaded the demo: Wrenfield Home');
  });

  test('the organisation has a name, a time zone, business hours and limits', async () => {
    const s = await loadSettings(db.db);
    expect(s.name).toBe('Wrenfield Home');
    expect(s.calendar.timeZone).toBe('Europe/London');
    expect(s.calendar.weeklyHours.mon).toEqual([{ start: '08:30', end: '18:00' }]);
    expect(s.calendar.weeklyHours.sat?.length).toBe(1);
    expect(s.calendar.holidays).toContain('2026-12-25');
    expect(s.slaPolicy.overrides.length).toBeGreaterThan(0);
    expect(s.compensation.byRole.agent?.maxPerCase).toBe('40');
    expect(s.compensation.byRole.supervisor?.maxPerCase).toBe('300');
  });

  test('staff in every role, several agents', async () => {
    const roles = await column(db, 'SELECT role AS v FROM users WHERE is_active');
    for (const role of ROLES) expect(roles, role).toContain(role);
    expect(roles.filter((r) => r === 'agent').length).toBeGreaterThanOrEqual(3);
    expect(roles.filter((r) => r === 'supervisor').length).toBeGreaterThanOrEqual(2);
  });

  test('cases on every channel, in every status, with varied words', async () => {
    expect(await count(db, 'SELECT count(*) AS n FROM cases')).toBe(40);
    const statuses = await column(db, 'SELECT DISTINCT status AS v FROM cases');
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
    const channels = await column(db, 'SELECT DISTINCT channel AS v FROM cases');
    expect([...channels].sort()).toEqual([...CHANNELS].sort());
    expect(
      await count(db, 'SELECT count(DISTINCT account) AS n FROM cases'),
    ).toBeGreaterThanOrEqual(25);
    // Everything past intake has had its first human answer; intake's own cases wait for one.
    expect(
      await count(
        db,
        `SELECT count(*) AS n FROM cases WHERE status <> 'new' AND first_response_at IS NULL`,
      ),
    ).toBe(0);
    // Reopened: closed once, back at work now.
    const reopened = await column(
      db,
      `SELECT c.status AS v FROM cases c WHERE EXISTS
         (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'reopened')`,
    );
    expect(reopened.length).toBeGreaterThanOrEqual(1);
    expect(reopened).not.toContain('closed');
  });

  test('every case has a timeline that starts with its opening, dated in its own past', async () => {
    const rows = await db.pool.query<{ opened: string; events: string; bad: string }>(
      `SELECT count(*) FILTER (WHERE e.type = 'case_opened') AS opened, count(e.id) AS events,
              count(*) FILTER (WHERE e.at < c.received_at OR e.at > now()) AS bad
         FROM cases c LEFT JOIN case_events e ON e.case_id = c.id GROUP BY c.id`,
    );
    expect(rows.rowCount).toBe(40);
    for (const r of rows.rows) {
      expect(Number(r.opened)).toBe(1);
      expect(Number(r.events)).toBeGreaterThanOrEqual(1);
      expect(Number(r.bad)).toBe(0);
    }
    // Most cases went further than intake: replies, restatements, feelings, playbook steps.
    for (const type of [
      'reply_recorded',
      'restatement_confirmed',
      'feelings_confirmed',
      'step_completed',
      'solutions_offered',
      'option_chosen',
      'resolution_delivered',
      'owner_transferred',
      'status_changed',
      'customer_message',
      'staff_involved_added',
    ]) {
      expect(
        await count(db, `SELECT count(*) AS n FROM case_events WHERE type = '${type}'`),
        type,
      ).toBeGreaterThan(0);
    }
  });

  test('verdicts of every kind; a refusal recorded with its reason', async () => {
    const verdicts = await column(
      db,
      'SELECT DISTINCT verdict AS v FROM cases WHERE verdict IS NOT NULL',
    );
    expect([...verdicts].sort()).toEqual(['exceeds', 'falls_short', 'meets']);
    expect(
      await count(db, 'SELECT count(*) AS n FROM cases WHERE refusal_reason IS NOT NULL'),
    ).toBeGreaterThan(0);
  });

  test('restitution within authority, and above it: pending, approved, declined', async () => {
    const rows = await db.pool.query<{ status: string; approver: string | null; n: string }>(
      `SELECT r.status, u.role AS approver, count(*) AS n FROM restitutions r
         LEFT JOIN users u ON u.id = r.decided_by AND r.decided_by <> r.requested_by
        GROUP BY 1, 2`,
    );
    const n = (status: string, approver: string | null) =>
      Number(rows.rows.find((r) => r.status === status && r.approver === approver)?.n ?? 0);
    expect(n('pending_approval', null)).toBeGreaterThanOrEqual(1);
    expect(n('granted', 'supervisor')).toBeGreaterThanOrEqual(1); // approved above authority
    expect(n('declined', 'supervisor')).toBeGreaterThanOrEqual(1);
    expect(n('granted', null)).toBeGreaterThanOrEqual(5); // granted within authority
    expect(
      await count(db, `SELECT count(*) AS n FROM case_events WHERE type = 'approval_requested'`),
    ).toBe(3);
  });

  test('promises open, kept and broken; the broken ones counted', async () => {
    const statuses = await column(db, 'SELECT DISTINCT status AS v FROM promises');
    expect([...statuses].sort()).toEqual(['broken', 'kept', 'open']);
    const ctx: Ctx = {
      actor: { kind: 'system', name: 'test' },
      database: db,
      now: () => new Date(),
      log: silentLogger,
      jobs: { send: async () => undefined },
    };
    const report = await promiseReport(ctx);
    expect(report.broken).toBeGreaterThanOrEqual(1);
    expect(report.kept).toBeGreaterThanOrEqual(1);
    expect(report.open).toBeGreaterThanOrEqual(1);
    expect(report.keptRate).not.toBeNull();
    // Broken promises reach the supervisors.
    expect(
      await count(db, `SELECT count(*) AS n FROM notifications WHERE kind = 'promise_broken'`),
    ).toBe(report.broken);
  });

  test('problems with linked cases, a root cause or one-off on every closed case', async () => {
    const statuses = await column(db, 'SELECT status AS v FROM problems');
    expect(statuses.length).toBe(3);
    expect(statuses).toEqual(expect.arrayContaining(['fixed', 'change_planned', 'investigating']));
    expect(await count(db, 'SELECT count(*) AS n FROM case_problems')).toBeGreaterThanOrEqual(5);
    // The same customer twice with the same problem: flagged (R22).
    expect(
      await count(db, 'SELECT count(*) AS n FROM case_problems WHERE is_repeat_for_customer'),
    ).toBeGreaterThanOrEqual(1);
  });

  test('closed cases closed through the closure action, with nothing missing', async () => {
    const ids = await column(db, `SELECT id AS v FROM cases WHERE status = 'closed'`);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const settings = await loadSettings(db.db);
    for (const id of ids) {
      const row = await findCase(db.db, id);
      if (!row) throw new Error(`case ${id} vanished`);
      // A closed case is no longer "resolved"; everything else the closure rule asks is there.
      const gaps = (await gapsFor(db.db, row, settings)).filter((g) => g.code !== 'resolved');
      expect(gaps, row.reference).toEqual([]);
      const closedBy = await db.pool.query<{ actor_id: string | null }>(
        `SELECT actor_id FROM case_events WHERE case_id = $1 AND type = 'closed'`,
        [id],
      );
      expect(closedBy.rowCount, row.reference).toBe(1);
      expect(closedBy.rows[0]?.actor_id, row.reference).not.toBeNull();
      expect(row.closedAt, row.reference).not.toBeNull();
    }
  });

  test('a second run adds nothing and says so', async () => {
    const before = await sizes(db);
    const again = await redress(db, 'demo');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already loaded: nothing was added');
    expect(await sizes(db)).toEqual(before);
  }, 120_000);
});

describe('redress demo elsewhere', () => {
  test('a bad --cases exits 2', async () => {
    const res = await redress(db, 'demo', '--cases', '0');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--cases must be a whole number');
  }, 60_000);

  test('a desk with its own cases is refused, untouched', async () => {
    const other = await createTestDatabase();
    try {
      const opened = await redress(
        other,
        'case',
        'open',
        '--channel',
        'email',
        '--name',
        'Real Customer',
        '--email',
        'real@customer.example',
        '--account',
        'A genuine complaint on a live desk.',
      );
      expect(opened.code, opened.stderr).toBe(0);
      const res = await redress(other, 'demo');
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('already has 1 case(s) that are not the demo');
      expect(await count(other, 'SELECT count(*) AS n FROM cases')).toBe(1);
      expect(await count(other, 'SELECT count(*) AS n FROM users')).toBe(0);
      expect((await loadSettings(other.db)).name).not.toBe('Wrenfield Home');
    } finally {
      await other.close();
    }
  }, 120_000);

  test('--cases adds bulk history behind the recent cases', async () => {
    const other = await createTestDatabase();
    try {
      const res = await redress(other, 'demo', '--cases', '45');
      expect(res.code, res.stderr).toBe(0);
      expect(await count(other, 'SELECT count(*) AS n FROM cases')).toBe(45);
      const history = await count(
        other,
        `SELECT count(DISTINCT case_id) AS n FROM case_events WHERE actor_label = 'system:demo'`,
      );
      expect(history).toBe(5);
    } finally {
      await other.close();
    }
  }, 200_000);
});
