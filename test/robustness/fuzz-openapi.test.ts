// Every API route fuzzed from its own schema (the OpenAPI document at /api/v1/openapi.json),
// plus raw MIME on the email door and signed-but-hostile webhook bodies. Bodies are generated
// from each route's JSON schema and then mutated with hostile values; query strings carry
// injection attempts into search, filters and sorting. Properties: never a 5xx, every refusal
// is problem+json, a refusal writes nothing, and afterwards the store is intact (every case has
// exactly one opening event, no table was dropped). FUZZ_RUNS scales the run; FUZZ_SEED replays.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { smsSignature, socialSignature } from '../../src/channels/webhooks/signatures.ts';
import { complaint, makeDesk, recordingJobs, tokenFor, type Desk } from '../support/harness.ts';
import { hostileString, hostileValue, pathSegment } from '../support/hostile.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const SMS_TOKEN = 'sms-auth-token-for-tests';
const SOCIAL_SECRET = 'social-secret-for-tests-0123456789';
const PUBLIC = 'http://localhost';
const INJECTION = fc.constantFrom(
  "' OR 1=1 --",
  "'; DROP TABLE cases; --",
  '%',
  '_',
  '\\',
  '%27%20OR%201%3D1',
  'received_at; DELETE FROM cases',
  'id DESC, (SELECT pg_sleep(5))',
  '$1',
  '::text',
  '{"$gt":""}',
);

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

let desk: Desk;
let api: FastifyInstance;
let headers: Record<string, string>;
const refs: string[] = [];
const tried: Record<string, number> = {};
const statuses: Record<string, number> = {};
const violations: string[] = [];

/** A generated value as query text. Not String(): a generated object may carry a "toString"
 * key that is not a function, which String() cannot convert. */
function asText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

/** A fast-check arbitrary for values that fit (or nearly fit) a JSON schema. */
function fromSchema(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)));
  if (s.allOf?.[0]) return fromSchema(s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type ?? '') {
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date-time')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'email') return fc.emailAddress();
      return fc.string({ minLength: 1, maxLength: Math.min(s.maxLength ?? 40, 40) });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 10_000, 10_000) });
    case 'number':
      return fc.double({ min: s.minimum ?? -10, max: s.maximum ?? 10_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(s.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(v, depth + 1)]),
      );
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A body from the schema, sometimes with one field swapped for something hostile. */
function bodyFor(s: Schema | undefined): fc.Arbitrary<unknown> {
  const valid = fromSchema(s);
  const spoiled = fc
    .tuple(valid, fc.string({ maxLength: 12 }), fc.oneof(hostileValue, hostileString))
    .map(([v, k, bad]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return bad;
      const keys = Object.keys(v);
      const key = keys.length > 0 ? (keys[k.length % keys.length] ?? k) : k;
      return { ...(v as object), [key]: bad };
    });
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: spoiled },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** Percent-encodes, turning lone surrogates (which cannot be encoded) into U+FFFD first. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, '\ufffd'));

async function rowCounts(): Promise<string> {
  const res = await desk.database.pool.query<{ v: string }>(
    `SELECT string_agg(relname || '=' || n_live_tup, ',' ORDER BY relname) AS v
       FROM pg_stat_user_tables WHERE schemaname = 'public'`,
  );
  const exact = await desk.database.pool.query<{ v: string }>(
    `SELECT (SELECT count(*) FROM cases) || '/' || (SELECT count(*) FROM case_events) || '/' ||
            (SELECT count(*) FROM customers) || '/' || (SELECT count(*) FROM messages) || '/' ||
            (SELECT count(*) FROM promises) || '/' || (SELECT count(*) FROM restitutions) AS v`,
  );
  return `${exact.rows[0]?.v}|${(res.rows[0]?.v ?? '').length > 0 ? 'ok' : ''}`;
}

function check(label: string, res: LightMyRequestResponse, wrote: boolean): void {
  statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
  if (res.statusCode >= 500)
    violations.push(`${label} → ${res.statusCode} ${res.body.slice(0, 160)}`);
  if (res.statusCode >= 400 && !/problem\+json/.test(String(res.headers['content-type'])))
    violations.push(`${label} → ${res.statusCode} not problem+json`);
  if (res.statusCode >= 400 && wrote) violations.push(`${label} → ${res.statusCode} but wrote`);
}

beforeAll(async () => {
  desk = await makeDesk({ jobs: recordingJobs() });
  api = await buildApp({
    database: desk.database,
    jobs: desk.jobs,
    now: desk.clock.now,
    webhooks: {
      publicUrl: PUBLIC,
      smsAuthToken: SMS_TOKEN,
      socialSecret: SOCIAL_SECRET,
      limitPerMinute: 1_000_000,
    },
  });
  headers = (await tokenFor(desk, 'admin')).headers;
  for (let i = 0; i < 3; i++) {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers,
      payload: complaint(),
    });
    refs.push(res.json<{ reference: string }>().reference);
  }
});
afterAll(async () => {
  console.log(
    `fuzz-openapi (seed ${SEED}): tried ${JSON.stringify(tried)}; statuses ${JSON.stringify(statuses)}`,
  );
  await api?.close();
  await desk?.close();
});

