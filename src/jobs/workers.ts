// Job handlers are edges: parse the payload with its schema, call one core action.
// Every action they call is idempotent, so a retry or a second instance never doubles an effect.
import type PgBoss from 'pg-boss';
import { JOBS } from '../contracts/jobs.ts';
import { acknowledgeCase } from '../core/cases/acknowledge-case.ts';
import { checkSla } from '../core/cases/check-sla.ts';
import { assignDebriefs } from '../core/debriefs/assign-debriefs.ts';
import { expirePromise, remindPromise } from '../core/promises/promise-jobs.ts';
import type { Ctx } from '../core/shared/context.ts';
import type { Mailer } from '../core/outbound/mailer.ts';
import { deliverEmail } from '../core/outbound/deliver-email.ts';
import { sendWeeklyDigest } from '../core/metrics/send-weekly-digest.ts';
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

export async function startWorkers(
  boss: PgBoss,
  makeCtx: CtxFactory,
  opts: {
    pollingIntervalSeconds?: number;
    mailer?: Mailer;
    sms?: SmsSender;
    social?: SocialSender;
    portal?: PortalConfig;
  } = {},
): Promise<void> {
  const work = async <T>(
    job: { name: string; payload: { parse(v: unknown): T } },
    run: (ctx: Ctx, data: T) => Promise<unknown>,
  ) => {
    await boss.work(
      job.name,
      { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        for (const j of jobs) await run(makeCtx(), job.payload.parse(j.data));
      },
    );
  };
  await work(JOBS.acknowledge, (ctx, d) => acknowledgeCase(ctx, d.caseId, opts.portal));
  await work(JOBS.slaCheck, (ctx, d) => checkSla(ctx, d));
  await work(JOBS.promiseReminder, (ctx, d) => remindPromise(ctx, d.promiseId));
  await work(JOBS.promiseDue, (ctx, d) => expirePromise(ctx, d.promiseId));
  await work(JOBS.debriefAssign, (ctx, d) => assignDebriefs(ctx, d.caseId));
  await work(JOBS.correctiveActionReminder, (ctx, d) => remindCorrectiveAction(ctx, d.actionId));
  await work(JOBS.correctiveActionDue, (ctx, d) => escalateCorrectiveAction(ctx, d.actionId));
  // Without an outbound mail server, email jobs wait in the queue until one is configured.
  const { mailer } = opts;
  if (mailer) await work(JOBS.sendEmail, (ctx, d) => deliverEmail(ctx, mailer, d.messageId));
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
}
