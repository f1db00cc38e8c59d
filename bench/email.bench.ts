// Emails parsed and filed per second through the SMTP listener (nodemailer over loopback, one
// pooled connection), against parsing the same messages in-process with no SMTP and no database.
import nodemailer from 'nodemailer';
import { parseMime } from '../src/channels/email/parse-mime.ts';
import { startSmtpListener } from '../src/channels/email/smtp-listener.ts';
import { receiveEmail } from '../src/core/intake/receive-email.ts';
import { silentLogger } from '../src/core/shared/context.ts';
import type { Database } from '../src/db/client.ts';
import { noJobs } from '../src/jobs/queue.ts';
import type { Figure } from './figures.ts';

const COUNT = Number(process.env.BENCH_EMAILS ?? 300);

function message(i: number): string {
  return [
    `From: Customer ${i} <customer${i}@example.com>`,
    'To: support@shop.example',
    `Subject: Order ${1000 + i} arrived damaged`,
    `Message-ID: <bench-${i}-${Date.now()}@example.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `My order ${1000 + i} arrived with the box crushed and the vase inside broken. I need a replacement before Friday.`,
    '',
  ].join('\r\n');
}

export async function benchEmail(database: Database): Promise<Figure[]> {
  const ctx = {
    actor: { kind: 'system' as const, name: 'bench' },
    database,
    now: () => new Date(),
    log: silentLogger,
    jobs: noJobs,
  };
  let filed = 0;
  const listener = await startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    maxBytes: 1_000_000,
    handle: async (raw) => {
      await receiveEmail(ctx, await parseMime(raw));
      filed++;
    },
  });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port,
    pool: true,
    maxConnections: 4,
    ignoreTLS: true,
  });
  try {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: COUNT }, (_, i) =>
        transport.sendMail({
          envelope: { from: `customer${i}@example.com`, to: ['support@shop.example'] },
          raw: message(i),
        }),
      ),
    );
    const smtpRate = filed / ((performance.now() - t0) / 1000);
    const t1 = performance.now();
    for (let i = 0; i < COUNT; i++) await parseMime(Buffer.from(message(i)));
    const parseRate = COUNT / ((performance.now() - t1) / 1000);
    return [
      {
        name: 'emails filed via SMTP',
        value: smtpRate,
        unit: 'emails/s',
        baseline: { name: 'parse only, in-process', value: parseRate },
        ratio: smtpRate / parseRate,
      },
    ];
  } finally {
    transport.close();
    await listener.close();
  }
}
