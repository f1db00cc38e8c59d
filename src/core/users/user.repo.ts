// Staff users, their credentials, sessions and API tokens. Sessions and credential accounts are
// better-auth's tables (staff-auth.ts); Redress writes them here only inside its own transactions
// (a new user's password, a changed password, an account switched off).
import { and, desc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { storedSessionToken } from './hashed-session-tokens.ts';
import {
  apiTokens,
  authAccounts,
  authSessions,
  cases,
  setupTokens,
  users,
} from '../../db/schema.ts';

/** better-auth's provider id for an email-and-password account. */
const CREDENTIAL = 'credential';

export type UserRow = typeof users.$inferSelect;

export async function findUser(tx: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail(tx: DbOrTx, email: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** A user and their credential account (as better-auth writes one: account id = user id). */
export async function insertUser(
  tx: DbOrTx,
  row: typeof users.$inferInsert,
  passwordHash: string,
): Promise<UserRow> {
  const [created] = await tx.insert(users).values(row).onConflictDoNothing().returning();
  if (!created) throw new Error('duplicate');
  await tx.insert(authAccounts).values({
    accountId: created.id,
    providerId: CREDENTIAL,
    userId: created.id,
    password: passwordHash,
  });
  return created;
}

export async function setPasswordHash(tx: DbOrTx, userId: string, passwordHash: string) {
  await tx
    .update(authAccounts)
    .set({ password: passwordHash, updatedAt: sql`now()` })
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, CREDENTIAL)));
}

export async function countUsers(tx: DbOrTx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function listUsers(tx: DbOrTx): Promise<UserRow[]> {
  return tx.select().from(users).orderBy(users.name);
}

/** The active agent or supervisor with the fewest open cases gets an unassigned case. */
/** The active agent or supervisor with the fewest open cases (oldest account on a tie). */
export function leastLoadedAgentSql(): SQL {
  return sql`
    SELECT u.id FROM ${users} u
    LEFT JOIN ${cases} c ON c.owner_id = u.id AND c.status <> 'closed'
    WHERE u.is_active AND u.role IN ('agent', 'supervisor')
    GROUP BY u.id ORDER BY count(c.id), u.created_at LIMIT 1`;
}

export async function leastLoadedAgent(tx: DbOrTx): Promise<string | null> {
  const res = await tx.execute<{ id: string }>(leastLoadedAgentSql());
  return res.rows[0]?.id ?? null;
}

/** A session by the token its cookie carries (stored hashed, see hashed-session-tokens.ts). */
export async function findSessionByToken(tx: DbOrTx, token: string) {
  const [row] = await tx
    .select()
    .from(authSessions)
    .where(eq(authSessions.token, storedSessionToken(token)));
  return row ?? null;
}

export async function insertApiToken(tx: DbOrTx, row: typeof apiTokens.$inferInsert) {
  const [created] = await tx.insert(apiTokens).values(row).returning();
  if (!created) throw new Error('insert into api_tokens returned no row');
  return created;
}

export async function findApiToken(tx: DbOrTx, tokenHash: string) {
  const [row] = await tx
    .select({ user: users, token: apiTokens })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row ?? null;
}

export async function revokeApiToken(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const res = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return res.length > 0;
}

export async function insertSetupToken(tx: DbOrTx, tokenHash: string, expiresAt: Date) {
  await tx.insert(setupTokens).values({ tokenHash, expiresAt });
}

/** Uses a set-up token once; false if unknown, used or expired. */
export async function useSetupToken(tx: DbOrTx, tokenHash: string, now: Date): Promise<boolean> {
  const res = await tx
    .update(setupTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(setupTokens.tokenHash, tokenHash),
        isNull(setupTokens.usedAt),
        gt(setupTokens.expiresAt, now),
      ),
    )
    .returning();
  return res.length > 0;
}

export async function lockUser(tx: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row ?? null;
}

export async function setUser(
  tx: DbOrTx,
  id: string,
  values: Partial<Pick<UserRow, 'name' | 'role' | 'isActive'>>,
): Promise<UserRow> {
  if (Object.keys(values).length === 0) {
    const row = await findUser(tx, id);
    if (!row) throw new Error('user vanished');
    return row;
  }
  const [row] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
  if (!row) throw new Error('user vanished');
  return row;
}

export async function countActiveAdmins(tx: DbOrTx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
  return row?.n ?? 0;
}

/** A user's live sessions, newest first (never their tokens). */
export async function listSessionsOf(tx: DbOrTx, userId: string, now: Date) {
  return tx
    .select({
      id: authSessions.id,
      userAgent: authSessions.userAgent,
      ipAddress: authSessions.ipAddress,
      createdAt: authSessions.createdAt,
      updatedAt: authSessions.updatedAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), gt(authSessions.expiresAt, now)))
    .orderBy(desc(authSessions.createdAt));
}

/** Ends one of the user's sessions, or all of them but one; returns how many ended. */
export async function endSessionsWhere(
  tx: DbOrTx,
  userId: string,
  which: { id: string } | { allBut: string },
): Promise<number> {
  const filter = 'id' in which ? eq(authSessions.id, which.id) : ne(authSessions.id, which.allBut);
  const ended = await tx
    .delete(authSessions)
    .where(and(eq(authSessions.userId, userId), filter))
    .returning({ id: authSessions.id });
  return ended.length;
}

export async function endSessionsOf(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(authSessions).where(eq(authSessions.userId, userId));
}
