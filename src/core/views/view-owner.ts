// Each person's saved inbox views: a name and a filter set, kept on the server so they follow
// the person from machine to machine.
import { ViewFilters } from '../../contracts/workspace.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import type { SavedViewRow } from './view.repo.ts';

export const MAX_VIEWS = 50;

export function personOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') {
    throw new DomainError('forbidden', 'Saved views belong to a person; sign in as one.');
  }
  return ctx.actor.id;
}

export function publicView(row: SavedViewRow) {
  // A stored filter set that no longer parses (a vocabulary changed) shows as an empty one.
  const filters = ViewFilters.safeParse(row.filters);
  return {
    id: row.id,
    name: row.name,
    filters: filters.success ? filters.data : {},
    createdAt: row.createdAt,
  };
}
