import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { attachments } from '../../db/schema.ts';
import type { AttachmentMeta } from '../../contracts/attachments.ts';

export type NewAttachment = typeof attachments.$inferInsert;

/** Everything but the bytes: listings never read file contents. */
const meta = {
  id: attachments.id,
  caseId: attachments.caseId,
  messageId: attachments.messageId,
  source: attachments.source,
  purpose: attachments.purpose,
  filename: attachments.filename,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
};

export async function insertAttachment(tx: DbOrTx, row: NewAttachment): Promise<AttachmentMeta> {
  const [created] = await tx.insert(attachments).values(row).returning(meta);
  if (!created) throw new Error('insert into attachments returned no row');
  return created as AttachmentMeta;
}

export async function listAttachments(db: DbOrTx, caseId: string): Promise<AttachmentMeta[]> {
  const rows = await db
    .select(meta)
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.createdAt), asc(attachments.filename), asc(attachments.id));
  return rows as AttachmentMeta[];
}

export async function findAttachmentFile(db: DbOrTx, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}