describe('every route, from its schema', () => {
  test('never 5xx, refusals are problems and write nothing', async () => {
    const doc = (await api.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    expect(ops.length).toBeGreaterThan(40);
    const idValue = fc.oneof(
      fc.constantFrom(...refs),
      fc.uuid(),
      hostileString.map((s) => pathSegment(s.slice(0, 60)) || 'x'),
    );
    const call = fc.constantFrom(...ops).chain(({ method, path, op }) => {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const queryArb = fc.array(
        fc.tuple(
          fc.constantFrom(...(query.length ? query.map((q) => q.name) : ['q']), 'sort', 'order'),
          fc.oneof(INJECTION, hostileString, fromSchema(query[0]?.schema).map(asText)),
        ),
        { maxLength: 3 },
      );
      const schema = op.requestBody?.content?.['application/json']?.schema;
      return fc.record({
        method: fc.constant(method),
        path: fc.constant(path),
        id: idValue,
        query: queryArb,
        body: method === 'GET' || method === 'DELETE' ? fc.constant(undefined) : bodyFor(schema),
      });
    });
    await fc.assert(
      fc.asyncProperty(call, async ({ method, path, id, query, body }) => {
        tried[path] = (tried[path] ?? 0) + 1;
        const qs = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
        const url = path.replace(/\{[^}]+\}/g, id) + (qs ? `?${qs}` : '');
        const before = await rowCounts();
        const res = await api.inject({
          method: method as 'POST',
          url,
          headers: {
            ...headers,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        check(
          `${method} ${url.slice(0, 120)}`,
          res,
          res.statusCode >= 400 && (await rowCounts()) !== before,
        );
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
    expect(violations).toEqual([]);
  }, 180_000);
});

describe('raw MIME on the email door', () => {
  const header = fc.constantFrom(
    'From: ',
    'To: ',
    'Subject: ',
    'Message-ID: ',
    'In-Reply-To: ',
    'Content-Type: multipart/mixed; boundary=',
    'Content-Type: text/plain; charset=',
    'Content-Transfer-Encoding: ',
    'Auto-Submitted: ',
  );
  const mime = fc.oneof(
    fc
      .array(
        fc.tuple(header, fc.oneof(hostileString, fc.constantFrom('x', '<a@b>', 'base64', 'utf-7'))),
        {
          maxLength: 8,
        },
      )
      .chain((hs) =>
        fc
          .oneof(hostileString, fc.string({ unit: 'binary', maxLength: 400 }))
          .map((bodyText) => `${hs.map(([h, v]) => `${h}${v}`).join('\r\n')}\r\n\r\n${bodyText}`),
      ),
    fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString('latin1')),
  );
  test('never 5xx, whatever arrives', async () => {
    await fc.assert(
      fc.asyncProperty(mime, async (raw) => {
        tried.mime = (tried.mime ?? 0) + 1;
        const res = await api.inject({
          method: 'POST',
          url: '/api/v1/channels/email',
          headers: { ...headers, 'content-type': 'message/rfc822' },
          payload: Buffer.from(raw, 'latin1'),
        });
        check('email', res, false);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(violations).toEqual([]);
  }, 120_000);
});

describe('signed webhooks with hostile bodies', () => {
  const socialEvent = fc.record(
    {
      id: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), hostileValue),
      kind: fc.oneof(fc.constantFrom('mention', 'direct_message'), hostileValue),
      network: fc.oneof(fc.constantFrom('x', 'instagram'), hostileString),
      author: fc.oneof(fc.record({ handle: hostileString, name: hostileString }), hostileValue),
      text: fc.oneof(hostileString, hostileValue),
      url: fc.oneof(fc.webUrl(), hostileString),
    },
    { requiredKeys: [] },
  );
  test('a valid signature over junk is still refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(socialEvent, fc.jsonValue({ maxDepth: 3 })),
        fc.dictionary(fc.constantFrom('MessageSid', 'From', 'To', 'Body', 'x'), hostileString),
        async (event, sms) => {
          tried.webhooks = (tried.webhooks ?? 0) + 2;
          const raw = JSON.stringify(event) ?? 'null';
          const ts = String(Math.floor(desk.clock.now().getTime() / 1000));
          const social = await api.inject({
            method: 'POST',
            url: '/api/v1/webhooks/social',
            headers: {
              'content-type': 'application/json',
              'x-redress-timestamp': ts,
              'x-redress-signature': `sha256=${socialSignature(SOCIAL_SECRET, ts, Buffer.from(raw))}`,
            },
            payload: raw,
          });
          check('social', social, false);
          const form = new URLSearchParams(sms).toString();
          const parsed = Object.fromEntries(new URLSearchParams(form));
          const text = await api.inject({
            method: 'POST',
            url: '/api/v1/webhooks/sms',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': smsSignature(
                SMS_TOKEN,
                `${PUBLIC}/api/v1/webhooks/sms`,
                parsed,
              ),
            },
            payload: form,
          });
          check('sms', text, false);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(violations).toEqual([]);
  }, 120_000);
});

test('afterwards the store is whole: tables there, one opening event per case', async () => {
  const res = await desk.database.pool.query<{ bad: string; cases: string }>(
    `SELECT (SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM case_events e
               WHERE e.case_id = c.id AND e.type = 'case_opened') <> 1)::text AS bad,
            (SELECT count(*) FROM cases)::text AS cases`,
  );
  expect(res.rows[0]?.bad).toBe('0');
  expect(Number(res.rows[0]?.cases)).toBeGreaterThanOrEqual(3);
  const res2 = await api.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers,
    payload: complaint(),
  });
  expect(res2.statusCode).toBe(201);
});
