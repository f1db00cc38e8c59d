// Hostile input against the HTTP API (fast-check, in-process app, real PostgreSQL): whatever the
// body, path, id or content type, the API never answers 5xx; every 4xx is problem+json carrying
// the request id; a refused request leaves every table exactly as it was; each accepted case is
// stored exactly once; and the app still answers afterwards.
//
// Each run records every violation instead of stopping at the first, so one run reports every
// distinct kind of failure (grouped by endpoint, status and error code, with sample inputs).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { complaint, makeDesk, recordingJobs, tokenFor, type Desk } from '../support/harness.ts';
import {
  asJson,
  badChannel,
  badDate,
  hostileString,
  mutated,
  pathSegment,
  rawBodies,
  type Payload,
} from '../support/hostile.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
// Printed with the figures; FUZZ_SEED=<seed> replays a run.
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
// Every table an action may write to; a refusal must leave each one byte-for-byte unchanged.
const TABLES = [
  'cases',
  'case_events',
  'case_steps',
  'case_pauses',
  'customers',
  'customer_contacts',
  'messages',
  'resolution_options',
  'restitutions',
  'promises',
  'notifications',
  'effects',
  'idempotency_keys',
  'users',
  'api_tokens',
  'org_settings',
];
const SNAPSHOT_SQL = TABLES.map(
  (t) =>
    `SELECT '${t}' AS t, count(*)::text || ':' || ` +
    `coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS v FROM ${t} x`,
).join(' UNION ALL ');

let desk: Desk;
const jobs = recordingJobs(); // queued jobs count as writes too
let api: FastifyInstance;
let headers: Record<string, string>;
let adminId: string;
let otherUserId: string;
const seeded: Array<{ id: string; reference: string }> = [];
const tried = { cases: 0, playbook: 0, list: 0 };
const statuses: Record<string, number> = {};
const accepted = new Map<string, number>(); // case id → times acknowledged with 201
const byKey = new Map<string, string>(); // idempotency key → case id
const violations = new Map<string, string[]>(); // kind of failure → sample inputs
const serverErrors: string[] = []; // why the app answered 500, from its error log

/** The app's error log, reduced to the statement and the end of the message (the cause). */
const errorLog = {
  write(line: string) {
    const message = (JSON.parse(line) as { err?: { message?: string } }).err?.message ?? '?';
    const statement = /^Failed query: (\w+(?: into| from)? "?\w+"?)/.exec(message)?.[1];
    const tail = (message.split('\n').at(-1) ?? '').slice(-80);
    serverErrors.push(statement ? `${statement}: …${tail}` : tail);
  },
};

beforeAll(async () => {
  desk = await makeDesk({ jobs });
  api = await buildApp({
    database: desk.database,
    jobs,
    now: desk.clock.now,
    logger: { level: 'error', stream: errorLog },
  });
  const admin = await tokenFor(desk, 'admin');
  headers = admin.headers;
  adminId = admin.user.id;
  otherUserId = (await desk.makeUser('agent')).id;
  for (let i = 0; i < 3; i++) {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers,
      payload: complaint(),
    });
    expect(res.statusCode).toBe(201);
    seeded.push(res.json<{ id: string; reference: string }>());
  }
});

afterAll(async () => {
  console.log(
    `fuzz-api (seed ${SEED}): tried ${tried.cases} case creations, ${tried.playbook} playbook calls, ` +
      `${tried.list} list queries; ${accepted.size} cases accepted; ` +
      `statuses ${JSON.stringify(statuses)}`,
  );
  await api?.close();
  await desk?.close();
});

async function snapshot(): Promise<Record<string, string>> {
  const res = await desk.database.pool.query<{ t: string; v: string }>(SNAPSHOT_SQL);
  const out: Record<string, string> = { queuedJobs: String(jobs.sent.length) };
  for (const row of res.rows) out[row.t] = row.v;
  return out;
}

