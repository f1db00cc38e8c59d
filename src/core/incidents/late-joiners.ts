// Customers attached after the apology went out get the apology too, exactly once.
import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../shared/context.ts';
import { fanOut, queueBroadcast } from './broadcast.ts';
import { findApology } from './delivery.repo.ts';

export async function apologiseToLateJoiners(
  ctx: Ctx,
  tx: Tx,
  incidentId: string,
  customerIds: string[],
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const apology = await findApology(tx, incidentId);
  if (!apology) return 0;
  const added = await fanOut(tx, apology, ctx.now(), customerIds);
  if (added > 0) await queueBroadcast(ctx, tx, apology.id);
  return added;
}
