// Job handlers are edges: parse the payload with its schema, call one core action.
// Every action they call is idempotent, so a retry or a second instance never doubles an effect.
import type PgBoss from 'pg-boss';
import { JOBS } from '../contracts/jobs.ts';
import { acknowledgeCase } from '../core/cases/acknowledge-case.ts';
import { checkSla } from '../core/cases/check-sla.ts';
import { sweepSla } from '../core/cases/sweep-sla.ts';
import { assignDebriefs } from '../core/debriefs/assign-debriefs.ts';
import { expirePromise, remindPromise } from '../core/promises/promise-jobs.ts';
import type { Ctx } from '../core/shared/context.ts';
import type { Mailer } from '../core/outbound/mailer.ts';
import { deliverEmail } from '../core/outbound/deliver-email.ts';
import type { RetryPolicy } from '../core/outbound/delivery.rules.ts';
import { sendWeeklyDigest } from '../core/metrics/send-weekly-digest.ts';
import { refreshRollups } from '../core/metrics/refresh-rollups.ts';
import type { PortalConfig } from '../core/portal/portal-secret.ts';
import { resumeBroadcasts, runBroadcast } from '../core/incidents/run-broadcast.ts';
import {
  escalateCorrectiveAction,
  remindCorrectiveAction,
} from '../core/problems/corrective-action-jobs.ts';
import { deliverSms } from '../core/outbound/deliver-sms.ts';
import type { SmsSender } from '../core/outbound/sms-sender.ts';
import { deliverSocial } from '../core/outbound/deliver-social.ts';
import type { SocialSender } from '../core/outbound/social-sender.ts';

type CtxFactory = () => Ctx;

/** Jobs fetched per polling interval for each queue (see `work`). */
const JOB_BATCH = 25;
/**
 * Outbound emails sent side by side within a batch. One at a time, each waiting on the mail
 * server's round trips, two instances sent about 6.6 mails/s while the 10-minute load run
 * queued 17.5/s; the messages waited, none was lost. Each lane holds one database connection
 * while it sends (the per-message lock), so keep this well under REDRESS_DB_POOL.
 */
const EMAIL_LANES = 4;

export async function startWorkers(
  boss: PgBoss,
  makeCtx: CtxFactory,
  opts: {
    pollingIntervalSeconds?: number;
    mailer?: Mailer;
    sms?: SmsSender;
    social?: SocialSender;
    portal?: PortalConfig;
    /** When outbound mail is tried again after the mail server failed it (tests shorten it). */
    emailRetry?: RetryPolicy;
  } = {},
): Promise<void> {
  // Jobs are fetched in batches: one job per 2 s per instance could not keep up with a busy
  // intake. Handlers whose effect is
  // claimed in the `effects` table may run in batches: when one job fails the batch is retried,
  // and the jobs already done find their effect claimed and do nothing. Outbound mail does not
  // fail its job when the mail server is down or refuses: it queues its own next try (see
  // deliver-email.ts), so one refused message never holds back or repeats the rest of a batch.
  const work = async <T>(
    job: { name: string; payload: { parse(v: unknown): T } },
    run: (ctx: Ctx, data: T) => Promise<unknown>,
    lanes = 1,
  ) => {
    // pg-boss waits out the polling interval after every fetch, even one that came back
    // full; a burst (a thousand complaints after an outage) would then be acknowledged at one
    // batch per interval. A full batch that succeeded means more are probably waiting: wake
    // the worker to fetch again at once. A failed batch is not hurried (its jobs wait for
    // their retry), and an idle queue still polls at the interval.
    let workerId: string | null = null;
    workerId = await boss.work(
      job.name,
      { batchSize: JOB_BATCH, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        let failure: unknown = null;
        let next = 0;
        const lane = async () => {
          while (next < jobs.length) {
            const j = jobs[next++]!;
            try {
              await run(makeCtx(), job.payload.parse(j.data));
            } catch (err) {
              failure ??= err;
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(lanes, jobs.length) }, lane));
        if (failure) throw failure;
        if (jobs.length >= JOB_BATCH && workerId) boss.notifyWorker(workerId);
      },
    );
  };
  await work(JOBS.acknowledge, (ctx, d) => acknowledgeCase(ctx, d.caseId, opts.portal));
  await work(JOBS.slaSweep, (ctx) => sweepSla(ctx));
  await work(JOBS.slaCheck, (ctx, d) => checkSla(ctx, d));
  await work(JOBS.promiseReminder, (ctx, d) => remindPromise(ctx, d.promiseId));
  await work(JOBS.promiseDue, (ctx, d) => expirePromise(ctx, d.promiseId));
  await work(JOBS.debriefAssign, (ctx, d) => assignDebriefs(ctx, d.caseId));
  await work(JOBS.correctiveActionReminder, (ctx, d) => remindCorrectiveAction(ctx, d.actionId));
  await work(JOBS.correctiveActionDue, (ctx, d) => escalateCorrectiveAction(ctx, d.actionId));
  // Without an outbound mail server, email jobs wait in the queue until one is configured.
  const { mailer } = opts;
  if (mailer)
    await work(
      JOBS.sendEmail,
      (ctx, d) =>
        deliverEmail(ctx, mailer, d.messageId, {
          ...(d.attempt === undefined ? {} : { attempt: d.attempt }),
          ...(opts.emailRetry ? { retry: opts.emailRetry } : {}),
        }),
      EMAIL_LANES,
    );
  // Broadcasts hand non-email deliveries to agents at once; email ones wait for a mail server.
  await work(JOBS.incidentBroadcast, (ctx, d) => runBroadcast(ctx, d.messageId, mailer));
  // A worker that died mid-broadcast left deliveries pending: pick them up now.
  await resumeBroadcasts(makeCtx());
  // Likewise text messages wait until the SMS provider is configured.
  const { sms } = opts;
  if (sms) await work(JOBS.sendSms, (ctx, d) => deliverSms(ctx, sms, d.messageId));
  const { social } = opts;
  if (social) await work(JOBS.sendSocial, (ctx, d) => deliverSocial(ctx, social, d.messageId));
  if (mailer)
    await work(JOBS.weeklyDigest, (ctx) =>
      sendWeeklyDigest(
        ctx,
        mailer,
        opts.portal?.publicUrl ? { publicUrl: opts.portal.publicUrl } : {},
      ),
    );
  // The metric rollups: one refresh at a time per instance; across instances an advisory lock
  // lets one of them work and the others skip.
  await work(
    JOBS.refreshRollups,
    (ctx, d) => refreshRollups(ctx, d.rebuild ? { rebuild: true } : {}),
    1,
  );
}
