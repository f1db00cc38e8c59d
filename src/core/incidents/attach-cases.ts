// R23: attach the cases an incident touched — and so their customers — in bulk, by the case
// list's own filters or by references. `preview` counts and writes nothing.
import { AttachCasesInput } from '../../contracts/incidents.ts';
import { todayBounds } from '../sla/today.rules.ts';
import { caseFilterWhere } from '../cases/case-search.repo.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { actorId, actorLabel, authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import {
  casesByReferences,
  casesMatching,
  linkCases,
  linkCustomers,
  recordOnCases,
  type CaseRef,
} from './attach.repo.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import { lockIncident } from './incident.repo.ts';
import { apologiseToLateJoiners } from './late-joiners.ts';

export const MAX_ATTACH = 100_000;

async function pick(ctx: Ctx, input: ReturnType<typeof AttachCasesInput.parse>) {
  const db = ctx.database.db;
  if (input.references) {
    const found = await casesByReferences(db, input.references);
    const known = new Set(found.map((f) => f.reference));
    const missing = input.references.filter((r) => !known.has(r.toUpperCase()));
    if (missing.length > 0) {
      throw new DomainError(
        'validation',
        'Some fields are not valid.',
        missing.slice(0, 50).map((r) => ({
          path: `references.${input.references!.indexOf(r)}`,
          message: `No case ${r}.`,
        })),
      );
    }
    return found;
  }
  const { dueSoonMinutes, calendar } = await loadSettings(db);
  const now = ctx.now();
  const where = caseFilterWhere(input.filter ?? {}, {
    now,
    dueSoonMs: dueSoonMinutes * 60_000,
    endOfToday: todayBounds(now, calendar.timeZone).end,
  });
  const rows = await casesMatching(db, where, MAX_ATTACH);
  if (rows.length > MAX_ATTACH) {
    throw new DomainError(
      'limit_exceeded',
      `More than ${MAX_ATTACH} cases match; narrow the filter and attach in parts.`,
    );
  }
  return rows;
}

export async function attachCases(ctx: Ctx, incidentId: string, raw: unknown) {
  authorize(ctx, 'incidents.manage');
  const input = parseInput(AttachCasesInput, raw);
  const rows: CaseRef[] = await pick(ctx, input);
  if (input.preview) {
    return {
      isPreview: true,
      matched: rows.length,
      customers: new Set(rows.map((r) => r.customerId)).size,
    };
  }
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const added = await linkCases(tx, incident.id, rows, actorId(ctx), now);
    const newCustomers = await linkCustomers(
      tx,
      incident.id,
      added.map((r) => r.customerId),
      'case',
      actorId(ctx),
      now,
    );
    await recordOnCases(
      tx,
      added.map((r) => r.id),
      {
        at: now,
        actorId: actorId(ctx),
        actorLabel: actorLabel(ctx),
        type: 'incident_linked',
        data: { incidentId: incident.id, title: incident.title, slug: incident.slug },
      },
    );
    await recordIncidentEvent(tx, ctx, incident.id, 'cases_attached', {
      matched: rows.length,
      casesAdded: added.length,
      customersAdded: newCustomers.length,
      ...(input.filter ? { filter: input.filter } : { references: input.references?.length }),
    });
    const apologies = await apologiseToLateJoiners(ctx, tx, incident.id, newCustomers);
    return {
      isPreview: false,
      matched: rows.length,
      casesAdded: added.length,
      customersAdded: newCustomers.length,
      apologiesQueued: apologies,
    };
  });
}
