// Storage for incidents, their updates, statements, checklist and timeline. Only repositories
// touch Drizzle tables.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  incidentCases,
  incidentChecklist,
  incidentCustomers,
  incidentEvents,
  incidentStatements,
  incidentUpdates,
  incidents,
} from '../../db/schema.ts';
import { notFound } from '../shared/errors.ts';

export type IncidentRow = typeof incidents.$inferSelect;
export type UpdateRow = typeof incidentUpdates.$inferSelect;
export type StatementRow = typeof incidentStatements.$inferSelect;
export type ChecklistRow = typeof incidentChecklist.$inferSelect;

export async function insertIncident(tx: DbOrTx, row: typeof incidents.$inferInsert) {
  const [created] = await tx.insert(incidents).values(row).returning();
  if (!created) throw new Error('insert into incidents returned no row');
  return created;
}

const byIdOrSlug = (idOrSlug: string): SQL =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug)
    ? eq(incidents.id, idOrSlug)
    : eq(incidents.slug, idOrSlug);

export async function findIncident(tx: DbOrTx, idOrSlug: string): Promise<IncidentRow | null> {
  const [row] = await tx.select().from(incidents).where(byIdOrSlug(idOrSlug));
  return row ?? null;
}

/** Locks the incident so concurrent changes (status, attachments, broadcasts) queue up. */
export async function lockIncident(tx: DbOrTx, idOrSlug: string): Promise<IncidentRow> {
  const [row] = await tx.select().from(incidents).where(byIdOrSlug(idOrSlug)).for('update');
  if (!row) throw notFound(`Incident ${idOrSlug}`);
  return row;
}

export async function updateIncident(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof incidents.$inferInsert>,
): Promise<IncidentRow> {
  const [row] = await tx.update(incidents).set(patch).where(eq(incidents.id, id)).returning();
  if (!row) throw notFound(`Incident ${id}`);
  return row;
}

export async function listIncidentRows(tx: DbOrTx, status?: string) {
  const where =
    status === 'active'
      ? sql`${incidents.status} <> 'resolved'`
      : status
        ? eq(incidents.status, status)
        : undefined;
  return tx.select().from(incidents).where(where).orderBy(desc(incidents.createdAt)).limit(500);
}

export async function insertUpdate(tx: DbOrTx, row: typeof incidentUpdates.$inferInsert) {
  const [created] = await tx.insert(incidentUpdates).values(row).returning();
  if (!created) throw new Error('insert into incident_updates returned no row');
  return created;
}

export async function listUpdates(tx: DbOrTx, incidentId: string): Promise<UpdateRow[]> {
  return tx
    .select()
    .from(incidentUpdates)
    .where(eq(incidentUpdates.incidentId, incidentId))
    .orderBy(desc(incidentUpdates.createdAt), desc(incidentUpdates.id));
}

export async function insertStatement(tx: DbOrTx, row: typeof incidentStatements.$inferInsert) {
  const [created] = await tx.insert(incidentStatements).values(row).returning();
  if (!created) throw new Error('insert into incident_statements returned no row');
  return created;
}

export async function currentStatement(
  tx: DbOrTx,
  incidentId: string,
): Promise<StatementRow | null> {
  const [row] = await tx
    .select()
    .from(incidentStatements)
    .where(eq(incidentStatements.incidentId, incidentId))
    .orderBy(desc(incidentStatements.publishedAt), desc(incidentStatements.id))
    .limit(1);
  return row ?? null;
}

export async function insertChecklist(
  tx: DbOrTx,
  rows: Array<typeof incidentChecklist.$inferInsert>,
) {
  if (rows.length > 0) await tx.insert(incidentChecklist).values(rows).onConflictDoNothing();
}

export async function listChecklist(tx: DbOrTx, incidentId: string): Promise<ChecklistRow[]> {
  return tx
    .select()
    .from(incidentChecklist)
    .where(eq(incidentChecklist.incidentId, incidentId))
    .orderBy(asc(incidentChecklist.position));
}

export async function setChecklistItem(
  tx: DbOrTx,
  incidentId: string,
  key: string,
  done: { by: string | null; label: string; at: Date } | null,
): Promise<ChecklistRow | null> {
  const [row] = await tx
    .update(incidentChecklist)
    .set({ doneBy: done?.by ?? null, doneByLabel: done?.label ?? null, doneAt: done?.at ?? null })
    .where(and(eq(incidentChecklist.incidentId, incidentId), eq(incidentChecklist.key, key)))
    .returning();
  return row ?? null;
}

export async function findChecklistItem(tx: DbOrTx, incidentId: string, key: string) {
  const [row] = await tx
    .select()
    .from(incidentChecklist)
    .where(and(eq(incidentChecklist.incidentId, incidentId), eq(incidentChecklist.key, key)));
  return row ?? null;
}

export async function insertIncidentEvent(tx: DbOrTx, event: typeof incidentEvents.$inferInsert) {
  await tx.insert(incidentEvents).values(event);
}

export async function listIncidentEvents(tx: DbOrTx, incidentId: string) {
  return tx
    .select()
    .from(incidentEvents)
    .where(eq(incidentEvents.incidentId, incidentId))
    .orderBy(asc(incidentEvents.id));
}

export async function attachedCounts(tx: DbOrTx, incidentIds: string[]) {
  const out = new Map<string, { customers: number; cases: number }>();
  if (incidentIds.length === 0) return out;
  for (const id of incidentIds) out.set(id, { customers: 0, cases: 0 });
  const customers = await tx
    .select({ id: incidentCustomers.incidentId, n: sql<number>`count(*)::int` })
    .from(incidentCustomers)
    .where(inArray(incidentCustomers.incidentId, incidentIds))
    .groupBy(incidentCustomers.incidentId);
  const cases = await tx
    .select({ id: incidentCases.incidentId, n: sql<number>`count(*)::int` })
    .from(incidentCases)
    .where(inArray(incidentCases.incidentId, incidentIds))
    .groupBy(incidentCases.incidentId);
  for (const r of customers) out.get(r.id)!.customers = r.n;
  for (const r of cases) out.get(r.id)!.cases = r.n;
  return out;
}
