// The weekly digest on real PostgreSQL and real pg-boss: its content, exactly one mail per
// manager per week however often the job runs (two instances, the job queued twice, concurrent
// calls), a failed send retried, and the weekly schedule registered. The mail server is the one
// outside thing faked: a recorder in place of SMTP.
import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JOBS } from '../../src/contracts/jobs.ts';
import { sendWeeklyDigest } from '../../src/core/metrics/send-weekly-digest.ts';
import type { Mailer, OutboundMail } from '../../src/core/outbound/mailer.ts';
import { silentLogger, type Ctx } from '../../src/core/shared/context.ts';
import { createBoss, ensureQueues, noJobs } from '../../src/jobs/queue.ts';
import {
  ROLLUP_REFRESH_CRON,
  SLA_SWEEP_CRON,
  scheduleRecurringJobs,
  WEEKLY_DIGEST_CRON,
} from '../../src/jobs/schedules.ts';
import { startWorkers } from '../../src/jobs/workers.ts';
import { makeDesk, type Desk } from '../support/harness.ts';
import { loadMetricsDataset, type Dataset } from '../support/metrics-dataset.ts';

let desk: Desk;
let data: Dataset;
const bosses: PgBoss[] = [];
// Tuesday of the week after 9–15 November: the digest covers 9–15 November.
const NOW = new Date('2026-11-17T08:00:00Z');

function recorder(): Mailer & { sent: OutboundMail[] } {
  const sent: OutboundMail[] = [];
  return {
    sent,
    from: 'Redress <desk@shop.example>',
    domain: 'shop.example',
    send: async (m) => void sent.push(m),
  };
}

const ctx = (): Ctx => ({
  actor: { kind: 'system', name: 'jobs' },
  database: desk.database,
  now: () => NOW,
  log: silentLogger,
  jobs: noJobs,
});

beforeAll(async () => {
  desk = await makeDesk();
  data = await loadMetricsDataset(desk.database);
  await desk.makeUser('manager', 'Kit Manager');
  await desk.makeUser('manager', 'Mo Manager');
  await desk.makeUser('agent', 'Ann Agent');
});
afterAll(async () => {
  for (const b of bosses) await b.stop({ graceful: false, wait: true });
  await desk.close();
});

describe('the weekly digest', () => {
  test('a failed send claims nothing, so the retry still sends', async () => {
    const failing: Mailer = {
      ...recorder(),
      send: () => Promise.reject(new Error('451 try later')),
    };
    await expect(sendWeeklyDigest(ctx(), failing)).rejects.toThrow('451');
    const effects = await desk.database.pool.query(
      `SELECT count(*)::int AS n FROM effects WHERE key LIKE 'weekly-digest:%'`,
    );
    expect(effects.rows[0].n).toBe(0);
  });

  test('says what rose and fell, the costliest problems and the broken promises', async () => {
    const mailer = recorder();
    const outcome = await sendWeeklyDigest(ctx(), mailer, { publicUrl: 'https://desk.example/' });
    expect(outcome.week).toBe('2026-W46');
    expect(mailer.sent.map((m) => m.to).sort()).toEqual([
      'kit.manager@example.test',
      'mo.manager@example.test',
    ]);
    const mail = mailer.sent[0]!;
    expect(mail.subject).toBe('Redress weekly digest: 9 Nov – 15 Nov 2026');
    expect(mail.isAutomatic).toBe(true);
    const [rose, fell] = mail.text.split('What fell');
    expect(rose).toContain('- Complaints received: 3 (the week before: 2)');
    expect(rose).toContain('- Same-day first response: 66.7% (the week before: 50.0%) — better');
    expect(fell).toContain('- Restitution cost: £30.50 (the week before: £70.00) — better');
    expect(mail.text).toContain('1. Parcels left outside — 2 cases, £30.50');
    expect(mail.text).toContain('Broken promises (2)');
    expect(mail.text).toContain(`- ${data.cases[2]!.reference}: Call back`);
    expect(mail.text).toContain('The dashboard: https://desk.example/dashboard');
  });

  test('concurrent runs and reruns of the same week send nothing more', async () => {
    const mailer = recorder();
    const runs = await Promise.all([1, 2, 3].map(() => sendWeeklyDigest(ctx(), mailer)));
    await sendWeeklyDigest(ctx(), mailer);
    expect(mailer.sent).toHaveLength(0);
    expect(runs.every((r) => r.sent.length === 0 && r.skipped.length === 2)).toBe(true);
  });

  test('two instances running the queued job twice send one mail per manager', async () => {
    // The following week, so the earlier tests' claims do not count.
    const later = new Date('2026-11-24T08:00:00Z');
    const mailer = recorder();
    for (let i = 0; i < 2; i++) {
      const boss = createBoss(desk.database.url);
      boss.on('error', () => undefined);
      await boss.start();
      await ensureQueues(boss);
      bosses.push(boss);
      await startWorkers(boss, () => ({ ...ctx(), now: () => later }), {
        mailer,
        pollingIntervalSeconds: 0.5,
      });
    }
    await bosses[0]!.send(JOBS.weeklyDigest.name, {});
    await bosses[1]!.send(JOBS.weeklyDigest.name, {});
    const end = Date.now() + 15_000;
    while (mailer.sent.length < 2 && Date.now() < end) await sleep(200);
    await sleep(2_000); // room for a duplicate to show up
    expect(mailer.sent.map((m) => m.to).sort()).toEqual([
      'kit.manager@example.test',
      'mo.manager@example.test',
    ]);
    expect(mailer.sent[0]!.subject).toContain('16 Nov – 22 Nov 2026');
  });

  test('pg-boss holds the weekly schedule on the organisation clock', async () => {
    await scheduleRecurringJobs(bosses[0]!, 'Europe/London');
    const schedules = await bosses[0]!.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({
        name: JOBS.weeklyDigest.name,
        cron: WEEKLY_DIGEST_CRON,
        options: expect.objectContaining({ tz: 'Europe/London' }),
      }),
    );
    // The metric rollups catch up every minute (docs/metrics.md, "Rollups").
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: JOBS.refreshRollups.name, cron: ROLLUP_REFRESH_CRON }),
    );
    // So does the SLA sweep (due-soon and breach alerts, src/core/cases/sweep-sla.ts).
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: JOBS.slaSweep.name, cron: SLA_SWEEP_CRON }),
    );
  });
});
