// Files kept with a case: what staff send with an upload and what listings answer.
import { z } from 'zod';

export const AttachmentPurpose = z.enum(['file', 'letter_scan', 'call_recording']);
export type AttachmentPurpose = z.infer<typeof AttachmentPurpose>;

/** The query string of an upload; the file itself is the raw request body. */
export const AttachmentUploadQuery = z.object({
  filename: z
    .string()
    .trim()
    .min(1, 'Give the file name, e.g. ?filename=letter.pdf.')
    .max(255, 'At most 255 characters.'),
  purpose: AttachmentPurpose.default('file'),
  /** Ties the file to a message on the case, e.g. the logged letter it is the scan of. */
  messageId: z.uuid('Must be the id of a message on this case.').optional(),
});

export const AttachmentMeta = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  messageId: z.uuid().nullable(),
  source: z.enum(['email', 'staff']),
  purpose: AttachmentPurpose,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid().nullable(),
  createdAt: z.date(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;
