// An inbound email as intake sees it, whichever door it came through (SMTP or HTTP).
import { z } from 'zod';

export const InboundEmail = z.object({
  messageId: z.string().max(998).nullable(),
  inReplyTo: z.string().max(998).nullable(),
  references: z.array(z.string().max(998)).max(200),
  from: z.object({ address: z.string().max(320), name: z.string().max(300).nullable() }).nullable(),
  to: z.array(z.string().max(320)).max(200),
  subject: z.string().max(2000),
  text: z.string().max(200_000),
  isAutoSubmitted: z.boolean(),
  isBounce: z.boolean(),
  attachments: z
    .array(
      z.object({
        filename: z.string().max(500).nullable(),
        contentType: z.string().max(200),
        size: z.number().int().min(0),
        /** The decoded bytes; kept with the case when within the attachment limits. */
        content: z.instanceof(Uint8Array),
      }),
    )
    .max(100),
});
export type InboundEmail = z.infer<typeof InboundEmail>;
