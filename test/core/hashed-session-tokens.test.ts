// The adapter wrapper that keeps session tokens hashed: what reaches the database, and what
// better-auth gets back. A recording adapter stands in for the database here; the real one is
// exercised end to end in test/api/staff-sessions.test.ts.
import { createHash } from 'node:crypto';
import type { BetterAuthOptions, DBAdapter } from 'better-auth';
import { expect, test } from 'vitest';
import {
  hashSessionTokens,
  storedSessionToken,
} from '../../src/core/users/hashed-session-tokens.ts';

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

function recording() {
  const calls: Array<{ method: string; args: Record<string, unknown> }> = [];
  const record =
    (method: string, answer: (args: Record<string, unknown>) => unknown) =>
    async (args: Record<string, unknown>) => {
      calls.push({ method, args });
      return answer(args);
    };
  const adapter = {
    id: 'recording',
    create: record('create', (a) => ({ id: 's1', ...(a.data as object) })),
    findOne: record('findOne', () => ({ id: 's1', token: 'stored form', userId: 'u1' })),
    findMany: record('findMany', () => []),
    update: record('update', () => ({ id: 's1', token: 'stored form' })),
    updateMany: record('updateMany', () => 1),
    delete: record('delete', () => undefined),
    deleteMany: record('deleteMany', () => 2),
    count: record('count', () => 0),
    transaction: async <R>(cb: (tx: unknown) => Promise<R>) => cb(adapter),
  };
  const factory = () => adapter as unknown as DBAdapter<BetterAuthOptions>;
  return { calls, adapter: hashSessionTokens(factory)({} as BetterAuthOptions) };
}

test('a new session is stored with the hash and handed back with its token', async () => {
  const { calls, adapter } = recording();
  const row = await adapter.create<Record<string, unknown>>({
    model: 'session',
    data: { token: 'plainToken123', userId: 'u1' },
  });
  expect(calls[0]?.args.data).toEqual({ token: sha('plainToken123'), userId: 'u1' });
  expect(row).toMatchObject({ token: 'plainToken123', userId: 'u1' });
});

test('looking a session up by its token asks for the hash and answers with the token', async () => {
  const { calls, adapter } = recording();
  const found = await adapter.findOne<Record<string, unknown>>({
    model: 'session',
    where: [{ field: 'token', value: 'plainToken123' }],
  });
  expect(calls[0]?.args.where).toEqual([{ field: 'token', value: sha('plainToken123') }]);
  expect(found).toMatchObject({ token: 'plainToken123', userId: 'u1' });
  const updated = await adapter.update<Record<string, unknown>>({
    model: 'session',
    where: [{ field: 'token', value: 'plainToken123' }],
    update: { expiresAt: new Date(0) },
  });
  expect(calls[1]?.args.where).toEqual([{ field: 'token', value: sha('plainToken123') }]);
  expect(updated).toMatchObject({ token: 'plainToken123' });
});

test('deleting by a list of tokens hashes each; other fields and models pass untouched', async () => {
  const { calls, adapter } = recording();
  await adapter.deleteMany({
    model: 'session',
    where: [{ field: 'token', value: ['a1', 'b2'], operator: 'in' }],
  });
  expect(calls[0]?.args.where).toEqual([
    { field: 'token', value: [sha('a1'), sha('b2')], operator: 'in' },
  ]);
  await adapter.deleteMany({ model: 'session', where: [{ field: 'userId', value: 'u1' }] });
  expect(calls[1]?.args.where).toEqual([{ field: 'userId', value: 'u1' }]);
  await adapter.findOne({ model: 'verification', where: [{ field: 'token', value: 'v1' }] });
  expect(calls[2]?.args.where).toEqual([{ field: 'token', value: 'v1' }]);
});

test('a value shaped like a stored hash is hashed again, so a copied hash finds nothing', () => {
  const stored = storedSessionToken('plainToken123');
  expect(stored).toBe(sha('plainToken123'));
  expect(storedSessionToken(stored)).toBe(sha(stored));
  expect(storedSessionToken(stored)).not.toBe(stored);
});

test('inside a transaction the sessions are hashed too (a password change creates one there)', async () => {
  const { calls, adapter } = recording();
  const row = await adapter.transaction((tx) =>
    tx.create<Record<string, unknown>>({ model: 'session', data: { token: 'inTx42' } }),
  );
  expect(calls[0]?.args.data).toEqual({ token: sha('inTx42') });
  expect(row).toMatchObject({ token: 'inTx42' });
});
