// The weekly digest job: each active manager gets last week's digest by email exactly once. The
// effect key is claimed in the same transaction that sends, so a failed send leaves it unclaimed
// (the job retries) and a second worker waits on the claim and then skips.
import { loadSettings } from '../settings/settings.repo.ts';
import type { Mailer } from '../outbound/mailer.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { computeMetrics } from './compute-metrics.ts';
import { brokenPromises, digestRecipients, problemCosts } from './digest.repo.ts';
import { DIGEST_METRICS, digestText, digestWeek } from './digest.rules.ts';

export interface DigestOutcome {
  week: string;
  sent: string[];
  skipped: string[];
}

export async function sendWeeklyDigest(
  ctx: Ctx,
  mailer: Mailer,
  opts: { publicUrl?: string } = {},
): Promise<DigestOutcome> {
  const db = ctx.database.db;
  const { calendar } = await loadSettings(db);
  const week = digestWeek(ctx.now(), calendar.timeZone);
  const outcome: DigestOutcome = { week: week.label, sent: [], skipped: [] };
  const recipients = await digestRecipients(db);
  if (recipients.length === 0) return outcome;
  const system: Ctx = { ...ctx, actor: { kind: 'system', name: 'weekly-digest' } };
  const report = await computeMetrics(system, {
    metrics: DIGEST_METRICS.join(','),
    from: week.previousFrom.toISOString(),
    to: week.to.toISOString(),
    bucket: 'week',
  });
  const problems = await problemCosts(db, week.from, week.to);
  const broken = await brokenPromises(db, week.from, week.to);
  for (const r of recipients) {
    const { subject, text } = digestText({
      recipient: r.name,
      weekTitle: week.title,
      timeZone: calendar.timeZone,
      results: report.metrics,
      problems,
      broken,
      ...(opts.publicUrl ? { dashboardUrl: `${opts.publicUrl.replace(/\/$/, '')}/dashboard` } : {}),
    });
    const isSent = await db.transaction(async (tx) => {
      if (!(await claimEffect(tx, `weekly-digest:${week.label}:${r.id}`, ctx.now()))) return false;
      await mailer.send({
        from: mailer.from,
        to: r.email,
        subject,
        text,
        messageId: `<digest.${week.label}.${r.id}@${mailer.domain}>`,
        isAutomatic: true,
      });
      return true;
    });
    (isSent ? outcome.sent : outcome.skipped).push(r.email);
  }
  ctx.log.info({ week: week.label, sent: outcome.sent.length }, 'weekly digest');
  return outcome;
}
