// Signed webhook doors for text messages and social media. The signature is the credential:
// a bad or missing signature, a replayed timestamp or an oversized body is refused with a 4xx
// before anything is stored.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiter } from '../../channels/webform/rate-limit.ts';
import { checkSocialSignature, isValidSmsSignature } from '../../channels/webhooks/signatures.ts';
import { receiveSms, receiveSocial } from '../../core/intake/receive-message.ts';
import type { Ctx } from '../../core/shared/context.ts';
import type { AppDeps } from '../deps.ts';
import { problem } from '../plugins/errors.ts';

const WEBHOOK_BODY_LIMIT = 64 * 1024;
/** Calls per minute per sending address (REDRESS_WEBHOOK_LIMIT overrides). */
export const WEBHOOK_LIMIT_PER_MINUTE = 600;

function systemCtx(req: FastifyRequest, deps: AppDeps, name: string): Ctx {
  return {
    actor: { kind: 'system', name },
    database: deps.database,
    now: deps.now,
    jobs: deps.jobs,
    log: req.log,
    requestId: req.id,
  };
}

const refuse = (req: FastifyRequest, reply: FastifyReply, status: number, title: string) =>
  problem(reply, req, status, { title, code: status === 404 ? 'not_configured' : 'bad_signature' });

export function webhookRoutes(deps: AppDeps) {
  const perMinute = deps.webhooks?.limitPerMinute ?? WEBHOOK_LIMIT_PER_MINUTE;
  const limiter = new RateLimiter(perMinute, 60_000);
  return async (app: FastifyInstance) => {
    // Counted before the body is read or the signature checked: a flood costs almost nothing.
    app.addHook('onRequest', async (req, reply) => {
      const now = deps.now().getTime();
      if (limiter.hit(req.ip, now)) return;
      void reply.header('retry-after', String(limiter.retryAfterSeconds(req.ip, now)));
      return problem(reply, req, 429, {
        title: 'Too many webhook calls from this address; retry later.',
        code: 'rate_limited',
      });
    });
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    // Social signatures cover the exact bytes, so this door keeps the raw body.
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/webhooks/sms',
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        schema: {
          tags: ['channels'],
          summary: 'Inbound text message (provider form post, signed)',
        },
      },
      async (req, reply) => {
        const token = deps.webhooks?.smsAuthToken;
        if (!token)
          return refuse(
            req,
            reply,
            404,
            'Text-message intake is not configured (REDRESS_SMS_AUTH_TOKEN).',
          );
        const params = (req.body ?? {}) as Record<string, string>;
        const url = `${deps.webhooks?.publicUrl ?? ''}${req.url}`;
        const given = req.headers['x-twilio-signature'];
        if (typeof given !== 'string' || !isValidSmsSignature(token, url, params, given)) {
          return refuse(req, reply, 401, 'The request signature does not match.');
        }
        await receiveSms(systemCtx(req, deps, 'sms'), params);
        // The provider expects an (empty) instruction document in reply.
        return reply
          .type('text/xml')
          .send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      },
    );

    app.post(
      '/webhooks/social',
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        schema: {
          tags: ['channels'],
          summary: 'Social mention or direct message (HMAC-SHA256 signed)',
        },
      },
      async (req, reply) => {
        const secret = deps.webhooks?.socialSecret;
        if (!secret)
          return refuse(
            req,
            reply,
            404,
            'Social intake is not configured (REDRESS_SOCIAL_SECRET).',
          );
        const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const header = (name: string) =>
          typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined;
        const check = checkSocialSignature({
          secret,
          timestamp: header('x-redress-timestamp'),
          signature: header('x-redress-signature'),
          rawBody,
          now: deps.now(),
        });
        if (check !== 'ok')
          return refuse(
            req,
            reply,
            401,
            check === 'stale'
              ? 'The request is too old or from the future (replay refused).'
              : 'The request signature does not match.',
          );
        let body: unknown;
        try {
          body = JSON.parse(rawBody.toString('utf8'));
        } catch {
          return problem(reply, req, 400, {
            title: 'The body is not valid JSON.',
            code: 'bad_request',
          });
        }
        const outcome = await receiveSocial(systemCtx(req, deps, 'social'), body);
        return reply.status(outcome.outcome === 'opened' ? 201 : 200).send(outcome);
      },
    );
  };
}
