// `npm run load` (and `npm run chaos`): two `redress serve` instances sharing one PostgreSQL
// on loopback, driven for LOAD_SECONDS (default 600) with the traffic of a busy desk — new cases
// by email, text message, social mention and the web form, agent replies, playbook steps and
// promises falling due within the run. Afterwards it waits for the jobs to drain and checks that
// every time-based effect happened exactly once. Prints throughput, p50/p99 and effect counts.
//
// Outbound mail (acknowledgements and replies) goes to an SMTP server on loopback inside this
// script, which counts the copies of each message: every one must arrive exactly once.
//
// `npm run chaos` adds faults mid-load: kill -9 of one instance (restarted later), a restart of
// PostgreSQL, the SMTP server down and then refusing for a while, and checks that every request
// answered 2xx is stored exactly once and every outbound email delivered exactly once.
// Environment: LOAD_SECONDS, LOAD_CONCURRENCY (default 8), DATABASE_URL (else an embedded one).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { smsSignature, socialSignature } from '../src/channels/webhooks/signatures.ts';
import { silentLogger } from '../src/core/shared/context.ts';
import { insertNewUser } from '../src/core/users/create-user.ts';
import { createApiToken } from '../src/core/users/sessions.ts';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { freePort, startEmbedded, type EmbeddedServer } from '../src/db/embedded.ts';
import { noJobs } from '../src/jobs/queue.ts';

const isChaos = process.argv.includes('--chaos');
const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
const SECONDS = Number(process.env.LOAD_SECONDS ?? 600);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 8);
const BIN = fileURLToPath(new URL('../bin/redress.js', import.meta.url));
const SMS_TOKEN = 'load-sms-token-0123';
const SOCIAL = 'load-social-secret-0123456789';

const dir = await mkdtemp(join(tmpdir(), 'redress-load-'));
await chmod(dir, 0o755);
const pgPort = await freePort();
let pg: EmbeddedServer | null = process.env.DATABASE_URL
  ? null
  : await startEmbedded({ dataDir: dir, port: pgPort });
const url = process.env.DATABASE_URL ?? pg?.url ?? '';
const database = openDatabase(url, { max: 4 });
await migrateDatabase(database);
const admin = await insertNewUser(database.db, {
  email: `load.${randomUUID().slice(0, 8)}@example.test`,
  name: 'Load Agent',
  role: 'admin',
  password: 'load test password',
});
const ctx = {
  actor: { kind: 'user' as const, id: admin.id, role: 'admin' as const, name: 'Load Agent' },
  database,
  now: () => new Date(),
  log: silentLogger,
  jobs: noJobs,
};
const { token } = await createApiToken(ctx, { name: 'load', scopes: ['cases:write'] });
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

// The outbound mail server: counts each message by the message id inside its Message-ID
// (<REFERENCE.message-id@domain>). `smtpMode` lets the chaos run make it refuse.
const smtpPort = await freePort();
const mailCopies = new Map<string, number>();
const mailArrivals = new Map<string, number[]>(); // message id → when each copy arrived (ms)
let smtpMode: 'up' | 'refuse-rcpt-451' | 'refuse-data-554' = 'up';
const smtpRefusals = { rcpt: 0, data: 0 };
let smtpServer: SMTPServer | null = null;
async function startSmtp(): Promise<void> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (smtpMode !== 'refuse-rcpt-451') return callback();
      smtpRefusals.rcpt++;
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (smtpMode === 'refuse-data-554') {
          smtpRefusals.data++;
          return callback(Object.assign(new Error('Transaction failed'), { responseCode: 554 }));
        }
        const head = Buffer.concat(chunks).toString('utf8', 0, 16_384);
        const id = /^Message-ID:\s*<[^>]*?\.([0-9a-f-]{36})@/im.exec(head)?.[1] ?? 'unknown';
        mailCopies.set(id, (mailCopies.get(id) ?? 0) + 1);
        mailArrivals.set(id, [...(mailArrivals.get(id) ?? []), Date.now()]);
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(smtpPort, '127.0.0.1', () => done()));
  smtpServer = server;
}
function stopSmtp(): Promise<void> {
  const server = smtpServer;
  smtpServer = null;
  return new Promise((done) => (server ? server.close(() => done()) : done()));
}
await startSmtp();

