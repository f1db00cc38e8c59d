// better-auth stores each session's token as it is. Redress stores only a SHA-256 hash of it, as
// it does for API tokens, so a copy of the database holds no session a browser could present —
// even with the signing key. This wraps the database adapter: a session token written or looked
// up is hashed on the way in, and a session found by its token is handed back with that token
// (better-auth puts it in the refreshed cookie). Sessions listed by other fields come back with
// the stored hash, which matches nothing when given back: Redress lists and ends sessions by id
// itself (own-sessions.ts) and uses none of better-auth's token-list endpoints.
import { createHash } from 'node:crypto';
import type { BetterAuthOptions, DBAdapter, DBTransactionAdapter, Where } from 'better-auth';

type AdapterFactory = (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>;

const PREFIX = 'sha256:';

/**
 * The stored form of a session token. Always hashed, even a value that looks stored already:
 * a cookie carrying a stored hash (signed with a copied key) must find nothing.
 */
export function storedSessionToken(token: string): string {
  return PREFIX + createHash('sha256').update(token).digest('hex');
}

type Value = Where['value'];

const hashValue = (value: Value): Value =>
  typeof value === 'string'
    ? storedSessionToken(value)
    : Array.isArray(value)
      ? (value as unknown[]).every((v) => typeof v === 'string')
        ? (value as string[]).map(storedSessionToken)
        : value
      : value;

function hashWhere(where: Where[] = []): Where[] {
  return where.map((w) => (w.field === 'token' ? { ...w, value: hashValue(w.value) } : w));
}

/** The plain token a where clause looked a single session up by, if it did. */
function plainTokenOf(where: Where[] = []): string | null {
  const w = where.find((c) => c.field === 'token' && (c.operator ?? 'eq') === 'eq');
  return typeof w?.value === 'string' ? w.value : null;
}

function withToken<T>(row: T, token: string | null): T {
  return row && token ? ({ ...row, token } as T) : row;
}

type Adapter = DBAdapter<BetterAuthOptions>;
type TxAdapter = DBTransactionAdapter<BetterAuthOptions>;

/** The same adapter with session tokens hashed on the way in. */
function hashingAdapter(inner: TxAdapter): TxAdapter {
  const isSession = (model: string) => model === 'session';
  const create: Adapter['create'] = async (args) => {
    if (!isSession(args.model)) return inner.create(args);
    const data = args.data as Record<string, unknown>;
    const token = typeof data.token === 'string' ? data.token : null;
    const hashed = { ...data, token: token && storedSessionToken(token) };
    return withToken(
      await inner.create({ ...args, data: hashed as unknown as typeof args.data }),
      token,
    );
  };
  const findOne: Adapter['findOne'] = async (args) => {
    if (!isSession(args.model)) return inner.findOne(args);
    const row = await inner.findOne<Record<string, unknown>>({
      ...args,
      where: hashWhere(args.where),
    });
    // `never`: the row is the caller's generic type, which this wrapper cannot name.
    return withToken(row, plainTokenOf(args.where)) as never;
  };
  const update: Adapter['update'] = async (args) => {
    if (!isSession(args.model)) return inner.update(args);
    const row = await inner.update<Record<string, unknown>>({
      ...args,
      where: hashWhere(args.where),
    });
    return withToken(row, plainTokenOf(args.where)) as never;
  };
  return {
    ...inner,
    create,
    findOne,
    update,
    findMany: (args) =>
      inner.findMany(isSession(args.model) ? { ...args, where: hashWhere(args.where) } : args),
    updateMany: (args) =>
      inner.updateMany(isSession(args.model) ? { ...args, where: hashWhere(args.where) } : args),
    delete: (args) =>
      inner.delete(isSession(args.model) ? { ...args, where: hashWhere(args.where) } : args),
    deleteMany: (args) =>
      inner.deleteMany(isSession(args.model) ? { ...args, where: hashWhere(args.where) } : args),
    count: (args) =>
      inner.count(isSession(args.model) ? { ...args, where: hashWhere(args.where) } : args),
  };
}

export function hashSessionTokens(factory: AdapterFactory): AdapterFactory {
  return (options) => {
    const inner = factory(options);
    return {
      ...hashingAdapter(inner),
      // Work inside a transaction (a password change) gets the transaction's adapter, wrapped too.
      transaction: (cb) => inner.transaction((tx) => cb(hashingAdapter(tx))),
    };
  };
}
