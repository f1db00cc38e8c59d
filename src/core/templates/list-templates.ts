// Reply templates, for every agent's composer.
import { authorize, type Ctx } from '../shared/context.ts';
import { allTemplates } from './template.repo.ts';

export async function listTemplates(ctx: Ctx) {
  authorize(ctx, 'case.read');
  return allTemplates(ctx.database.db);
}