const ports = [await freePort(), await freePort()];
const bases = ports.map((p) => `http://127.0.0.1:${p}`);
const servers: Array<ChildProcess | null> = [null, null];
const faults: string[] = [];

function startServer(i: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(ports[i]),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      REDRESS_PUBLIC_URL: bases[i],
      REDRESS_SMS_AUTH_TOKEN: SMS_TOKEN,
      REDRESS_SOCIAL_SECRET: SOCIAL,
      REDRESS_WEBHOOK_LIMIT: '1000000',
      REDRESS_DB_POOL: '8',
      REDRESS_SMTP_OUT_URL: `smtp://127.0.0.1:${smtpPort}`,
      REDRESS_MAIL_FROM: 'Load Desk <desk@load.example>',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers[i] = child;
  return new Promise((done, fail) => {
    let out = '';
    const onData = (c: Buffer) => {
      out = (out + c.toString()).slice(-20_000);
      if (out.includes('Redress is running')) done();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM')
        faults.push(`instance ${'AB'[i]} exited by itself (${code ?? signal}): ${out.slice(-400)}`);
      fail(new Error(`instance ${i} exited (${code ?? signal}): ${out}`));
    });
  });
}
await Promise.all([startServer(0), startServer(1)]);

const latencies: number[] = [];
const counts: Record<string, number> = {};
const acknowledged = new Map<string, number>(); // case id answered 2xx → times
const refs: string[] = [];
const promisesMade: string[] = [];
let failures = 0;

async function hit(kind: string, path: string, init: RequestInit, base: string) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    latencies.push(performance.now() - t0);
    const key = `${kind} ${res.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
    return { status: res.status, body: text };
  } catch {
    failures++;
    counts[`${kind} network`] = (counts[`${kind} network`] ?? 0) + 1;
    return { status: 0, body: '' };
  }
}

const json = (b: string) => {
  try {
    return JSON.parse(b) as Record<string, string>;
  } catch {
    return {};
  }
};

let n = 0;
async function oneAction(base: string): Promise<void> {
  const i = n++;
  const who = `load${i}@customers.example`;
  const pick = i % 10;
  if (pick < 3 || refs.length < 5) {
    const r = await hit(
      'email case',
      '/api/v1/cases',
      {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': `load-${i}` },
        body: JSON.stringify({
          channel: 'email',
          account: `Order ${i} arrived damaged and nobody answered my first email.`,
          customer: { firstName: 'Load', contacts: [{ kind: 'email', value: who }] },
        }),
      },
      base,
    );
    if (r.status === 201) {
      const id = json(r.body).id ?? '';
      acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
      refs.push(json(r.body).reference ?? '');
    }
  } else if (pick === 3) {
    const fields = {
      MessageSid: `SM${i}`,
      From: `+4477009${String(i).padStart(5, '0')}`,
      To: '+441',
      Body: `Text ${i}: still no refund`,
    };
    await hit(
      'sms',
      '/api/v1/webhooks/sms',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': smsSignature(SMS_TOKEN, `${base}/api/v1/webhooks/sms`, fields),
        },
        body: new URLSearchParams(fields).toString(),
      },
      base,
    );
  } else if (pick === 4) {
    const raw = JSON.stringify({
      id: `soc-${i}`,
      kind: 'mention',
      network: 'x',
      author: { handle: `h${i}`, name: 'Load' },
      text: `@shop worst service ${i}`,
      url: 'https://example.com/p',
    });
    const ts = String(Math.floor(Date.now() / 1000));
    await hit(
      'social',
      '/api/v1/webhooks/social',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-redress-timestamp': ts,
          'x-redress-signature': `sha256=${socialSignature(SOCIAL, ts, Buffer.from(raw))}`,
        },
        body: raw,
      },
      base,
    );
  } else if (pick === 5) {
    await hit(
      'web form',
      '/api/v1/public/complaints',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${i % 250}.1` },
        body: JSON.stringify({
          firstName: 'Form',
          email: `form${i}@customers.example`,
          preferredContact: 'email',
          message: `Form complaint ${i}`,
        }),
      },
      base,
    );
  } else {
    const ref = refs[i % refs.length] ?? '';
    if (pick === 6 || pick === 7) {
      await hit(
        'reply',
        `/api/v1/cases/${ref}/replies`,
        {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ body: `Sorry about order ${i}; I am on it.` }),
        },
        base,
      );
    } else if (pick === 8) {
      await hit(
        'step',
        `/api/v1/cases/${ref}/steps/apologize`,
        { method: 'POST', headers: auth, body: JSON.stringify({}) },
        base,
      );
    } else {
      const dueAt = new Date(Date.now() + 20_000).toISOString();
      const r = await hit(
        'promise',
        `/api/v1/cases/${ref}/promises`,
        {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ what: `Call back about ${i}`, dueAt }),
        },
        base,
      );
      if (r.status >= 200 && r.status < 300) promisesMade.push(json(r.body).id ?? '');
    }
  }
}

