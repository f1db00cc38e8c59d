// Case files: staff upload one as the raw request body (Content-Type: the file's type,
// ?filename=…&purpose=…), list a case's files, and download one. Downloads are always
// `Content-Disposition: attachment` with the checked type, nosniff and a CSP that runs nothing,
// so a file can never act as a page of this site.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  contentDisposition,
  DEFAULT_POLICY,
  normaliseType,
} from '../../core/attachments/attachment.rules.ts';
import { getAttachmentFile, listCaseAttachments } from '../../core/attachments/get-attachment.ts';
import { uploadAttachment } from '../../core/attachments/upload-attachment.ts';
import { authorize } from '../../core/shared/context.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';
import { problem } from '../plugins/errors.ts';

const Params = z.object({ id: z.string().min(1).max(80) });

function megabytes(n: number): string {
  return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
}

export function attachmentRoutes(deps: AppDeps) {
  const policy = deps.attachments ?? DEFAULT_POLICY;
  return async (app: FastifyInstance) => {
    // Every upload arrives as bytes, whatever its type (text/plain and JSON included).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: policy.maxBytes },
      (_r, body, done) => done(null, body),
    );
    const tooLarge = (req: FastifyRequest, reply: FastifyReply) => {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length <= policy.maxBytes) return false;
      void problem(reply, req, 413, {
        title: `The file is ${megabytes(length)}; files may be at most ${megabytes(policy.maxBytes)}.`,
        code: 'payload_too_large',
        issues: [{ path: 'file', message: `At most ${policy.maxBytes} bytes.` }],
      });
      return true;
    };

    app.post(
      '/cases/:id/attachments',
      {
        bodyLimit: policy.maxBytes,
        // Refuse strangers and oversized files before reading a single byte of the body.
        onRequest: async (req, reply) => {
          authorize(ctxOf(req, deps), 'case.write');
          if (tooLarge(req, reply)) return reply;
        },
        schema: {
          tags: ['cases'],
          summary:
            'Add a file to a case (raw body; ?filename=&purpose=file|letter_scan|call_recording)',
          params: Params,
        },
      },
      async (req, reply) => {
        const { id } = Params.parse(req.params);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const kept = await uploadAttachment(
          ctxOf(req, deps),
          id,
          req.query,
          body,
          policy,
          normaliseType(req.headers['content-type']),
        );
        return reply
          .status(201)
          .header('location', `/api/v1/attachments/${kept.id}`)
          .send({ ...kept, url: `/api/v1/attachments/${kept.id}` });
      },
    );

    app.get(
      '/cases/:id/attachments',
      { schema: { tags: ['cases'], summary: "A case's files (staff only)", params: Params } },
      async (req) => {
        const { id } = Params.parse(req.params);
        const items = await listCaseAttachments(ctxOf(req, deps), id);
        return { items: items.map((a) => ({ ...a, url: `/api/v1/attachments/${a.id}` })) };
      },
    );

    app.get(
      '/attachments/:id',
      { schema: { tags: ['cases'], summary: 'Download a case file (staff only)', params: Params } },
      async (req, reply) => {
        const { id } = Params.parse(req.params);
        const file = await getAttachmentFile(ctxOf(req, deps), id);
        return reply
          .type(file.contentType)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cross-origin-resource-policy', 'same-origin')
          .header('cache-control', 'private, no-store')
          .header('content-length', String(file.sizeBytes))
          .send(file.content);
      },
    );
  };
}
