// fast-check arbitraries for hostile API input: nasty strings, bad dates and channels, wrong
// types, and mutations of a valid body (set a field to junk, delete it, add extra fields).
import fc from 'fast-check';

/** Strings known to break naive code: NUL, lone surrogates, bidi overrides, huge, injection. */
export const nastyString = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '💥🔥',
  '💥'.repeat(3000),
  'x'.repeat(60_000),
  'null',
  'RD-1',
  "'; DROP TABLE cases; --",
  '<script>alert(1)</script>',
  '%s%n%x',
  '${7*7}',
  '1e309',
  'NaN',
);

/** Characters PostgreSQL refuses in text or jsonb: NUL, and UTF-16 halves without a partner. */
const unstorable = fc.constantFrom('\u0000', '\ud800', '\udfff', '\udbff\u0000');

export const hostileString = fc.oneof(
  nastyString,
  // Valid text with something nasty inside survives trim/min(1) and so reaches storage.
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.oneof(unstorable, nastyString))
    .map(([a, b]) => `${a}${b}`),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

export const badDate = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '2026-02-30T10:00:00Z',
      '2026-11-23T10:00:00', // no offset
      '2026-11-23',
      '23/11/2026',
      '2099-01-01T00:00:00Z', // future
      '0000-01-01T00:00:00Z', // ISO year 0: valid ISO 8601, no such year in PostgreSQL
      '0000-12-31T23:00:00-01:00',
      '9999-12-31T23:59:59+14:00',
      '1970-01-01T00:00:00-23:59',
      '2026-11-23T10:00:00.123456789Z',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.integer() },
);

export const badChannel = fc.oneof(
  fc.constantFrom('EMAIL', 'pigeon', 'email ', 'e-mail', 'in person', '', 'phone\u0000'),
  fc.string({ maxLength: 12 }),
);

const scalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(-0, Number.MAX_SAFE_INTEGER + 2, 1e308, -1),
);

export const hostileValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Path = Array<string | number>;
type Mutation = { path: Path; op: 'set'; value: unknown } | { path: Path; op: 'delete' };

/** Every path inside a JSON value, with the value found there. */
function entriesOf(value: unknown, prefix: Path = []): Array<[Path, unknown]> {
  if (value === null || typeof value !== 'object') return [];
  const keys: Array<string | number> = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return keys.flatMap((k) => {
    const child = (value as Record<string | number, unknown>)[k];
    return [[[...prefix, k], child] as [Path, unknown], ...entriesOf(child, [...prefix, k])];
  });
}

function applyMutation(target: unknown, m: Mutation): void {
  let node = target as Record<string | number, unknown>;
  for (const key of m.path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string | number, unknown>;
  }
  const last = m.path.at(-1);
  if (last === undefined) return;
  if (m.op === 'delete') delete node[last];
  // defineProperty so that '__proto__' becomes an own, serialised key, not a prototype change.
  else
    Object.defineProperty(node, last, {
      value: m.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/**
 * A valid body with 1–4 mutations: any field set to junk of any type, a text field set to a
 * nasty string (the kind most likely to pass validation and reach the database), a field from
 * `special` set to its own kind of bad value, a field deleted, or an unexpected field added.
 */
export function mutated(
  base: object,
  special: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<unknown> {
  const entries = entriesOf(base);
  const paths = entries.map(([p]) => p);
  const textPaths = entries.filter(([, v]) => typeof v === 'string').map(([p]) => p);
  const extra: Path[] = [['__proto__'], ['constructor'], ['extra'], ['customer', 'isAdmin']];
  const set = (path: fc.Arbitrary<Path>, value: fc.Arbitrary<unknown>) =>
    fc.record({ path, op: fc.constant('set' as const), value });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    set(fc.constantFrom(...paths, ...extra), hostileValue),
    ...(textPaths.length > 0 ? [set(fc.constantFrom(...textPaths), hostileString)] : []),
    ...Object.entries(special).map(([field, arb]) => set(fc.constant(field.split('.')), arb)),
    fc.record({ path: fc.constantFrom(...paths), op: fc.constant('delete' as const) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => {
    const body = structuredClone(base);
    for (const m of ms) applyMutation(body, m);
    return body as unknown;
  });
}

/** Percent-encodes any string for a URL path; lone surrogates cannot be encoded, so become U+FFFD. */
export function pathSegment(s: string): string {
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

/** A request body as sent on the wire. */
export interface Payload {
  raw: string | undefined;
  contentType: string | undefined;
}

export const asJson = (v: unknown): Payload => ({
  raw: JSON.stringify(v),
  contentType: 'application/json',
});

/** Bodies that are not JSON objects at all: broken JSON, wrong content types, none, too big. */
export const rawBodies: fc.Arbitrary<Payload> = fc.oneof(
  fc.record({
    raw: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"a":', '[1,', '\u0000')),
    contentType: fc.constant('application/json'),
  }),
  fc.record({
    raw: fc.constant('{"channel":"email"}'),
    contentType: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      'multipart/form-data',
      undefined,
    ),
  }),
  fc.constant({ raw: undefined, contentType: undefined }),
  fc.constant({ raw: `{"account":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json' }),
);