const started = Date.now();
let killedAt = 0;
const deadline = started + SECONDS * 1000;
const chaos = isChaos
  ? (async () => {
      await sleep((SECONDS * 1000) / 4);
      servers[0]?.kill('SIGKILL');
      killedAt = Date.now();
      faults.push(`${((Date.now() - started) / 1000).toFixed(0)} s: kill -9 instance A`);
      await sleep((SECONDS * 1000) / 4);
      if (pg) {
        await pg.stop();
        faults.push(`${((Date.now() - started) / 1000).toFixed(0)} s: PostgreSQL stopped`);
        await sleep(3000);
        pg = await startEmbedded({ dataDir: dir, port: pgPort });
        faults.push(`${((Date.now() - started) / 1000).toFixed(0)} s: PostgreSQL back`);
      }
      await startServer(0);
      faults.push(`${((Date.now() - started) / 1000).toFixed(0)} s: instance A restarted`);
    })()
  : Promise.resolve();
// The mail server goes away (connection refused), comes back refusing every recipient (451),
// then every message at DATA (554), then accepts again.
const smtpChaos = isChaos
  ? (async () => {
      const at = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
      await sleep(SECONDS * 1000 * 0.3);
      await stopSmtp();
      faults.push(`${at()}: SMTP server stopped (connection refused)`);
      await sleep(Math.max(10, SECONDS * 0.1) * 1000);
      smtpMode = 'refuse-rcpt-451';
      await startSmtp();
      faults.push(`${at()}: SMTP server back, refusing every recipient (451)`);
      await sleep(Math.max(5, SECONDS * 0.05) * 1000);
      smtpMode = 'refuse-data-554';
      faults.push(`${at()}: SMTP server refusing every message at DATA (554)`);
      await sleep(Math.max(5, SECONDS * 0.05) * 1000);
      smtpMode = 'up';
      faults.push(`${at()}: SMTP server accepting again`);
    })()
  : Promise.resolve();

await Promise.all(
  Array.from({ length: CONCURRENCY }, async (_, w) => {
    while (Date.now() < deadline) {
      const alive = servers
        .map((s, i) => (s && s.exitCode === null && s.signalCode === null ? i : -1))
        .filter((i) => i >= 0);
      const base = bases[alive[(n + w) % Math.max(1, alive.length)] ?? 1] ?? '';
      await oneAction(base);
    }
  }),
);
await chaos;
await smtpChaos;
const elapsed = (Date.now() - started) / 1000;

