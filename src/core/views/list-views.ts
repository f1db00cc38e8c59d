import { authorize, type Ctx } from '../shared/context.ts';
import { personOf, publicView } from './view-owner.ts';
import { viewsOf } from './view.repo.ts';

export async function listViews(ctx: Ctx) {
  authorize(ctx, 'case.read');
  return (await viewsOf(ctx.database.db, personOf(ctx))).map(publicView);
}
