// A message meant for the customer on a channel we can send through (email, text message,
// social direct message)
// goes out through a durable job queued in the caller's transaction.
import { JOBS } from '../../contracts/jobs.ts';
import type { Tx } from '../../db/client.ts';
import type { MessageRow } from '../cases/message.repo.ts';
import type { Ctx } from '../shared/context.ts';

export async function queueDelivery(ctx: Ctx, tx: Tx, message: MessageRow): Promise<void> {
  if (message.direction !== 'out') return;
  const jobs: Record<string, { name: string }> = {
    email: JOBS.sendEmail,
    sms: JOBS.sendSms,
    social: JOBS.sendSocial,
  };
  const job = jobs[message.channel];
  if (job) await ctx.jobs.send(tx, [{ name: job.name, data: { messageId: message.id } }]);
}
