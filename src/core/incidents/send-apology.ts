// R23: a personal apology to every affected customer, once per incident, on their own channel.
// Customers attached later get it too (see attach-cases.ts and import-customers.ts).
import { ApologyInput } from '../../contracts/incidents.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { publishMessage } from './broadcast.ts';
import { autoTick } from './checklist.ts';
import { DEFAULT_APOLOGY } from './incident.rules.ts';
import { listUpdates, lockIncident } from './incident.repo.ts';

export async function sendApology(
  ctx: Ctx,
  incidentId: string,
  raw: unknown,
  opts: { publicUrl?: string } = {},
) {
  authorize(ctx, 'incidents.manage');
  const input = parseInput(ApologyInput, raw ?? {});
  return ctx.database.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const [latest] = await listUpdates(tx, incident.id);
    const result = await publishMessage(ctx, tx, incident, {
      kind: 'apology',
      template: input.template ?? DEFAULT_APOLOGY,
      whatChanged: latest?.body ?? incident.whatFailed,
      ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
    });
    await autoTick(tx, ctx, incident.id, 'apology_sent');
    return result;
  });
}
