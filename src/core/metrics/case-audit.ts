// R25: the audit view of one case — its whole append-only timeline, in order, for a quality lead
// or a regulator. Exported as JSON or CSV by the API.
import { findCase, listEvents } from '../cases/case.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { toCsv } from './metrics.rules.ts';

export async function getCaseAudit(ctx: Ctx, idOrRef: string) {
  authorize(ctx, 'metrics.read');
  const db = ctx.database.db;
  const row = await findCase(db, idOrRef);
  if (!row) throw notFound(`Case ${idOrRef}`);
  const events = await listEvents(db, row.id);
  return {
    case: {
      id: row.id,
      reference: row.reference,
      channel: row.channel,
      category: row.category,
      status: row.status,
      receivedAt: row.receivedAt,
      closedAt: row.closedAt,
    },
    exportedAt: ctx.now(),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      type: e.type,
      actorId: e.actorId,
      actor: e.actorLabel,
      data: e.data,
    })),
  };
}

export function caseAuditCsv(audit: Awaited<ReturnType<typeof getCaseAudit>>): string {
  return toCsv(
    ['reference', 'event_id', 'at', 'type', 'actor', 'actor_id', 'data'],
    audit.events.map((e) => [
      audit.case.reference,
      e.id,
      e.at,
      e.type,
      e.actor,
      e.actorId,
      JSON.stringify(e.data),
    ]),
  );
}
