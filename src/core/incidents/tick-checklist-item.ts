// Damage control: tick (or untick) an item with who and when, or add an item of your own.
import { ChecklistItemInput, ChecklistTickInput } from '../../contracts/incidents.ts';
import { actorId, actorLabel, authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import {
  findChecklistItem,
  insertChecklist,
  listChecklist,
  lockIncident,
  setChecklistItem,
} from './incident.repo.ts';

export async function tickChecklistItem(ctx: Ctx, incidentId: string, key: string, raw: unknown) {
  authorize(ctx, 'incidents.manage');
  const input = parseInput(ChecklistTickInput, raw ?? {});
  return ctx.database.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const item = await findChecklistItem(tx, incident.id, key);
    if (!item) throw notFound(`Checklist item ${key}`);
    if (Boolean(item.doneAt) === input.isDone) return item;
    const done = input.isDone ? { by: actorId(ctx), label: actorLabel(ctx), at: ctx.now() } : null;
    const row = await setChecklistItem(tx, incident.id, key, done);
    await recordIncidentEvent(
      tx,
      ctx,
      incident.id,
      input.isDone ? 'checklist_ticked' : 'checklist_unticked',
      { key },
    );
    return row;
  });
}

export async function addChecklistItem(ctx: Ctx, incidentId: string, raw: unknown) {
  authorize(ctx, 'incidents.manage');
  const input = parseInput(ChecklistItemInput, raw);
  return ctx.database.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const items = await listChecklist(tx, incident.id);
    const key = `custom_${items.length + 1}`;
    await insertChecklist(tx, [
      { incidentId: incident.id, key, label: input.label, position: items.length },
    ]);
    await recordIncidentEvent(tx, ctx, incident.id, 'checklist_item_added', {
      key,
      label: input.label,
    });
    return findChecklistItem(tx, incident.id, key);
  });
}
