// Adds a reply template, or changes one when an id is given (admins keep the set).
import { TemplateInput } from '../../contracts/workspace.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { findTemplateByName, insertTemplate, updateTemplate } from './template.repo.ts';

export async function saveTemplate(ctx: Ctx, raw: unknown, id?: string) {
  authorize(ctx, 'settings.write');
  const input = parseInput(TemplateInput, raw);
  return ctx.database.db.transaction(async (tx) => {
    const clash = await findTemplateByName(tx, input.name);
    if (clash && clash.id !== id) {
      throw new DomainError('conflict', 'A template with this name already exists.', [
        { path: 'name', message: 'Already in use.' },
      ]);
    }
    if (!id) return insertTemplate(tx, input);
    const updated = await updateTemplate(tx, id, { ...input, updatedAt: ctx.now() });
    if (!updated) throw notFound('Reply template');
    return updated;
  });
}
