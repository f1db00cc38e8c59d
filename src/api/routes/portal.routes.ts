// The customer portal (R8, R9, R15, R19): server-rendered pages behind a signed, expiring link,
// with plain form posts (no script), and the staff endpoint that hands out the link.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RateLimiter } from '../../channels/webform/rate-limit.ts';
import { answerSolutions } from '../../core/portal/answer-solutions.ts';
import { getPortalLink } from '../../core/portal/get-portal-link.ts';
import { openPortalLink } from '../../core/portal/portal-secret.ts';
import { replyOnPortal } from '../../core/portal/reply-on-portal.ts';
import { requestPortalLink } from '../../core/portal/request-portal-link.ts';
import { submitSurvey } from '../../core/portal/submit-survey.ts';
import { viewPortal } from '../../core/portal/view-portal.ts';
import type { Ctx } from '../../core/shared/context.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';
import {
  badLinkPage,
  layout,
  linkRequestForm,
  messagePage,
  PORTAL_CSP,
  portalPage,
} from './portal-pages.ts';

export const PORTAL_POSTS_PER_HOUR = 30;
export const LINK_REQUESTS_PER_HOUR = 5;

const TokenParams = z.object({ token: z.string().min(1).max(200) });
const NEUTRAL =
  'If the reference and the email address or mobile number match a case, a new link is on its way to that address or number. You can also simply reply to any message from us.';

type PortalAction = (ctx: Ctx, caseId: string, body: unknown) => Promise<unknown>;

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PORTAL_CSP)
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(body);
}

function refusal(err: unknown, back: string): { status: number; page: string } {
  if (!(err instanceof DomainError)) throw err;
  const detail = err.issues.map((i) => i.message).join(' ');
  const status = err.code === 'validation' ? 400 : err.code === 'not_found' ? 404 : 409;
  return {
    status,
    page: messagePage('We could not take that', `${err.message} ${detail}`.trim(), back),
  };
}

export function portalRoutes(deps: AppDeps) {
  const posts = new RateLimiter(PORTAL_POSTS_PER_HOUR, 3_600_000);
  const linkRequests = new RateLimiter(LINK_REQUESTS_PER_HOUR, 3_600_000);
  const portalCtx = (req: FastifyRequest): Ctx => ({
    actor: { kind: 'system', name: 'portal' },
    database: deps.database,
    now: deps.now,
    jobs: deps.jobs,
    log: req.log,
    requestId: req.id,
  });
  const limited = (limiter: RateLimiter, req: FastifyRequest, reply: FastifyReply) => {
    if (limiter.hit(req.ip, deps.now().getTime())) return false;
    void reply.header('retry-after', '3600');
    void html(
      reply,
      429,
      messagePage(
        'Please wait a little',
        'Too many requests from this address; try again in an hour.',
      ),
    );
    return true;
  };
  /** The case behind a link, or the 403/410 page already sent. */
  const caseOf = async (req: FastifyRequest, reply: FastifyReply, token: string) => {
    const check = await openPortalLink(deps.database.db, token, deps.now(), deps.portal);
    if (check.ok) return check.caseId;
    void html(reply, check.reason === 'expired' ? 410 : 403, badLinkPage(check.reason));
    return null;
  };

  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    app.get(
      '/api/v1/cases/:id/portal-link',
      {
        schema: {
          tags: ['cases'],
          summary: "The customer's signed portal link (valid 30 days)",
          params: z.object({ id: z.string().min(1).max(80) }),
        },
      },
      (req) => getPortalLink(ctxOf(req, deps), (req.params as { id: string }).id, deps.portal),
    );

    app.get('/portal/new-link', { schema: { hide: true } }, (_req, reply) =>
      html(reply, 200, layout('Ask for a new link', linkRequestForm())),
    );
    app.post('/portal/new-link', { schema: { hide: true } }, async (req, reply) => {
      if (limited(linkRequests, req, reply)) return reply;
      try {
        await requestPortalLink(portalCtx(req), req.body, deps.portal);
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'validation') throw err;
      }
      return html(reply, 200, messagePage('Thank you', NEUTRAL));
    });

    app.get(
      '/portal/:token',
      { schema: { hide: true, params: TokenParams } },
      async (req, reply) => {
        const { token } = req.params as z.infer<typeof TokenParams>;
        const caseId = await caseOf(req, reply, token);
        if (!caseId) return reply;
        const done = (req.query as Record<string, unknown>).done;
        const view = await viewPortal(portalCtx(req), caseId);
        return html(
          reply,
          200,
          portalPage(view, token, typeof done === 'string' ? done : undefined),
        );
      },
    );

    const post = (path: string, action: PortalAction, conflictPage?: string) =>
      app.post(
        `/portal/:token/${path}`,
        { bodyLimit: 64 * 1024, schema: { hide: true, params: TokenParams } },
        async (req, reply) => {
          if (limited(posts, req, reply)) return reply;
          const { token } = req.params as z.infer<typeof TokenParams>;
          const caseId = await caseOf(req, reply, token);
          if (!caseId) return reply;
          const back = `/portal/${token}`;
          try {
            const result = await action(portalCtx(req), caseId, req.body ?? {});
            if (conflictPage && (result as { isNew?: boolean }).isNew === false)
              return html(reply, 409, messagePage('Already received', conflictPage, back));
          } catch (err) {
            const { status, page } = refusal(err, back);
            return html(reply, status, page);
          }
          return reply.redirect(`${back}?done=${path}`, 303);
        },
      );
    post('reply', replyOnPortal);
    post('verdict', answerSolutions);
    post(
      'survey',
      submitSurvey,
      'Thank you: we already have your answers to this survey, and only the first one counts.',
    );
  };
}
