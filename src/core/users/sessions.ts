// Signing in and out (better-auth, see staff-auth.ts), API tokens, and turning a presented
// credential into an actor.
import { APIError } from 'better-auth/api';
import { ChangePasswordInput, SignInInput, TokenInput } from '../../contracts/users.ts';
import type { Database } from '../../db/client.ts';
import { ReadCache } from '../../db/read-cache.ts';
import { actorId, authorize, type Actor, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import type { Role, TokenScope } from '../shared/roles.rules.ts';
import { publicUser } from './create-user.ts';
import { newToken, tokenHash } from './secrets.ts';
import { SESSION_COOKIE, type StaffAuth } from './staff-auth.ts';
import {
  findApiToken,
  findSessionByToken,
  findUser,
  insertApiToken,
  revokeApiToken,
} from './user.repo.ts';

/** Turns better-auth's refusal into Redress's: a wrong password reads the same as an unknown email. */
function signInError(err: unknown): never {
  if (err instanceof APIError && err.statusCode === 401)
    throw new DomainError('unauthenticated', 'Email or password is wrong.');
  throw err;
}

export interface SignedIn {
  user: ReturnType<typeof publicUser>;
  expiresAt: Date;
  /** Set-Cookie headers to send back (the signed session cookie). */
  cookies: string[];
  /** The session cookie's value, as a browser will present it. */
  cookie: string;
}

/** Who is signing in, for the session's record. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

function clientHeaders(client: ClientInfo, cookie?: string): Headers {
  const headers = new Headers();
  if (client.userAgent) headers.set('user-agent', client.userAgent);
  if (client.ip) headers.set('x-forwarded-for', client.ip);
  if (cookie) headers.set('cookie', cookie);
  return headers;
}

/** The value of the session cookie among a response's Set-Cookie headers. */
function sessionCookieValue(cookies: string[]): string {
  const prefix = `${SESSION_COOKIE}=`;
  const line = cookies.find((c) => c.startsWith(prefix));
  if (!line) throw new Error('sign-in set no session cookie');
  return line.slice(prefix.length).split(';')[0] ?? '';
}

export async function signIn(
  auth: StaffAuth,
  database: Database,
  raw: unknown,
  client: ClientInfo = {},
): Promise<SignedIn> {
  const input = parseInput(SignInInput, raw);
  const result = await auth.api
    .signInEmail({
      body: { email: input.email, password: input.password, rememberMe: true },
      headers: clientHeaders(client),
      returnHeaders: true,
    })
    .catch(signInError);
  const cookies = result.headers.getSetCookie();
  const session = await findSessionByToken(database.db, result.response.token);
  const user = await findUser(database.db, result.response.user.id);
  if (!session || !user) throw new DomainError('unauthenticated', 'Email or password is wrong.');
  return {
    user: publicUser(user),
    expiresAt: session.expiresAt,
    cookies,
    cookie: sessionCookieValue(cookies),
  };
}

/** Ends the session the cookie header names; returns the Set-Cookie headers that clear it. */
export async function signOut(auth: StaffAuth, cookieHeader: string): Promise<string[]> {
  const headers = clientHeaders({}, cookieHeader);
  const result = await auth.api.signOut({ headers, returnHeaders: true });
  // better-auth clears the cookie even when it could not delete the session (the database was
  // away): ask again, so a session that still works is an error, never a silent success.
  const still = await auth.api.getSession({ headers, query: { disableRefresh: true } });
  if (still) throw new Error('the session could not be ended');
  return result.headers.getSetCookie();
}

/**
 * The staff member a browser's cookie header signs in, if its session is live and the account
 * on; and any Set-Cookie headers to send back (a session near its end is extended).
 */
export async function actorFromSession(
  auth: StaffAuth,
  cookieHeader: string,
): Promise<{ actor: Actor | null; sessionId: string | null; cookies: string[] }> {
  const result = await auth.api.getSession({
    headers: clientHeaders({}, cookieHeader),
    returnHeaders: true,
  });
  const cookies = result.headers.getSetCookie();
  const user = result.response?.user;
  if (!user?.isActive) return { actor: null, sessionId: null, cookies };
  return {
    actor: { kind: 'user', id: user.id, role: user.role as Role, name: user.name },
    sessionId: result.response?.session.id ?? null,
    cookies,
  };
}

/**
 * The signed-in person changes their own password (better-auth checks the current one). Every
 * session of theirs ends, this browser gets a new one: returns its Set-Cookie headers.
 */
export async function changeOwnPassword(
  auth: StaffAuth,
  raw: unknown,
  cookieHeader: string,
  client: ClientInfo = {},
): Promise<string[]> {
  const input = parseInput(ChangePasswordInput, raw);
  const result = await auth.api
    .changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: clientHeaders(client, cookieHeader),
      returnHeaders: true,
    })
    .catch((err: unknown) => {
      if (err instanceof APIError && err.body?.code === 'INVALID_PASSWORD') {
        throw new DomainError('validation', 'The current password is wrong.', [
          { path: 'currentPassword', message: 'Not your current password.' },
        ]);
      }
      // No session (signed out meanwhile), or none could be made (switched off meanwhile):
      // nothing was changed, the change rolled back whole.
      if (
        err instanceof APIError &&
        (err.statusCode === 401 || (err.body?.code === 'FAILED_TO_GET_SESSION' && !err.cause))
      )
        throw new DomainError('unauthenticated', 'Sign in to change your password.');
      throw err;
    });
  return result.headers.getSetCookie();
}

const tokenCache = new ReadCache<NonNullable<Awaited<ReturnType<typeof findApiToken>>>>();

/** Call after anything that changes a token or its user (revoked, role, deactivated). */
export function forgetApiTokens(): void {
  tokenCache.forget();
}

export async function actorFromApiToken(database: Database, token: string): Promise<Actor | null> {
  const hash = tokenHash(token);
  const hit = await tokenCache.get(database, hash, () => findApiToken(database.db, hash));
  if (!hit?.user.isActive) return null;
  return {
    kind: 'user',
    id: hit.user.id,
    role: hit.user.role as Role,
    name: hit.user.name,
    scopes: hit.token.scopes as TokenScope[],
  };
}

export async function createApiToken(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'case.read');
  const input = parseInput(TokenInput, raw);
  const userId = actorId(ctx);
  if (!userId) throw new DomainError('forbidden', 'Only staff can hold API tokens.');
  if (input.scopes.includes('admin')) authorize(ctx, 'settings.write');
  const token = newToken('rd');
  const row = await insertApiToken(ctx.database.db, {
    userId,
    name: input.name,
    tokenHash: tokenHash(token),
    scopes: input.scopes,
  });
  return { id: row.id, name: row.name, scopes: row.scopes, token };
}

export async function revokeToken(ctx: Ctx, id: string) {
  authorize(ctx, 'case.read');
  forgetApiTokens();
  const revoked = await revokeApiToken(ctx.database.db, id, ctx.now());
  forgetApiTokens();
  if (!revoked) throw new DomainError('not_found', 'No such active token.');
}
