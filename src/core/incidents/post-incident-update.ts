// A timestamped public update, optionally moving the status (open → monitoring → resolved), and
// by default sent to every affected customer with {{whatChanged}} set to its text.
import { IncidentUpdateInput, type IncidentStatus } from '../../contracts/incidents.ts';
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { checkTemplate, publishMessage } from './broadcast.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import { canMove, DEFAULT_UPDATE, TRANSITIONS } from './incident.rules.ts';
import { insertUpdate, lockIncident, updateIncident } from './incident.repo.ts';

export async function postIncidentUpdate(
  ctx: Ctx,
  incidentId: string,
  raw: unknown,
  opts: { publicUrl?: string } = {},
) {
  authorize(ctx, 'incidents.manage');
  const input = parseInput(IncidentUpdateInput, raw);
  if (input.template) checkTemplate(input.template);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const from = incident.status as IncidentStatus;
    const to = input.status && input.status !== from ? input.status : null;
    if (to && !canMove(from, to)) {
      throw new DomainError(
        'precondition_failed',
        `An incident that is ${from} cannot become ${to}; it can become ${TRANSITIONS[from].join(' or ')}.`,
      );
    }
    const update = await insertUpdate(tx, {
      incidentId: incident.id,
      body: input.body,
      status: to,
      authorId: actorId(ctx),
      createdAt: now,
    });
    const row = await updateIncident(tx, incident.id, {
      updatedAt: now,
      ...(to ? { status: to, resolvedAt: to === 'resolved' ? now : null } : {}),
    });
    await recordIncidentEvent(tx, ctx, incident.id, 'update_posted', {
      updateId: update.id,
      notifyCustomers: input.notifyCustomers,
    });
    if (to) await recordIncidentEvent(tx, ctx, incident.id, 'status_changed', { from, to });
    const broadcast = input.notifyCustomers
      ? await publishMessage(ctx, tx, row, {
          kind: 'update',
          template: input.template ?? DEFAULT_UPDATE,
          whatChanged: input.body,
          updateId: update.id,
          ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
        })
      : null;
    return { incident: row, update, broadcast };
  });
}
