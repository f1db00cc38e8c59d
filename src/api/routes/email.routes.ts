// POST /api/v1/channels/email: raw MIME (message/rfc822) for providers that forward mail by HTTP.
import type { FastifyInstance } from 'fastify';
import { parseMime } from '../../channels/email/parse-mime.ts';
import { receiveEmail } from '../../core/intake/receive-email.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';

export const EMAIL_MAX_BYTES = 25 * 1024 * 1024;

export function emailRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      'message/rfc822',
      { parseAs: 'buffer', bodyLimit: EMAIL_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    app.post(
      '/channels/email',
      {
        bodyLimit: EMAIL_MAX_BYTES,
        schema: { tags: ['channels'], summary: 'File a raw MIME email (message/rfc822)' },
      },
      async (req, reply) => {
        const ctx = ctxOf(req, deps);
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          return reply.status(415).type('application/problem+json').send({
            type: 'https://redress.dev/problems/unsupported_media_type',
            status: 415,
            code: 'unsupported_media_type',
            title: 'Send the raw message with Content-Type: message/rfc822.',
            requestId: req.id,
          });
        }
        const outcome = await receiveEmail(ctx, await parseMime(req.body), deps.attachments);
        return reply.status(outcome.outcome === 'opened' ? 201 : 200).send(outcome);
      },
    );
  };
}
