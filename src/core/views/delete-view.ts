import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { personOf } from './view-owner.ts';
import { deleteViewOf } from './view.repo.ts';

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'case.read');
  if (!(await deleteViewOf(ctx.database.db, personOf(ctx), id))) throw notFound('Saved view');
}
