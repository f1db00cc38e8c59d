// Case files are for staff only: the customer portal never lists or serves them, and an API
// caller needs a signed-in staff member or a token with cases:read.
import { findCase } from '../cases/case.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { findAttachmentFile, listAttachments } from './attachment.repo.ts';

function staffOnly(ctx: Ctx): void {
  if (ctx.actor.kind !== 'user')
    throw new DomainError('forbidden', 'Case files are for staff only.');
  authorize(ctx, 'case.read');
}

export async function getAttachmentFile(ctx: Ctx, id: string) {
  staffOnly(ctx);
  const file = /^[0-9a-f-]{36}$/i.test(id) ? await findAttachmentFile(ctx.database.db, id) : null;
  if (!file) throw notFound(`Attachment ${id}`);
  return file;
}

export async function listCaseAttachments(ctx: Ctx, caseId: string) {
  staffOnly(ctx);
  const row = await findCase(ctx.database.db, caseId);
  if (!row) throw notFound(`Case ${caseId}`);
  return listAttachments(ctx.database.db, row.id);
}
