// Signing in and out, API tokens, and turning a presented credential into an actor.
import { SignInInput, TokenInput } from '../../contracts/users.ts';
import type { Database } from '../../db/client.ts';
import { ReadCache } from '../../db/read-cache.ts';
import { actorId, authorize, type Actor, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import type { Role, TokenScope } from '../shared/roles.rules.ts';
import { publicUser } from './create-user.ts';
import { hashPassword, newToken, tokenHash, verifyPassword } from './secrets.ts';
import {
  deleteSession,
  findApiToken,
  findSession,
  findUserByEmail,
  insertApiToken,
  insertSession,
  revokeApiToken,
} from './user.repo.ts';

const SESSION_DAYS = 14;
// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;

export async function signIn(database: Database, raw: unknown, now: Date) {
  const input = parseInput(SignInInput, raw);
  const user = await findUserByEmail(database.db, input.email);
  dummyHash ??= hashPassword('no-such-user-password');
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !ok || !user.isActive)
    throw new DomainError('unauthenticated', 'Email or password is wrong.');
  const token = newToken('rs');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(database.db, { tokenHash: tokenHash(token), userId: user.id, expiresAt });
  return { token, expiresAt, user: publicUser(user) };
}

export async function signOut(database: Database, token: string) {
  await deleteSession(database.db, tokenHash(token));
}

export async function actorFromSession(
  database: Database,
  token: string,
  now: Date,
): Promise<Actor | null> {
  const user = await findSession(database.db, tokenHash(token), now);
  if (!user?.isActive) return null;
  return { kind: 'user', id: user.id, role: user.role as Role, name: user.name };
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