// Let every promise fall due and the job workers drain. Text and social messages have no
// provider here, so their jobs wait (as they would in a desk without one) and are left out.
process.stdout.write('Load finished; waiting for due promises and jobs to drain…\n');
const drainStarted = Date.now();
const DRAIN_SECONDS = Number(process.env.LOAD_DRAIN_SECONDS ?? 300);
let backlog = '?';
while (Date.now() - drainStarted < DRAIN_SECONDS * 1000) {
  const left = await database.pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM pgboss.job
      WHERE state < 'completed' AND start_after < now() + interval '1 minute'
        AND name NOT IN ('sms-send', 'social-send')`,
  );
  backlog = left.rows[0]?.n ?? '?';
  if (backlog === '0') break;
  await sleep(2000);
}
const drainSeconds = Number(((Date.now() - drainStarted) / 1000).toFixed(0));

const q = async (text: string) =>
  (await database.pool.query<{ n: string }>(text)).rows[0]?.n ?? '?';
const effects = {
  acknowledgements: await q(
    `SELECT count(*)::text AS n FROM case_events WHERE type = 'acknowledged'`,
  ),
  casesAcknowledgedTwice: await q(
    `SELECT count(*)::text AS n FROM (SELECT case_id FROM case_events WHERE type = 'acknowledged' GROUP BY case_id HAVING count(*) > 1) x`,
  ),
  automatedCasesNotAcknowledged: await q(
    `SELECT count(*)::text AS n FROM cases c WHERE c.channel IN ('email','sms','social','web') AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'acknowledged')`,
  ),
  promisesDue: await q(`SELECT count(*)::text AS n FROM promises WHERE due_at < now()`),
  promisesBroken: await q(
    `SELECT count(*)::text AS n FROM case_events WHERE type = 'promise_broken'`,
  ),
  promisesStillOpenPastDue: await q(
    `SELECT count(*)::text AS n FROM promises WHERE due_at < now() - interval '30 seconds' AND status = 'open'`,
  ),
  promisesSettledTwice: await q(
    `SELECT count(*)::text AS n FROM (SELECT data->>'promiseId' FROM case_events WHERE type IN ('promise_broken','promise_kept') GROUP BY 1 HAVING count(*) > 1) x`,
  ),
  remindersTwice: await q(
    `SELECT count(*)::text AS n FROM (SELECT data->>'promiseId' FROM case_events WHERE type = 'promise_reminder' GROUP BY 1 HAVING count(*) > 1) x`,
  ),
  slaEventsTwice: await q(
    `SELECT count(*)::text AS n FROM (SELECT case_id, type, data->>'clock', data->>'dueAt' FROM case_events WHERE type IN ('sla_due_soon','sla_breached') GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) x`,
  ),
};
// Every outbound email must have reached the mail server exactly once.
const outbound = await database.pool.query<{ id: string; kind: string }>(
  `SELECT id, kind FROM messages WHERE direction = 'out' AND channel = 'email'`,
);
const outboundIds = new Set(outbound.rows.map((m) => m.id));
const copies = (id: string) => mailCopies.get(id) ?? 0;
const replies = outbound.rows.filter((m) => m.kind === 'reply');
const mail = {
  outboundEmails: outbound.rows.length,
  replies: replies.length,
  deliveredOnce: outbound.rows.filter((m) => copies(m.id) === 1).length,
  repliesDeliveredOnce: replies.filter((m) => copies(m.id) === 1).length,
  deliveredTwice: outbound.rows.filter((m) => copies(m.id) > 1).length,
  /**
   * Doubled because the instance sending them was killed after the mail server took the message
   * and before the send was recorded (first copy within 2 s before the kill -9): SMTP cannot be
   * told "this again is the same message", so a later try sends it again, with the same
   * Message-ID. Any other second copy is a fault.
   */
  doubledByTheKill: outbound.rows.filter(
    (m) =>
      copies(m.id) === 2 &&
      killedAt > 0 &&
      (mailArrivals.get(m.id)?.[0] ?? 0) >= killedAt - 2000 &&
      (mailArrivals.get(m.id)?.[0] ?? 0) <= killedAt,
  ).length,
  /** When each copy of a doubled message arrived, in seconds from the start of the load. */
  doubledArrivals: outbound.rows
    .filter((m) => copies(m.id) > 1)
    .map((m) => (mailArrivals.get(m.id) ?? []).map((t) => Math.round((t - started) / 1000))),
  notDelivered: outbound.rows.filter((m) => copies(m.id) === 0).length,
  receivedButUnknown: [...mailCopies.keys()].filter((id) => !outboundIds.has(id)).length,
  smtpRefusals,
  delayedEvents: await q(
    `SELECT count(*)::text AS n FROM case_events WHERE type = 'email_delayed'`,
  ),
  delayedShownTwice: await q(
    `SELECT count(*)::text AS n FROM (SELECT data->>'messageId' FROM case_events WHERE type = 'email_delayed' GROUP BY 1 HAVING count(*) > 1) x`,
  ),
  delayNotifications: await q(
    `SELECT count(*)::text AS n FROM notifications WHERE kind = 'email_delayed'`,
  ),
  sentEventsTwice: await q(
    `SELECT count(*)::text AS n FROM (SELECT data->>'messageId' FROM case_events WHERE type = 'email_sent' GROUP BY 1 HAVING count(*) > 1) x`,
  ),
  emailJobsWaiting: await q(
    `SELECT count(*)::text AS n FROM pgboss.job WHERE name = 'email-send' AND state < 'completed'`,
  ),
  smsAndSocialWaitingForAProvider: await q(
    `SELECT count(*)::text AS n FROM pgboss.job WHERE name IN ('sms-send', 'social-send') AND state < 'completed'`,
  ),
  emailJobsFailed: await q(
    `SELECT count(*)::text AS n FROM pgboss.job WHERE name = 'email-send' AND state = 'failed'`,
  ),
};
const stored = await database.pool.query<{ id: string }>(`SELECT id FROM cases`);
const storedIds = new Set(stored.rows.map((r) => r.id));
const lost = [...acknowledged.keys()].filter((id) => !storedIds.has(id)).length;
const doubled = [...acknowledged.values()].filter((v) => v > 1).length;

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
const report = {
  mode: isChaos ? 'chaos' : 'load',
  seconds: Number(elapsed.toFixed(1)),
  concurrency: CONCURRENCY,
  requests: latencies.length,
  throughputPerSecond: Number((latencies.length / elapsed).toFixed(1)),
  p50ms: pct(50),
  p99ms: pct(99),
  networkFailures: failures,
  byKindAndStatus: counts,
  acknowledgedCases: acknowledged.size,
  acknowledgedButLost: lost,
  acknowledgedTwice: doubled,
  promisesMade: promisesMade.length,
  drainSeconds,
  jobsStillDue: backlog,
  effects,
  mail,
  faults,
  loadAverageBefore: loadBefore,
  loadAverageAfter: loadavg().map((l) => Number(l.toFixed(2))),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

for (const s of servers) if (s && s.exitCode === null) s.kill('SIGTERM');
const tail = servers.map((s) => s?.exitCode ?? s?.signalCode ?? 'running');
process.stdout.write(`instances at the end: ${JSON.stringify(tail)}\n`);
await sleep(3000);
for (const s of servers) if (s && s.exitCode === null && s.signalCode === null) s.kill('SIGKILL');
await database.close();
await stopSmtp();
await pg?.stop();
await rm(dir, { recursive: true, force: true });
const isBroken =
  lost > 0 ||
  doubled > 0 ||
  effects.casesAcknowledgedTwice !== '0' ||
  effects.promisesSettledTwice !== '0' ||
  effects.remindersTwice !== '0' ||
  effects.slaEventsTwice !== '0' ||
  mail.deliveredTwice > mail.doubledByTheKill ||
  mail.notDelivered > 0 ||
  mail.delayedShownTwice !== '0' ||
  mail.sentEventsTwice !== '0';
process.exit(isBroken ? 1 : 0);
