// Who is calling: a session cookie (web app) or a bearer API token (integrations).
// Cookie-authenticated writes must carry the X-Redress-Request header: a cross-site form
// cannot set custom headers, so this stops CSRF without tokens in every form.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/shared/context.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { actorFromApiToken, actorFromSession } from '../../core/users/sessions.ts';
import { SESSION_COOKIE, staffAuth, type StaffAuth } from '../../core/users/staff-auth.ts';
import type { AppDeps } from '../deps.ts';

export { SESSION_COOKIE };

/** The staff sign-in library, configured from the app's settings. */
export function staffAuthOf(deps: AppDeps): Promise<StaffAuth> {
  return staffAuth(deps.database, {
    ...(deps.portal?.secret ? { secret: deps.portal.secret } : {}),
    secureCookies: deps.isSecureCookie ?? false,
    ...(deps.portal?.publicUrl ? { baseURL: deps.portal.publicUrl } : {}),
  });
}
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const PUBLIC_PATHS = ['/portal/', '/api/v1/public/', '/status/'];
/** API doors that need no staff credential (their own checks apply: signatures, set-up tokens). */
const ANONYMOUS_API = [
  '/api/v1/auth/sign-in',
  '/api/v1/auth/sign-out',
  '/api/v1/setup',
  '/api/v1/openapi.json',
  '/api/v1/public/',
  '/api/v1/webhooks/',
];

/** Anonymous calls to staff routes (by the matched route, so misses stay 404) are refused before their bodies are parsed. */
function needsStaff(url: string): boolean {
  return url.startsWith('/api/v1/') && !ANONYMOUS_API.some((p) => url.startsWith(p));
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The staff session a cookie-authenticated request came with. */
    sessionId: string | null;
  }
}

export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await actorFromApiToken(deps.database, header.slice(7).trim());
      if (!request.actor)
        throw new DomainError('unauthenticated', 'The API token is unknown or revoked.');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    // Only the API acts for staff: pages and files are served without looking the session up.
    // Customer-facing doors never act as staff, so a staff session in the same browser is ignored.
    if (
      cookie &&
      request.url.startsWith('/api/') &&
      !PUBLIC_PATHS.some((p) => request.url.startsWith(p))
    ) {
      const found = await actorFromSession(await staffAuthOf(deps), request.headers.cookie ?? '');
      request.actor = found.actor;
      request.sessionId = found.sessionId;
      // A session in use was extended: the browser gets the cookie's new expiry.
      if (found.cookies.length > 0) void reply.header('set-cookie', found.cookies);
    }
    if (!request.actor && needsStaff(request.routeOptions.url ?? ''))
      throw new DomainError('unauthenticated', 'Sign in or present an API token.');
    if (
      request.actor &&
      !SAFE.has(request.method) &&
      request.headers['x-redress-request'] === undefined
    ) {
      throw new DomainError(
        'forbidden',
        'Missing X-Redress-Request header on a cookie-authenticated write.',
      );
    }
  });
}

/** An answer that sets a cookie is never stored by a shared cache (it would hand out the session). */
export function registerNoStoreWithCookies(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    if (reply.hasHeader('set-cookie')) void reply.header('cache-control', 'no-store');
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in or present an API token.');
  return request.actor;
}
