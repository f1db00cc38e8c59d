// Staff sign-in and sessions are better-auth's: it checks passwords (with Redress's argon2id
// hashing), creates and signs session cookies, finds, refreshes and ends sessions. Redress calls
// it from its own routes (auth.routes.ts) and never mounts better-auth's HTTP handler, so the API
// keeps one shape, one error format and one sign-in rate limit.
//
// The cookie is `redress_session`: the session token and an HMAC-SHA256 signature over it, made
// with a key derived from REDRESS_SECRET, or a random key kept in the database when that is
// unset (so every instance checks with the same key). The database keeps only a hash of each
// session token (hashed-session-tokens.ts).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { authAccounts, authSessions, authVerifications, users } from '../../db/schema.ts';
import { claimSecret } from '../portal/portal.repo.ts';
import { hashSessionTokens } from './hashed-session-tokens.ts';
import { hashPassword, verifyPassword } from './secrets.ts';

export const SESSION_COOKIE = 'redress_session';
export const SESSION_DAYS = 14;

export interface StaffAuthConfig {
  /** REDRESS_SECRET (32+ characters); the key is derived from it, never used as is. */
  secret?: string;
  /** Session cookies only over HTTPS (REDRESS_SECURE_COOKIES). */
  secureCookies?: boolean;
  /** REDRESS_PUBLIC_URL, where the desk is reached. */
  baseURL?: string;
}

async function sessionKey(database: Database, config: StaffAuthConfig): Promise<string> {
  if (config.secret) {
    return createHmac('sha256', config.secret).update('redress staff sessions').digest('base64url');
  }
  return claimSecret(database.db, 'staff-sessions', randomBytes(32).toString('base64url'));
}

function build(database: Database, config: StaffAuthConfig, secret: string) {
  return betterAuth({
    appName: 'Redress',
    // Given as the one current key, so a BETTER_AUTH_SECRETS variable cannot replace it.
    secrets: [{ version: 1, value: secret }],
    baseURL: config.baseURL ?? 'http://localhost:3000',
    database: hashSessionTokens(
      drizzleAdapter(database.db, {
        provider: 'pg',
        // A password change (end every session, new hash, new session) commits whole or not at all.
        transaction: true,
        schema: {
          user: users,
          session: authSessions,
          account: authAccounts,
          verification: authVerifications,
        },
      }),
    ),
    emailAndPassword: {
      enabled: true,
      // Staff are created by an admin (or the first-run link), never by signing up.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        isActive: { type: 'boolean', required: false, defaultValue: true, input: false },
      },
    },
    // A session in use is extended, at most once a day, to SESSION_DAYS from then: it ends
    // SESSION_DAYS after its last day of use.
    session: { expiresIn: SESSION_DAYS * 86_400, updateAge: 86_400 },
    databaseHooks: {
      session: {
        create: {
          // A switched-off account gets no session, whatever its password.
          before: async (session) => {
            const [user] = await database.db
              .select({ isActive: users.isActive })
              .from(users)
              .where(eq(users.id, session.userId));
            return user?.isActive ? undefined : false;
          },
        },
      },
    },
    advanced: {
      database: { generateId: () => randomUUID() },
      useSecureCookies: false,
      cookies: { session_token: { name: SESSION_COOKIE } },
      defaultCookieAttributes: { sameSite: 'strict', secure: config.secureCookies ?? false },
    },
    // Sign-in is rate-limited by Redress's own route, per address and per account.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Its refusals reach Redress as errors (a wrong password, a switched-off account), which
    // Redress answers and logs itself; the library's own log lines would only repeat them.
    logger: { disabled: true },
  });
}

export type StaffAuth = ReturnType<typeof build>;

const instances = new WeakMap<Database, Map<string, Promise<StaffAuth>>>();

/** The better-auth instance for this database and configuration (made once, on first use). */
export function staffAuth(database: Database, config: StaffAuthConfig = {}): Promise<StaffAuth> {
  const key = JSON.stringify([config.secret ?? '', config.secureCookies ?? false, config.baseURL]);
  let byConfig = instances.get(database);
  if (!byConfig) instances.set(database, (byConfig = new Map()));
  let auth = byConfig.get(key);
  if (!auth) {
    auth = sessionKey(database, config).then((secret) => build(database, config, secret));
    // A failed start (the database was down) is tried again next time.
    auth.catch(() => byConfig.delete(key));
    byConfig.set(key, auth);
  }
  return auth;
}
