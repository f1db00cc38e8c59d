// Reading incidents: the staff view (everything, with broadcast progress), the list, and the
// public view (what the incident page shows, nothing personal).
import type { IncidentStatus } from '../../contracts/incidents.ts';
import { ListDeliveriesQuery, ListIncidentsQuery } from '../../contracts/incidents.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import {
  findIncidentMessage,
  listDeliveries,
  listIncidentMessages,
  progressOf,
} from './delivery.repo.ts';
import { statusInWords } from './incident.rules.ts';
import {
  attachedCounts,
  currentStatement,
  findIncident,
  listChecklist,
  listIncidentEvents,
  listIncidentRows,
  listUpdates,
} from './incident.repo.ts';

export async function getIncident(ctx: Ctx, idOrSlug: string) {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const incident = await findIncident(db, idOrSlug);
  if (!incident) throw notFound(`Incident ${idOrSlug}`);
  const [updates, statement, checklist, messages, counts, timeline] = await Promise.all([
    listUpdates(db, incident.id),
    currentStatement(db, incident.id),
    listChecklist(db, incident.id),
    listIncidentMessages(db, incident.id),
    attachedCounts(db, [incident.id]),
    listIncidentEvents(db, incident.id),
  ]);
  const progress = await progressOf(
    db,
    messages.map((m) => m.id),
  );
  return {
    incident,
    statement,
    updates,
    checklist,
    affected: counts.get(incident.id) ?? { customers: 0, cases: 0 },
    broadcasts: messages.map((m) => {
      const byStatus = progress.get(m.id) ?? {};
      const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
      return {
        id: m.id,
        kind: m.kind,
        subject: m.subject,
        createdAt: m.createdAt,
        total,
        done: total - (byStatus.pending ?? 0),
        byStatus,
      };
    }),
    timeline,
  };
}

export async function listIncidents(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'case.read');
  const q = parseInput(ListIncidentsQuery, raw ?? {});
  const db = ctx.database.db;
  const rows = await listIncidentRows(db, q.status);
  const counts = await attachedCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, affected: counts.get(r.id) ?? { customers: 0, cases: 0 } }));
}

export async function listBroadcastDeliveries(
  ctx: Ctx,
  incidentId: string,
  messageId: string,
  raw: unknown,
) {
  authorize(ctx, 'case.read');
  const q = parseInput(ListDeliveriesQuery, raw ?? {});
  const db = ctx.database.db;
  const incident = await findIncident(db, incidentId);
  const message = await findIncidentMessage(db, messageId);
  if (!incident || !message || message.incidentId !== incident.id)
    throw notFound(`Broadcast ${messageId}`);
  return listDeliveries(db, message.id, q);
}

/** The public page's content: no login, nothing about any customer. */
export async function viewPublicIncident(ctx: Ctx, slug: string) {
  const db = ctx.database.db;
  const incident = /^[a-z0-9-]{1,100}$/.test(slug) ? await findIncident(db, slug) : null;
  if (!incident || incident.slug !== slug) throw notFound('The incident');
  const [updates, statement, settings] = await Promise.all([
    listUpdates(db, incident.id),
    currentStatement(db, incident.id),
    loadSettings(db),
  ]);
  const status = incident.status as IncidentStatus;
  return {
    organisation: settings.name,
    timeZone: settings.calendar.timeZone,
    title: incident.title,
    whatFailed: incident.whatFailed,
    scope: incident.scope,
    startedAt: incident.startedAt,
    status,
    statusText: statusInWords(status),
    resolvedAt: incident.resolvedAt,
    statement: statement ? { body: statement.body, publishedAt: statement.publishedAt } : null,
    updates: updates.map((u) => ({ body: u.body, status: u.status, at: u.createdAt })),
  };
}
