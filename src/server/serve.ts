// `redress serve`: the store, the job workers and the HTTP app, started together and stopped
// cleanly on SIGINT/SIGTERM.
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import { buildApp } from '../api/app.ts';
import type { Config } from '../config.ts';
import type { Ctx } from '../core/shared/context.ts';
import { issueSetupToken } from '../core/users/first-admin.ts';
import { createBoss, ensureQueues, jobSender } from '../jobs/queue.ts';
import { startWorkers } from '../jobs/workers.ts';
import { openStore, type Store } from './database.ts';
import { withStartupLock } from '../db/client.ts';
import { EMAIL_MAX_BYTES } from '../api/routes/email.routes.ts';
import { parseMime } from '../channels/email/parse-mime.ts';
import { startSmtpListener } from '../channels/email/smtp-listener.ts';
import { smtpMailer } from '../channels/email/smtp-mailer.ts';
import { receiveEmail } from '../core/intake/receive-email.ts';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  boss: PgBoss;
  url: string;
  stop(): Promise<void>;
}

export async function serve(
  config: Config,
  out: (line: string) => void = console.log,
): Promise<RunningServer> {
  const store = await openStore(config);
  const boss = createBoss(store.url);
  boss.on('error', () => undefined); // pg-boss retries on its own; a blip must not kill the server
  // Instances starting together would race creating pg-boss's schema and queues (a deadlock,
  // seen under load): one at a time, like migrations.
  await withStartupLock(store.database, async () => {
    await boss.start();
    await ensureQueues(boss);
  });
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
  const app = await buildApp({
    database: store.database,
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
  if (config.REDRESS_RUN_JOBS)
    await startWorkers(boss, () => systemCtx('jobs'), { ...(mailer ? { mailer } : {}), portal });
  const smtp =
    config.REDRESS_SMTP_PORT === undefined
      ? null
      : await startSmtpListener({
          port: config.REDRESS_SMTP_PORT,
          host: config.REDRESS_SMTP_HOST,
          maxBytes: EMAIL_MAX_BYTES,
          handle: async (raw) => receiveEmail(systemCtx('email'), await parseMime(raw)),
          onError: (err) => app.log.error({ err }, 'email intake failed'),
        });
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = config.REDRESS_PUBLIC_URL ?? `http://localhost:${port}`;
  out(
    `Redress is running at ${base} (${store.embedded ? `embedded PostgreSQL on port ${store.embedded.port}` : 'external PostgreSQL'})`,
  );
  const setup = await issueSetupToken(store.database, now());
  if (setup)
    out(
      `First run: create the admin at ${base}/setup?token=${setup} (valid 24 hours), or run \`redress user create\`.`,
    );
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await smtp?.close();
      await app.close();
      await boss.stop({ graceful: true, timeout: 10_000 });
      await store.close();
    })());
  return { app, store, boss, url: base, stop };
}