const rowCount = (snap: Record<string, string>, table: string) =>
  Number(snap[table]?.split(':')[0]);

async function send(method: 'GET' | 'POST', url: string, body: Payload, extra = {}) {
  return api.inject({
    method,
    url,
    headers: {
      ...headers,
      ...(body.contentType ? { 'content-type': body.contentType } : {}),
      ...extra,
    },
    ...(body.raw === undefined ? {} : { payload: body.raw }),
  });
}

/** Long runs of one character, shortened so a sample stays readable. */
const squeeze = (s: string) => s.replace(/(.)\1{19,}/gsu, (run, c: string) => `${c}×${run.length}`);

/** Records a broken property under a short kind, keeping the three shortest sample calls. */
function violate(kind: string, url: string, body: Payload, res: LightMyRequestResponse): void {
  const sample = `${squeeze(url)} ${squeeze(String(body.raw))} → ${res.body.slice(0, 200)}`;
  const samples = [...(violations.get(kind) ?? []), sample].sort((a, b) => a.length - b.length);
  violations.set(kind, samples.slice(0, 3));
}

/** Where a URL goes, without its ids: `/api/v1/cases/:id/steps/:step`. */
function routeOf(url: string): string {
  const parts = url.split('?')[0]?.split('/') ?? [];
  if (parts[3] !== 'cases' || parts.length < 6) return parts.slice(0, 4).join('/');
  return `/api/v1/cases/:id/${parts[5] ?? ''}${parts.length > 6 ? '/…' : ''}`;
}

function safeJson(text: string): { status?: number; requestId?: string; code?: string } {
  try {
    return JSON.parse(text) as { status?: number; requestId?: string; code?: string };
  } catch {
    return {};
  }
}

/** Checks the answer; on a refusal, also that nothing was written. Returns true if refused. */
async function checkAnswer(
  url: string,
  body: Payload,
  res: LightMyRequestResponse,
  before: Record<string, string>,
): Promise<boolean> {
  statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
  if (res.statusCode < 400) return false;
  const problem = safeJson(res.body);
  const code = problem.code ?? '?';
  // Router-level refusals (bad URL encoding, over-long params) happen before any route.
  const route = code.startsWith('FST_ERR_') ? 'any route' : routeOf(url);
  const isProblem = /^application\/problem\+json/.test(String(res.headers['content-type']));
  if (res.statusCode >= 500) {
    const cause = serverErrors.splice(0).join('; ') || code;
    violate(`${route}: ${res.statusCode} (${cause})`, url, body, res);
  }
  if (!isProblem)
    violate(`${route}: ${res.statusCode} ${code} is not problem+json`, url, body, res);
  else if (!problem.requestId)
    violate(`${route}: ${res.statusCode} problem without a requestId`, url, body, res);
  else if (problem.requestId !== res.headers['x-request-id'])
    violate(`${route}: ${res.statusCode} x-request-id header missing or differs`, url, body, res);
  else if (problem.status !== res.statusCode)
    violate(`${route}: problem status differs from HTTP status`, url, body, res);
  const after = await snapshot();
  const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
  if (changed.length > 0)
    violate(`${route}: refused ${res.statusCode} but wrote ${changed.join(',')}`, url, body, res);
  return true;
}

function reportViolations(): string[] {
  return [...violations].map(([kind, samples]) => `${kind}\n    ${samples.join('\n    ')}`);
}

