// `redress serve`: the store, the job workers and the HTTP app, started together and stopped
// cleanly on SIGINT/SIGTERM.
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import { buildApp } from '../api/app.ts';
import { attachmentPolicy, type Config } from '../config.ts';
import type { Ctx } from '../core/shared/context.ts';
import { issueSetupToken } from '../core/users/first-admin.ts';
import { createBoss, ensureQueues, jobSender } from '../jobs/queue.ts';
import { startWorkers } from '../jobs/workers.ts';
import { scheduleRecurringJobs } from '../jobs/schedules.ts';
import { loadSettings } from '../core/settings/settings.repo.ts';
import { openStore, type Store } from './database.ts';
import { withStartupLock } from '../db/client.ts';
import { EMAIL_MAX_BYTES } from '../api/routes/email.routes.ts';
import { parseMime } from '../channels/email/parse-mime.ts';
import { startSmtpListener } from '../channels/email/smtp-listener.ts';
import { smtpMailer } from '../channels/email/smtp-mailer.ts';
import { smsClient } from '../channels/sms/sms-client.ts';
import { socialClient } from '../channels/social/social-client.ts';
import { receiveEmail } from '../core/intake/receive-email.ts';
import { surviveDatabaseOutages } from './outage-guard.ts';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  boss: PgBoss;
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function serve(
  config: Config,
  out: (line: string) => void = console.log,
  opts: { isWorker?: boolean } = {},
): Promise<RunningServer> {
  let warn: (obj: object, msg: string) => void = (obj, msg) =>
    out(`${msg}: ${JSON.stringify(obj)}`);
  const releaseGuard = surviveDatabaseOutages((obj, msg) => warn(obj, msg));
  const store = await openStore(config);
  const boss = createBoss(store.url);
  boss.on('error', () => undefined); // pg-boss retries on its own; a blip must not kill the server
  // Instances starting together would race creating pg-boss's schema and queues (a deadlock,
  // seen under load): one at a time, like migrations.
  await withStartupLock(store.database, async () => {
    await boss.start();
    await ensureQueues(boss);
  });
  await scheduleRecurringJobs(boss, (await loadSettings(store.database.db)).calendar.timeZone);
  const jobs = jobSender(boss);
  const now = () => new Date();
  const logger =
    config.LOG_LEVEL === 'silent'
      ? false
      : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] };
  const portal = {
    ...(config.REDRESS_SECRET ? { secret: config.REDRESS_SECRET } : {}),
    ...(config.REDRESS_PUBLIC_URL ? { publicUrl: config.REDRESS_PUBLIC_URL } : {}),
  };
  const attachments = attachmentPolicy(config);
  const app = await buildApp({
    database: store.database,
    attachments,
    portal,
    jobs,
    now,
    logger,
    isSecureCookie: config.REDRESS_SECURE_COOKIES,
    webhooks: {
      publicUrl: config.REDRESS_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
      limitPerMinute: config.REDRESS_WEBHOOK_LIMIT,
      ...(config.REDRESS_SMS_AUTH_TOKEN ? { smsAuthToken: config.REDRESS_SMS_AUTH_TOKEN } : {}),
      ...(config.REDRESS_SOCIAL_SECRET ? { socialSecret: config.REDRESS_SOCIAL_SECRET } : {}),
    },
  });
  warn = (obj, msg) => app.log.warn(obj, msg);
  const systemCtx = (name: string): Ctx => ({
    actor: { kind: 'system', name },
    database: store.database,
    now,
    jobs,
    log: app.log,
  });
  const mailer = config.REDRESS_SMTP_OUT_URL
    ? smtpMailer(config.REDRESS_SMTP_OUT_URL, config.REDRESS_MAIL_FROM)
    : undefined;
  // The config check guarantees the three come together.
  const sms =
    config.REDRESS_SMS_ACCOUNT_SID && config.REDRESS_SMS_AUTH_TOKEN && config.REDRESS_SMS_FROM
      ? smsClient({
          accountSid: config.REDRESS_SMS_ACCOUNT_SID,
          authToken: config.REDRESS_SMS_AUTH_TOKEN,
          from: config.REDRESS_SMS_FROM,
          baseUrl: config.REDRESS_SMS_API_URL,
        })
      : undefined;
  const social =
    config.REDRESS_SOCIAL_OUT_URL && config.REDRESS_SOCIAL_SECRET
      ? socialClient({ url: config.REDRESS_SOCIAL_OUT_URL, secret: config.REDRESS_SOCIAL_SECRET })
      : undefined;
  if (config.REDRESS_RUN_JOBS)
    await startWorkers(boss, () => systemCtx('jobs'), {
      ...(mailer ? { mailer } : {}),
      ...(sms ? { sms } : {}),
      ...(social ? { social } : {}),
      portal,
    });
  const smtp =
    config.REDRESS_SMTP_PORT === undefined
      ? null
      : await startSmtpListener({
          port: config.REDRESS_SMTP_PORT,
          host: config.REDRESS_SMTP_HOST,
          maxBytes: EMAIL_MAX_BYTES,
          handle: async (raw) =>
            receiveEmail(systemCtx('email'), await parseMime(raw), attachments),
          onError: (err) => app.log.error({ err }, 'email intake failed'),
        });
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = config.REDRESS_PUBLIC_URL ?? `http://localhost:${port}`;
  const stop = () =>
    (stopping ??= (async () => {
      await smtp?.close();
      await app.close();
      await boss.stop({ graceful: true, timeout: 10_000 });
      await store.close();
      releaseGuard();
    })());
  let stopping: Promise<void> | null = null;
  // A cluster worker leaves the announcements and the first-run link to the primary.
  if (opts.isWorker) return { app, store, boss, url: base, port, stop };
  out(
    `Redress is running at ${base} (${store.embedded ? `embedded PostgreSQL on port ${store.embedded.port}` : 'external PostgreSQL'})`,
  );
  const setup = await issueSetupToken(store.database, now());
  if (setup)
    out(
      `First run: create the admin at ${base}/setup?token=${setup} (valid 24 hours), or run \`redress user create\`.`,
    );
  return { app, store, boss, url: base, port, stop };
}
