// The metrics API and the audit export over HTTP: JSON, CSV by Accept header or ?format=csv,
// who may read them, and field-level refusals.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { JOBS } from '../../src/contracts/jobs.ts';
import type { recordingJobs } from '../support/harness.ts';
import { makeApi, makeDesk, tokenFor, type Desk } from '../support/harness.ts';
import { loadMetricsDataset, type Dataset } from '../support/metrics-dataset.ts';

let desk: Desk;
let api: FastifyInstance;
let data: Dataset;
let manager: Awaited<ReturnType<typeof tokenFor>>;
let agent: Awaited<ReturnType<typeof tokenFor>>;

beforeAll(async () => {
  desk = await makeDesk();
  desk.clock.set('2026-11-23T10:00:00Z');
  api = await makeApi(desk);
  manager = await tokenFor(desk, 'manager');
  agent = await tokenFor(desk, 'agent');
  data = await loadMetricsDataset(desk.database);
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const get = (url: string, headers: Record<string, string>) =>
  api.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const PERIOD = 'from=2026-11-02&to=2026-11-16&bucket=week';

/** A minimal RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) {
      field += ch;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    }
  }
  return rows;
}

describe('GET /metrics', () => {
  test('JSON for a manager, with every metric and its definition', async () => {
    const res = await get(`/metrics?${PERIOD}`, manager.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.buckets).toEqual(['2026-11-02', '2026-11-09']);
    const volume = body.metrics.find((m: { name: string }) => m.name === 'volume');
    expect(volume.total.value).toBe(5);
    expect(volume.definition).toMatch(/received/);
  });

  test('one metric by name, grouped by channel', async () => {
    const res = await get(`/metrics/acceptance_rate?${PERIOD}&groupBy=channel`, manager.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.metrics).toHaveLength(1);
    expect(body.metrics[0].byGroup).toContainEqual({
      bucket: null,
      group: 'phone',
      value: 0,
      numerator: 0,
      denominator: 1,
    });
  });

  test('CSV by Accept header: one row per point, totals first, owner names as labels', async () => {
    const res = await get(`/metrics?${PERIOD}&metrics=volume&groupBy=owner`, {
      ...manager.headers,
      accept: 'text/csv',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=/);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([
      'metric',
      'unit',
      'bucket',
      'group',
      'group_label',
      'value',
      'numerator',
      'denominator',
    ]);
    expect(rows[1]).toEqual(['volume', 'count', '', '', '', '5', '5', '']);
    expect(rows).toContainEqual(['volume', 'count', '', data.owners.o1, 'Olu Owner', '3', '3', '']);
    expect(rows).toContainEqual(['volume', 'count', '2026-11-09', '', '', '3', '3', '']);
    // Totals, two groups, two buckets, and two buckets × two groups.
    expect(rows).toHaveLength(1 + 1 + 2 + 2 + 4);
  });

  test('CSV by ?format=csv, the same as by header', async () => {
    const a = await get(`/metrics?${PERIOD}&metrics=volume&format=csv`, manager.headers);
    const b = await get(`/metrics?${PERIOD}&metrics=volume`, {
      ...manager.headers,
      accept: 'text/csv',
    });
    expect(a.headers['content-type']).toMatch(/^text\/csv/);
    expect(a.body).toBe(b.body);
  });

  test('agents are refused; a read-only token of a supervisor is enough', async () => {
    expect((await get(`/metrics?${PERIOD}`, agent.headers)).statusCode).toBe(403);
    const sup = await tokenFor(desk, 'supervisor', ['cases:read']);
    expect((await get(`/metrics?${PERIOD}&metrics=volume`, sup.headers)).statusCode).toBe(200);
  });

  test('bad filters are answered 422 with the field named', async () => {
    const res = await get(`/metrics?bucket=year&channel=pigeon`, manager.headers);
    expect(res.statusCode).toBe(422);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['bucket', 'channel']));
    expect((await get(`/metrics/happiness`, manager.headers)).statusCode).toBe(422);
  });
});

describe('GET /cases/:ref/audit', () => {
  test('the whole timeline as JSON, and the same as CSV', async () => {
    const ref = data.cases[1]!.reference;
    await desk.database.db.execute(
      // One event with a comma, a quote and a formula-looking value, to exercise CSV quoting.
      sql`INSERT INTO case_events (case_id, at, actor_label, type, data)
        VALUES (${data.cases[1]!.id}, '2026-11-02T09:00Z', 'Olu Owner', 'case_opened', '{"note":"=SUM(A1), \\"quoted\\""}'),
               (${data.cases[1]!.id}, '2026-11-02T11:00Z', 'Olu Owner', 'reply_recorded', '{}')`,
    );
    const json = await get(`/cases/${ref}/audit`, manager.headers);
    expect(json.statusCode).toBe(200);
    expect(json.json().events.map((e: { type: string }) => e.type)).toEqual([
      'case_opened',
      'reply_recorded',
    ]);
    const csv = await get(`/cases/${ref}/audit?format=csv`, manager.headers);
    expect(csv.headers['content-disposition']).toContain(`${ref}-timeline.csv`);
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual(['reference', 'event_id', 'at', 'type', 'actor', 'actor_id', 'data']);
    expect(rows).toHaveLength(3);
    expect(rows[1]![3]).toBe('case_opened');
    expect(JSON.parse(rows[1]![6]!)).toEqual({ note: '=SUM(A1), "quoted"' });
  });

  test('agents may not export the audit trail; an unknown case is 404', async () => {
    const ref = data.cases[1]!.reference;
    expect((await get(`/cases/${ref}/audit`, agent.headers)).statusCode).toBe(403);
    expect((await get(`/cases/RD-999999/audit`, manager.headers)).statusCode).toBe(404);
  });
});

describe('drill-down: GET /cases with the metric outcome lists the cases behind it', () => {
  const refs = async (query: string) => {
    const res = await get(`/cases?${query}&limit=500`, agent.headers);
    expect(res.statusCode).toBe(200);
    return res
      .json()
      .items.map((i: { reference: string }) => i.reference)
      .sort();
  };
  const ref = (n: number) => data.cases[n]!.reference;
  const window = 'receivedFrom=2026-11-02T00:00:00Z&receivedTo=2026-11-16T00:00:00Z';

  test.each([
    ['first_response_missed', [2, 4]],
    ['sla_missed', [2, 3, 4]],
    ['falls_short', [2]],
    ['accepted', [1, 5]],
    ['promise_broken', [2]],
    ['restitution_given', [1, 2, 5]],
  ])('%s', async (outcome, cases) => {
    expect(await refs(`${window}&outcome=${outcome}`)).toEqual(cases.map(ref).sort());
  });

  test('a week bucket and a channel', async () => {
    expect(
      await refs('receivedFrom=2026-11-09T00:00:00Z&receivedTo=2026-11-16T00:00:00Z&channel=email'),
    ).toEqual([ref(3), ref(5)].sort());
  });
});

describe('POST /customer-activity', () => {
  const post = (payload: object, headers = manager.headers) =>
    api.inject({ method: 'POST', url: '/api/v1/customer-activity', headers, payload });

  test('activity after the closure turns a recovered customer into a retained one', async () => {
    const retention = async () => {
      const res = await get(`/metrics/retention_after_recovery?${PERIOD}`, manager.headers);
      return res.json().metrics[0].total;
    };
    expect(await retention()).toMatchObject({ numerator: 1, denominator: 2 });
    const res = await post({
      items: [
        { customerId: data.customers.C, at: '2026-11-20T09:00:00Z', kind: 'order', value: '42.50' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ recorded: 1 });
    expect(await retention()).toMatchObject({ numerator: 2, denominator: 2 });
  });

  test('an unknown customer or a bad date refuses the whole batch, naming the item', async () => {
    const res = await post({
      items: [
        { customerId: data.customers.D, at: '2026-11-20T09:00:00Z', kind: 'order' },
        {
          customerId: '00000000-0000-4000-8000-000000000000',
          at: '2026-11-20T09:00:00Z',
          kind: 'order',
        },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'items.1.customerId' })]);
    const bad = await post({
      items: [{ customerId: data.customers.D, at: 'yesterday', kind: 'order' }],
    });
    expect(bad.statusCode).toBe(422);
    const count = await desk.database.pool.query(
      'SELECT count(*)::int AS n FROM customer_activity WHERE customer_id = $1',
      [data.customers.D],
    );
    expect(count.rows[0].n).toBe(2);
  });
});

describe('POST /metrics/rollups', () => {
  const post = (payload: object | undefined, headers = manager.headers) =>
    api.inject({
      method: 'POST',
      url: '/api/v1/metrics/rollups',
      headers,
      ...(payload ? { payload } : {}),
    });
  const sent = () =>
    (desk.jobs as ReturnType<typeof recordingJobs>).sent.filter(
      (j) => j.name === JOBS.refreshRollups.name,
    );

  test('queues a refresh of the rollups, or a rebuild', async () => {
    const before = sent().length;
    const res = await post({});
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ queued: true });
    expect((await post({ rebuild: true })).statusCode).toBe(202);
    expect(
      sent()
        .slice(before)
        .map((j) => j.data),
    ).toEqual([{}, { rebuild: true }]);
  });

  test('agents may not ask; a bad field is refused by name', async () => {
    const before = sent().length;
    expect((await post({}, agent.headers)).statusCode).toBe(403);
    const bad = await post({ rebuild: 'yes' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues).toEqual([expect.objectContaining({ path: 'body.rebuild' })]);
    expect(sent()).toHaveLength(before);
  });
});

test('the OpenAPI description lists the metrics, audit and activity routes', async () => {
  const spec = (await api.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  expect(Object.keys(spec.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/metrics',
      '/api/v1/metrics/{name}',
      '/api/v1/cases/{id}/audit',
      '/api/v1/customer-activity',
      '/api/v1/metrics/rollups',
    ]),
  );
});
