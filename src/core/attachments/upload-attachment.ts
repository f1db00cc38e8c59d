// Staff add a file to a case: a scanned letter, a photo handed over at the counter. Refused with
// the exact reason (size, type, a content that is not what it claims) and nothing stored.
import { AttachmentUploadQuery } from '../../contracts/attachments.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { findMessage } from '../outbound/outbound.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import type { AttachmentPolicy } from './attachment.rules.ts';
import { keepAttachments } from './keep-attachments.ts';

export async function uploadAttachment(
  ctx: Ctx,
  caseId: string,
  raw: unknown,
  content: Uint8Array,
  policy: AttachmentPolicy,
  contentType = 'application/octet-stream',
) {
  const input = parseInput(AttachmentUploadQuery, raw);
  return mutateCase(
    ctx,
    caseId,
    async ({ tx, row, now }) => {
      const message = input.messageId ? await findMessage(tx, input.messageId) : null;
      if (input.messageId && message?.caseId !== row.id)
        throw new DomainError('validation', 'Some fields are not valid.', [
          { path: 'messageId', message: `No such message on case ${row.reference}.` },
        ]);
      const { kept, refused } = await keepAttachments(
        ctx,
        tx,
        row,
        [{ filename: input.filename, contentType, content }],
        {
          policy,
          source: 'staff',
          purpose: input.purpose,
          now,
          ...(message ? { messageId: message.id } : {}),
        },
      );
      const [attachment] = kept;
      if (!attachment) {
        const reason = refused[0]?.reason ?? 'The file was not accepted.';
        // Throwing rolls the refusal's timeline entry back with everything else.
        throw new DomainError('validation', 'The file was not accepted.', [
          { path: 'file', message: reason },
        ]);
      }
      return attachment;
    },
    { allowClosed: true },
  );
}
