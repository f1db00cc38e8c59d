import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { removeTemplate } from './template.repo.ts';

export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'settings.write');
  if (!(await removeTemplate(ctx.database.db, id))) throw notFound('Reply template');
}
