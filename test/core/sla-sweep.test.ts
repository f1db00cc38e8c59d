// The SLA sweep on real PostgreSQL: it finds the clocks due soon or breached through the due
// times stored on the case (no job per case), alerts once per clock, stage and due time, stays
// quiet for answered, paused and closed cases, corrects a stale stored due time, gives a due
// time moved by a pause its own alerts, and two sweeps at once still alert once.
import { readFileSync } from 'node:fs';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changeStatus } from '../../src/core/cases/change-status.ts';
import { getCase } from '../../src/core/cases/get-case.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { recordReply } from '../../src/core/cases/record-reply.ts';
import { dueChecksQuery, sweepSla } from '../../src/core/cases/sweep-sla.ts';
import { slaEffectKey } from '../../src/core/cases/check-sla.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { complaint, makeDesk, type Desk } from '../support/harness.ts';

let desk: Desk;
let agent: Actor;
let n = 0;

beforeAll(async () => {
  desk = await makeDesk();
  agent = await desk.makeUser('agent', 'Sam Agent');
});
afterAll(() => desk.close());

const as = (a: Actor) => desk.ctxFor(a);
/** A new case from a new customer, received at the desk clock's time. */
const open = async () =>
  (
    await openCase(
      as(agent),
      complaint({
        receivedAt: desk.clock.now().toISOString(),
        customer: {
          firstName: 'Ana',
          contacts: [{ kind: 'email', value: `ana${n++}@example.test` }],
        },
      }),
    )
  ).case;
const slaEvents = async (caseId: string) =>
  (await getCase(as(agent), caseId)).timeline
    .filter((e) => e.type === 'sla_due_soon' || e.type === 'sla_breached')
    .map((e) => `${e.type}/${(e.data as { clock: string }).clock}`);

