// Keeps the files that came with a case change, inside that change's transaction: each file is
// checked against the limits, kept ones are stored and written to the timeline, refused ones
// are written to the timeline with the reason (and, for email, the owner is told), so the
// customer's words are never lost because of a file and nothing is half-stored.
import { createHash } from 'node:crypto';
import type { AttachmentMeta, AttachmentPurpose } from '../../contracts/attachments.ts';
import type { Tx } from '../../db/client.ts';
import type { CaseRow } from '../cases/case.repo.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { insertAttachment } from './attachment.repo.ts';
import { checkAttachment, safeFilename, type AttachmentPolicy } from './attachment.rules.ts';

export interface IncomingFile {
  filename: string | null;
  contentType: string;
  content: Uint8Array;
}

export interface KeepResult {
  kept: AttachmentMeta[];
  refused: Array<{ filename: string; reason: string }>;
}

export async function keepAttachments(
  ctx: Ctx,
  tx: Tx,
  row: CaseRow,
  files: readonly IncomingFile[],
  opts: {
    policy: AttachmentPolicy;
    source: 'email' | 'staff';
    purpose?: AttachmentPurpose;
    messageId?: string;
    now: Date;
  },
): Promise<KeepResult> {
  const result: KeepResult = { kept: [], refused: [] };
  for (const [index, file] of files.entries()) {
    const check =
      index < opts.policy.maxPerMessage
        ? checkAttachment(opts.policy, {
            filename: file.filename,
            declaredType: file.contentType,
            bytes: file.content,
          })
        : {
            ok: false as const,
            reason: `${safeFilename(file.filename)}: at most ${opts.policy.maxPerMessage} files are kept from one message.`,
          };
    if (!check.ok) {
      result.refused.push({ filename: safeFilename(file.filename), reason: check.reason });
      await record(tx, ctx, row.id, 'attachment_refused', {
        filename: safeFilename(file.filename),
        reason: check.reason,
        source: opts.source,
        sizeBytes: file.content.length,
      });
      continue;
    }
    const kept = await insertAttachment(tx, {
      caseId: row.id,
      messageId: opts.messageId ?? null,
      source: opts.source,
      purpose: opts.purpose ?? 'file',
      filename: check.filename,
      contentType: check.contentType,
      sizeBytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: Buffer.from(file.content),
      uploadedBy: actorId(ctx),
      createdAt: opts.now,
    });
    result.kept.push(kept);
    await record(tx, ctx, row.id, 'attachment_added', {
      attachmentId: kept.id,
      filename: kept.filename,
      contentType: kept.contentType,
      sizeBytes: kept.sizeBytes,
      source: kept.source,
      purpose: kept.purpose,
      ...(opts.messageId ? { messageId: opts.messageId } : {}),
    });
  }
  if (opts.source === 'email' && result.refused.length > 0 && row.ownerId) {
    await notify(tx, {
      userId: row.ownerId,
      caseId: row.id,
      kind: 'attachment_refused',
      message:
        `${row.reference}: ${result.refused.length} attachment(s) from the customer were not kept: ${result.refused.map((r) => r.reason).join(' ')}`.slice(
          0,
          1000,
        ),
    });
  }
  return result;
}
