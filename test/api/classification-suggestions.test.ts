// Intake's suggested complainer type and category, confirmed or corrected by staff, measured
// over HTTP on real PostgreSQL (issue: corrections are kept so suggestions can be measured).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  apiCaller,
  complaint,
  makeApi,
  makeDesk,
  tokenFor,
  type Desk,
} from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;
let agent: Awaited<ReturnType<typeof tokenFor>>;

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  agent = await tokenFor(desk, 'agent');
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const call = apiCaller(() => api);

async function open(account: string) {
  const res = await call('POST', '/cases', agent, complaint({ account }));
  expect(res.status).toBe(201);
  return res.body as { reference: string; complainerType: string | null; analysis: unknown };
}

test('suggestions are stored at intake and measured against what staff settled on', async () => {
  const loud = await open(
    'You charged my card twice for one order. I am posting this on Twitter and reporting you to the ombudsman.',
  );
  expect(loud.complainerType).toBe('activist');
  expect(loud.analysis).toMatchObject({ activist: true, suggestedCategory: 'billing' });
  const late = await open('The delivery was late again and I waited at home all day.');
  expect(late.analysis).toMatchObject({ activist: false, suggestedCategory: 'late' });
  const unclassified = await open('The delivery was late and the driver was rude.');

  // Staff keep the first reading, correct the second (category and type).
  expect(
    (await call('POST', `/cases/${loud.reference}/classify`, agent, { category: 'Billing' }))
      .status,
  ).toBe(200);
  expect(
    (
      await call('POST', `/cases/${late.reference}/classify`, agent, {
        category: 'delivery',
        complainerType: 'irate',
      })
    ).status,
  ).toBe(200);

  const report = await call('GET', '/reports/classification-suggestions', agent);
  expect(report.status).toBe(200);
  // Only the two classified cases count; the third is not yet judged.
  expect(report.body.complainerType).toMatchObject({
    cases: 2,
    suggested: 1,
    kept: 1,
    accuracy: 1,
  });
  expect(report.body.complainerType.byLabel).toEqual([
    { label: 'activist', tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 },
    { label: 'irate', tp: 0, fp: 0, fn: 1, precision: null, recall: 0 },
  ]);
  expect(report.body.category).toMatchObject({ cases: 2, suggested: 2, kept: 1, accuracy: 0.5 });
  expect(report.body.category.byLabel).toEqual(
    expect.arrayContaining([
      { label: 'late', tp: 0, fp: 1, fn: 0, precision: 0, recall: null },
      { label: 'delivery', tp: 0, fp: 0, fn: 1, precision: null, recall: 0 },
    ]),
  );
  expect(unclassified.reference).toMatch(/^RD-/);
});