describe('the SLA sweep', () => {
  test('warns once when due soon and alerts once at the breach; answered and paused clocks stay quiet', async () => {
    desk.clock.set('2026-11-23T10:00:00Z'); // Monday; the first response is due 17:30
    const late = await open();
    const answered = await open();
    const waiting = await open();
    await recordReply(as(agent), answered.id, { body: 'Hello Ana, I am on it.' });
    await changeStatus(as(agent), waiting.id, { status: 'awaiting_customer' });

    desk.clock.set('2026-11-23T12:00:00Z');
    await sweepSla(desk.system);
    expect(await slaEvents(late.id)).toEqual([]);

    desk.clock.set('2026-11-23T16:45:00Z'); // within the hour before 17:30
    expect((await sweepSla(desk.system)).fired).toBe(1);
    expect((await sweepSla(desk.system)).fired).toBe(0);
    expect(await slaEvents(late.id)).toEqual(['sla_due_soon/first_response']);

    desk.clock.set('2026-11-23T18:00:00Z');
    await sweepSla(desk.system);
    await sweepSla(desk.system);
    expect(await slaEvents(late.id)).toEqual([
      'sla_due_soon/first_response',
      'sla_breached/first_response',
    ]);
    expect(await slaEvents(answered.id)).toEqual([]);
    expect(await slaEvents(waiting.id)).toEqual([]);
    const { rows } = await desk.database.pool.query(
      `SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'sla_breached'`,
      [late.id],
    );
    expect(rows[0].n).toBe(2); // the owner and the supervisors
  });

  test('a due time moved by a pause earns its own warning', async () => {
    desk.clock.set('2026-11-30T16:45:00Z'); // Monday; due 17:30 the next day (after the cut-off)
    const c = await open();
    const firstDue = c.firstResponseDueAt;
    desk.clock.set('2026-12-01T16:45:00Z');
    await sweepSla(desk.system);
    expect(await slaEvents(c.id)).toEqual(['sla_due_soon/first_response']);

    await changeStatus(as(agent), c.id, { status: 'awaiting_customer' });
    desk.clock.set('2026-12-02T10:00:00Z');
    const resumed = await changeStatus(as(agent), c.id, { status: 'in_progress' });
    expect(resumed.firstResponseDueAt?.getTime()).toBeGreaterThan(firstDue?.getTime() ?? 0);

    desk.clock.set(
      new Date((resumed.firstResponseDueAt?.getTime() ?? 0) - 30 * 60_000).toISOString(),
    );
    await sweepSla(desk.system);
    const warnings = (await getCase(as(agent), c.id)).timeline.filter(
      (e) => e.type === 'sla_due_soon',
    );
    expect(warnings.map((e) => (e.data as { dueAt: string }).dueAt)).toEqual([
      firstDue?.toISOString(),
      resumed.firstResponseDueAt?.toISOString(),
    ]);
  });

  test('a stale stored due time is corrected, not trusted', async () => {
    desk.clock.set('2026-12-07T10:00:00Z'); // Monday; due 17:30
    const c = await open();
    // As if the calendar had changed after intake: the stored time says 11:00.
    await desk.database.pool.query(
      `UPDATE cases SET first_response_due_at = '2026-12-07T11:00:00Z' WHERE id = $1`,
      [c.id],
    );
    desk.clock.set('2026-12-07T12:00:00Z');
    expect((await sweepSla(desk.system)).rescheduled).toBeGreaterThanOrEqual(1);
    expect(await slaEvents(c.id)).toEqual([]);
    const view = await getCase(as(agent), c.id);
    expect(view.case.firstResponseDueAt?.toISOString()).toBe('2026-12-07T17:30:00.000Z');
    expect((await sweepSla(desk.system)).rescheduled).toBe(0);
  });

  test('two sweeps at once alert once', async () => {
    desk.clock.set('2026-12-14T10:00:00Z');
    const cases = await Promise.all([open(), open(), open(), open(), open()]);
    desk.clock.set('2026-12-14T18:00:00Z');
    const alerts = async () =>
      (
        await desk.database.pool.query(
          `SELECT count(*)::int AS n FROM case_events WHERE type IN ('sla_due_soon', 'sla_breached')`,
        )
      ).rows[0].n as number;
    const before = await alerts();
    const [a, b] = await Promise.all([sweepSla(desk.system), sweepSla(desk.system)]);
    // Earlier tests' cases are due by now too: every alert fired is one event, none twice.
    expect(a.fired + b.fired).toBe((await alerts()) - before);
    expect(a.fired + b.fired).toBeGreaterThanOrEqual(cases.length * 2);
    for (const c of cases)
      expect(await slaEvents(c.id)).toEqual([
        'sla_due_soon/first_response',
        'sla_breached/first_response',
      ]);
  });

  test('the query reads the partial index of open cases', async () => {
    const plan = await desk.database.pool.connect();
    try {
      await plan.query('BEGIN');
      await plan.query('SET LOCAL enable_seqscan = off');
      const { sql: text, params } = new PgDialect().sqlToQuery(
        dueChecksQuery(new Date('2026-12-14T18:00:00Z'), 60),
      );
      const { rows } = await plan.query(`EXPLAIN ${text}`, params);
      const lines = rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
      expect(lines).toContain('cases_sla_open');
    } finally {
      await plan.query('ROLLBACK');
      plan.release();
    }
  });

  test('alerts given before the upgrade are not given again', async () => {
    desk.clock.set('2026-12-21T10:00:00Z');
    const c = await open();
    // An effect as earlier versions keyed it, without the due time.
    await desk.database.pool.query(`INSERT INTO effects (key, at) VALUES ($1, now())`, [
      `sla:breach:first_response:${c.id}`,
    ]);
    const migration = readFileSync(
      new URL('../../src/db/migrations/0011_sla_sweep.sql', import.meta.url),
      'utf8',
    ).split('--> statement-breakpoint')[1];
    await desk.database.pool.query(migration ?? '');
    const { rows } = await desk.database.pool.query(`SELECT key FROM effects WHERE key LIKE $1`, [
      `sla:breach:first_response:${c.id}%`,
    ]);
    const due = (await getCase(as(agent), c.id)).case.firstResponseDueAt as Date;
    expect(rows.map((r) => r.key)).toEqual([slaEffectKey('breach', 'first_response', c.id, due)]);
    desk.clock.set('2026-12-21T18:00:00Z');
    await sweepSla(desk.system);
    expect(await slaEvents(c.id)).toEqual(['sla_due_soon/first_response']);
  });
});