describe('POST /api/v1/cases under hostile input', () => {
  const fullComplaint = () =>
    complaint({
      receivedAt: '2026-11-23T09:30:00+00:00',
      category: 'delivery',
      severity: 'high',
      complainerType: 'voicer',
      ownerId: adminId,
      callDurationSeconds: 120,
      letterScanRef: 'scan-1',
      customer: {
        firstName: 'Priya',
        lastName: 'Shah',
        contacts: [{ kind: 'email', value: 'priya.shah@example.com' }],
        lifetimeValue: '120.50',
        currency: 'GBP',
      },
      suggestedFeelings: [{ feeling: 'frustrated', score: 0.8, evidence: ['really upset'] }],
    });
  const special = (): Record<string, fc.Arbitrary<unknown>> => ({
    channel: badChannel,
    receivedAt: badDate,
    'customer.id': fc.oneof(fc.uuid(), hostileString),
    ownerId: fc.oneof(fc.uuid(), fc.constant(otherUserId)),
    'customer.lifetimeValue': fc.oneof(
      fc.constantFrom('9999999999.99', '1e3', '-1', '0.001', '00000000001'),
      fc.double().map(String),
    ),
    'suggestedFeelings.0.evidence': fc.array(hostileString, { maxLength: 3 }),
  });
  // Arbitraries that read ids are built lazily, after beforeAll has made the users.
  const body = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null).chain(() => mutated(fullComplaint(), special())) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.constant(null).map(() => fullComplaint() as unknown) },
  );
  const payload = fc.oneof(
    { weight: 8, arbitrary: body.map(asJson) },
    { weight: 1, arbitrary: rawBodies },
  );
  const key = fc.option(fc.stringMatching(/^[A-Za-z0-9-]{1,3}$/), { nil: undefined });

  test('never 5xx, refusals are problems that write nothing, acceptances are stored once', async () => {
    const url = '/api/v1/cases';
    violations.clear();
    await fc.assert(
      fc.asyncProperty(payload, key, async (p, idemKey) => {
        tried.cases++;
        const before = await snapshot();
        const res = await send('POST', url, p, idemKey ? { 'idempotency-key': idemKey } : {});
        if (await checkAnswer(url, p, res, before)) return;
        const after = await snapshot();
        const id = res.json<{ id: string }>().id;
        const known = idemKey ? byKey.get(idemKey) : undefined;
        if (res.statusCode === 200) {
          // A replay answers with the first case for the key and writes nothing.
          if (known !== id) violate('replay returned another case', url, p, res);
          if (after.cases !== before.cases) violate('replay wrote to cases', url, p, res);
          return;
        }
        if (res.statusCode !== 201) violate(`unexpected ${res.statusCode}`, url, p, res);
        if (known) violate('a used Idempotency-Key opened a second case', url, p, res);
        if (idemKey) byKey.set(idemKey, id);
        accepted.set(id, (accepted.get(id) ?? 0) + 1);
        if (rowCount(after, 'cases') !== rowCount(before, 'cases') + 1)
          violate('an accepted case did not add exactly one row', url, p, res);
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
    const stored = await desk.database.pool.query<{ id: string; n: string; opened: string }>(
      `SELECT c.id, count(*) OVER (PARTITION BY c.id)::text AS n,
              (SELECT count(*) FROM case_events e
                WHERE e.case_id = c.id AND e.type = 'case_opened')::text AS opened
         FROM cases c`,
    );
    const storedById = new Map(stored.rows.map((r) => [r.id, r]));
    for (const [id, times] of accepted) {
      expect(times, id).toBe(1);
      expect(storedById.get(id)?.n, `case ${id} stored once`).toBe('1');
      expect(storedById.get(id)?.opened, `case ${id} opened once`).toBe('1');
    }
    expect(reportViolations()).toEqual([]);
  }, 120_000);
});

describe('playbook endpoints under hostile input', () => {
  const ENDPOINTS: Record<string, () => object> = {
    restatement: () => ({ restatement: 'Your sofa arrived torn and you lost a day off.' }),
    feelings: () => ({ feelings: ['frustrated', 'disappointed'] }),
    solutions: () => ({ options: ['Replace the cover', 'Refund'], customerIdea: 'A new one' }),
    verdict: () => ({ verdict: 'meets', note: 'Happy enough' }),
    'steps/apologize': () => ({ notes: 'said sorry' }),
    restitutions: () => ({ kind: 'gift_card', amount: '25.00', currency: 'GBP', note: 'sorry' }),
    promises: () => ({ what: 'Call back', dueAt: '2026-11-24T10:00:00Z', toWhom: 'Priya' }),
    transfer: () => ({ toUserId: otherUserId, reason: 'Holiday cover' }),
    status: () => ({ status: 'in_progress', reason: 'Working on it' }),
    'root-cause': () => ({ rootCauseCategory: 'courier handling' }),
  };
  const special = (): Record<string, fc.Arbitrary<unknown>> => ({
    dueAt: badDate,
    amount: fc.oneof(fc.constantFrom('-5', '1e2', '99999999999', '0', '50.001'), fc.double()),
    toUserId: fc.oneof(fc.uuid(), hostileString, fc.constantFrom(adminId, otherUserId)),
    feelings: fc.array(fc.oneof(fc.constantFrom('angry', 'ANGRY'), hostileString), {
      maxLength: 9,
    }),
    options: fc.array(hostileString, { maxLength: 7 }),
  });
  const targetId = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .constant(null)
        .chain(() => fc.constantFrom(...seeded.flatMap((c) => [c.id, c.reference.toLowerCase()]))),
    },
    fc.constantFrom('RD-1', 'RD-999999999999999999999999', 'RD-', 'RD-1.5'),
    fc.uuid(),
    fc.nat().map((n) => `RD-${n}`),
    hostileString.map((s) => pathSegment(s.slice(0, 120))),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '%2F..%2F', '%00', 'a'.repeat(81), ' '),
  );
  const step = fc.oneof(
    fc.constantFrom('apologize', 'own_it', 'listen', 'thank', 'follow_up', 'nope', 'a'.repeat(61)),
    hostileString.map((s) => pathSegment(s.slice(0, 80))),
  );
  const endpoint = fc.constantFrom(...Object.keys(ENDPOINTS), 'steps/*');
  const call = fc.record({ endpoint, id: targetId, step }).chain(({ endpoint: e, id, step: s }) => {
    const base = (ENDPOINTS[e] ?? ENDPOINTS['steps/apologize'] ?? (() => ({})))();
    const bodies = fc.oneof(
      { weight: 4, arbitrary: mutated(base, special()).map(asJson) },
      { weight: 2, arbitrary: fc.constant(asJson(base)) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(asJson) },
      { weight: 1, arbitrary: rawBodies },
    );
    const path = e === 'steps/*' ? `steps/${s}` : e;
    return bodies.map((payload) => ({ url: `/api/v1/cases/${id}/${path}`, payload }));
  });

  test('never 5xx, and a refused call changes nothing', async () => {
    violations.clear();
    await fc.assert(
      fc.asyncProperty(call, async ({ url, payload }) => {
        tried.playbook++;
        const before = await snapshot();
        const res = await send('POST', url, payload);
        await checkAnswer(url, payload, res, before);
      }),
      { numRuns: RUNS * 4, seed: SEED },
    );
    expect(reportViolations()).toEqual([]);
  }, 120_000);
});

describe('GET /api/v1/cases with hostile queries', () => {
  const value = fc.oneof(hostileString, fc.integer().map(String), fc.constantFrom('open', 'new'));
  const query = fc.dictionary(
    fc.constantFrom('status', 'ownerId', 'channel', 'customerId', 'q', 'limit', 'offset', 'x'),
    value,
    { maxKeys: 4 },
  );
  test('never 5xx, and refusals are problems', async () => {
    violations.clear();
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        tried.list++;
        const url = `/api/v1/cases?${new URLSearchParams(q).toString()}`;
        const before = await snapshot();
        const res = await send('GET', url, { raw: undefined, contentType: undefined });
        await checkAnswer(url, { raw: JSON.stringify(q), contentType: undefined }, res, before);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(reportViolations()).toEqual([]);
  }, 60_000);
});

describe('after the storm', () => {
  test('the app is healthy and still opens cases', async () => {
    const health = await api.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers,
      payload: complaint(),
    });
    expect(res.statusCode).toBe(201);
  });
});
