// The spokesperson's statement (R14, R23): the one text the public page shows and the broadcast
// templates quote as {{statement}}. Only a spokesperson or an admin may publish it; a new
// statement replaces the current one and the old ones stay on record.
import { StatementInput } from '../../contracts/incidents.ts';
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { autoTick } from './checklist.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import { insertStatement, lockIncident, updateIncident } from './incident.repo.ts';

export async function publishStatement(ctx: Ctx, incidentId: string, raw: unknown) {
  authorize(ctx, 'statements.publish');
  const input = parseInput(StatementInput, raw);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const statement = await insertStatement(tx, {
      incidentId: incident.id,
      body: input.body,
      publishedBy: actorId(ctx),
      publishedAt: now,
    });
    await updateIncident(tx, incident.id, { updatedAt: now });
    await recordIncidentEvent(tx, ctx, incident.id, 'statement_published', {
      statementId: statement.id,
    });
    await autoTick(tx, ctx, incident.id, 'statement_published');
    return statement;
  });
}
