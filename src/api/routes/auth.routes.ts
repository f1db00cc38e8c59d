// Sign-in, first-run set-up, users and API tokens.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordInput,
  CreateUserInput,
  SetupInput,
  SignInInput,
  TokenInput,
} from '../../contracts/users.ts';
import { createUser } from '../../core/users/create-user.ts';
import { completeSetup, setupStatus } from '../../core/users/first-admin.ts';
import { updateUser } from '../../core/users/update-user.ts';
import { UpdateUserInput } from '../../contracts/workspace.ts';
import { listStaff } from '../../core/users/list-staff.ts';
import { endOtherSessions, endOwnSession, listOwnSessions } from '../../core/users/own-sessions.ts';
import {
  changeOwnPassword,
  createApiToken,
  type ClientInfo,
  revokeToken,
  signIn,
  signOut,
} from '../../core/users/sessions.ts';
import { RateLimiter } from '../../channels/webform/rate-limit.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { ctxOf } from '../context.ts';
import type { AppDeps } from '../deps.ts';
import { requireActor, SESSION_COOKIE, staffAuthOf } from '../plugins/auth.ts';
import { problem } from '../plugins/errors.ts';

/** Sign-in attempts per client address, and failed attempts per account, per 15 minutes. */
export const SIGN_IN_PER_ADDRESS = 30;
export const SIGN_IN_FAILURES_PER_ACCOUNT = 10;
const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** 429 with Retry-After, saying in minutes how long to wait. */
function tooManyAttempts(reply: FastifyReply, req: FastifyRequest, seconds: number, what: string) {
  void reply.header('retry-after', String(seconds));
  return problem(reply, req, 429, {
    title: `Too many ${what}; try again in ${Math.ceil(seconds / 60)} minutes.`,
    code: 'rate_limited',
    retryAfterSeconds: seconds,
  });
}

/** Who is calling, for the session's record. */
function clientOf(req: FastifyRequest): ClientInfo {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, ...(ua ? { userAgent: ua } : {}) };
}

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const byAddress = new RateLimiter(SIGN_IN_PER_ADDRESS, SIGN_IN_WINDOW_MS);
  const failuresByAccount = new RateLimiter(SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_WINDOW_MS);
  return async (app) => {
    const tags = ['auth'];
    app.post('/auth/sign-in', { schema: { tags, body: SignInInput } }, async (req, reply) => {
      const now = deps.now().getTime();
      const account = req.body.email;
      // Per address: every attempt counts. Per account: only failures, so a guesser spread over
      // many addresses is stopped too, and the owner is not locked out by their own success.
      // An attempt counts as a failure until its password proves right, so guesses sent all at
      // once are counted before any of them is checked.
      const blocked = !byAddress.hit(req.ip, now)
        ? byAddress.retryAfterSeconds(req.ip, now)
        : !failuresByAccount.hit(account, now)
          ? failuresByAccount.retryAfterSeconds(account, now)
          : null;
      if (blocked !== null) return tooManyAttempts(reply, req, blocked, 'sign-in attempts');
      const session = await signIn(await staffAuthOf(deps), deps.database, req.body, clientOf(req));
      failuresByAccount.forget(account);
      void reply.header('set-cookie', session.cookies);
      return { user: session.user, expiresAt: session.expiresAt };
    });
    app.post('/auth/sign-out', { schema: { tags } }, async (req, reply) => {
      if (req.cookies[SESSION_COOKIE]) {
        void reply.header(
          'set-cookie',
          await signOut(await staffAuthOf(deps), req.headers.cookie ?? ''),
        );
      } else {
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      return reply.status(204).send();
    });
    app.get('/me', { schema: { tags } }, (req) => requireActor(req));
    app.get(
      '/me/sessions',
      { schema: { tags, summary: 'Where you are signed in: your live sessions' } },
      (req) => listOwnSessions(ctxOf(req, deps), req.sessionId),
    );
    app.delete(
      '/me/sessions/:id',
      {
        schema: { tags, summary: 'End one of your sessions', params: z.object({ id: z.uuid() }) },
      },
      async (req, reply) => {
        await endOwnSession(ctxOf(req, deps), req.sessionId, req.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/me/password',
      {
        schema: {
          tags,
          summary: 'Change your own password (your other sessions end)',
          body: ChangePasswordInput,
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.sessionId)
          throw new DomainError('forbidden', 'Change your password from a signed-in browser.');
        // Wrong current passwords are limited as failed sign-ins are (and counted the same way,
        // before the check): a borrowed session cannot guess its way to the password.
        const key = `id:${actor.kind === 'user' ? actor.id : ''}`;
        const now = deps.now().getTime();
        if (!failuresByAccount.hit(key, now)) {
          const wait = failuresByAccount.retryAfterSeconds(key, now);
          return tooManyAttempts(reply, req, wait, 'wrong passwords');
        }
        const cookies = await changeOwnPassword(
          await staffAuthOf(deps),
          req.body,
          req.headers.cookie ?? '',
          clientOf(req),
        );
        failuresByAccount.forget(key);
        void reply.header('set-cookie', cookies);
        return { changed: true };
      },
    );
    app.post(
      '/me/sessions/end-others',
      { schema: { tags, summary: 'End every session of yours but this one' } },
      (req) => endOtherSessions(ctxOf(req, deps), req.sessionId),
    );
    app.post('/setup', { schema: { tags, body: SetupInput } }, async (req, reply) =>
      reply.status(201).send(await completeSetup(deps.database, req.body, deps.now())),
    );
    app.get('/setup', { schema: { tags } }, () => setupStatus(deps.database));
    app.get('/users', { schema: { tags } }, (req) => listStaff(ctxOf(req, deps)));
    app.post('/users', { schema: { tags, body: CreateUserInput } }, async (req, reply) =>
      reply.status(201).send(await createUser(ctxOf(req, deps), req.body)),
    );
    app.patch(
      '/users/:id',
      { schema: { tags, params: z.object({ id: z.uuid() }), body: UpdateUserInput } },
      (req) => updateUser(ctxOf(req, deps), req.params.id, req.body),
    );
    app.post('/tokens', { schema: { tags, body: TokenInput } }, async (req, reply) =>
      reply.status(201).send(await createApiToken(ctxOf(req, deps), req.body)),
    );
    app.delete(
      '/tokens/:id',
      { schema: { tags, params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        await revokeToken(ctxOf(req, deps), req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
