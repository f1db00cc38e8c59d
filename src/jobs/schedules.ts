// Recurring jobs, on pg-boss's cron (one tick per schedule across every instance): the weekly
// digest, the metric rollups' refresh and the SLA sweep. Each job's
// effect is still claimed once in the `effects` table, so a doubled tick never doubles a mail.
import type PgBoss from 'pg-boss';
import { JOBS } from '../contracts/jobs.ts';

/** Monday 07:00 on the organisation's clock: last week's digest to the managers. */
export const WEEKLY_DIGEST_CRON = '0 7 * * 1';

/** Every minute: the metric rollups catch up with the timeline (docs/metrics.md, "Rollups"). */
export const ROLLUP_REFRESH_CRON = '* * * * *';

/** Every minute: due-soon and breach alerts for the SLA clocks (core/cases/sweep-sla.ts). */
export const SLA_SWEEP_CRON = '* * * * *';

export async function scheduleRecurringJobs(boss: PgBoss, timeZone: string): Promise<void> {
  await boss.schedule(JOBS.weeklyDigest.name, WEEKLY_DIGEST_CRON, {}, { tz: timeZone });
  await boss.schedule(JOBS.refreshRollups.name, ROLLUP_REFRESH_CRON, {}, { tz: timeZone });
  await boss.schedule(JOBS.slaSweep.name, SLA_SWEEP_CRON, {}, { tz: timeZone });
}
