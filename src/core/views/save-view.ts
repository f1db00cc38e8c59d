// Saves a view by name: the same name again replaces its filters.
import { SavedViewInput } from '../../contracts/workspace.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { MAX_VIEWS, personOf, publicView } from './view-owner.ts';
import { upsertView, viewsOf } from './view.repo.ts';

export async function saveView(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'case.read');
  const userId = personOf(ctx);
  const input = parseInput(SavedViewInput, raw);
  return ctx.database.db.transaction(async (tx) => {
    const existing = await viewsOf(tx, userId);
    if (existing.length >= MAX_VIEWS && !existing.some((v) => v.name === input.name)) {
      throw new DomainError('conflict', `Keep at most ${MAX_VIEWS} saved views.`, [
        { path: 'name', message: 'Delete a view you no longer use first.' },
      ]);
    }
    return publicView(await upsertView(tx, { userId, ...input }));
  });
}
