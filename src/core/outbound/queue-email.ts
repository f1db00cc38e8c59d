// A message meant for the customer on the email channel goes out through a durable job.
import { JOBS } from '../../contracts/jobs.ts';
import type { Tx } from '../../db/client.ts';
import type { MessageRow } from '../cases/message.repo.ts';
import type { Ctx } from '../shared/context.ts';

export async function queueEmail(ctx: Ctx, tx: Tx, message: MessageRow): Promise<void> {
  if (message.direction !== 'out' || message.channel !== 'email') return;
  await ctx.jobs.send(tx, [{ name: JOBS.sendEmail.name, data: { messageId: message.id } }]);
}
