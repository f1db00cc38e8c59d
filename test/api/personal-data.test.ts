// Personal data: a manager or admin exports everything stored about a customer and erases it.
// After an erasure no table holds the person's name, contacts or words; counts, amounts and
// statuses are unchanged; each case's timeline records who erased and why. Agents may do
// neither; an open case blocks the erasure.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
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
const call = apiCaller(() => api);
let manager: Awaited<ReturnType<typeof tokenFor>>;
let agent: Awaited<ReturnType<typeof tokenFor>>;
let customerId: string;
let reference: string;
const WORDS = 'The courier left my parcel with Mrs Okonkwo at number 14';

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  manager = await tokenFor(desk, 'manager');
  agent = await tokenFor(desk, 'agent');
  const opened = await call(
    'POST',
    '/cases',
    agent,
    complaint({
      account: WORDS,
      customer: {
        firstName: 'Adaeze',
        lastName: 'Okonkwo',
        contacts: [
          { kind: 'email', value: 'adaeze.okonkwo@customers.example' },
          { kind: 'phone', value: '+44 7700 900461' },
        ],
      },
    }),
  );
  expect(opened.status).toBe(201);
  customerId = opened.body.customerId as string;
  reference = opened.body.reference as string;
  const steps: Array<[string, object]> = [
    ['replies', { body: 'Dear Adaeze, I am sorry your parcel went to number 14.' }],
    ['replies', { body: 'Adaeze called back from 07700 900461', isInternalNote: true }],
    ['promises', { what: 'Call Adaeze at home', dueAt: '2026-11-24T10:00:00Z', toWhom: 'Adaeze' }],
    ['restitutions', { kind: 'gift_card', amount: '25.00', currency: 'GBP', note: 'For Adaeze' }],
    ['restatement', { restatement: 'Adaeze, your parcel went to a neighbour at number 14.' }],
  ];
  for (const [path, body] of steps) {
    const res = await call('POST', `/cases/${reference}/${path}`, manager, body);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  }
});
afterAll(async () => {
  await api?.close();
  await desk?.close();
});

/** Every row of every public table as text, to search for leftovers. */
async function everything(): Promise<string> {
  const tables = await desk.database.pool.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`,
  );
  let all = '';
  for (const { t } of tables.rows) {
    const res = await desk.database.pool.query<{ v: string }>(
      `SELECT coalesce(string_agg(row_to_json(x)::text, E'\\n'), '') AS v FROM "${t}" x`,
    );
    all += res.rows[0]?.v ?? '';
  }
  return all;
}

async function aggregates() {
  const res = await desk.database.pool.query(
    `SELECT (SELECT count(*) FROM cases)::int AS cases,
            (SELECT count(*) FROM messages)::int AS messages,
            (SELECT count(*) FROM promises)::int AS promises,
            (SELECT sum(amount)::text FROM restitutions) AS given,
            (SELECT string_agg(status || channel || severity, ',') FROM cases) AS shape,
            (SELECT count(*) FROM case_events)::int AS events`,
  );
  return res.rows[0] as Record<string, unknown>;
}

describe('export', () => {
  test('a manager gets everything about the customer; an agent is refused', async () => {
    expect((await call('GET', `/customers/${customerId}/export`, agent)).status).toBe(403);
    const res = await call('GET', `/customers/${customerId}/export`, manager);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(res.body.customer).toMatchObject({ first_name: 'Adaeze', last_name: 'Okonkwo' });
    expect(res.body.contacts).toHaveLength(2);
    expect(res.body.cases[0].account).toBe(WORDS);
    expect(res.body.related.messages).toHaveLength(2);
    expect(res.body.related.case_events.length).toBeGreaterThan(3);
    expect(res.body.related.promises[0].to_whom).toBe('Adaeze');
    expect(text).toContain('900461');
    expect(
      (await call('GET', `/customers/${desk.clock.now().getTime()}/export`, manager)).status,
    ).toBe(422);
  });
});

describe('erasure', () => {
  test('refused for agents, without a reason, and while a case is open', async () => {
    const before = await everything();
    expect(
      (await call('POST', `/customers/${customerId}/erase`, agent, { reason: 'asked' })).status,
    ).toBe(403);
    expect((await call('POST', `/customers/${customerId}/erase`, manager, {})).status).toBe(422);
    const open = await call('POST', `/customers/${customerId}/erase`, manager, {
      reason: 'Customer asked to be forgotten',
    });
    expect(open.status).toBe(409);
    expect(open.body.title).toContain(reference);
    expect(await everything()).toBe(before);
  });

  test('removes every trace of the person, keeps the aggregates, and is on the timeline', async () => {
    // Closing through the playbook is covered by the case-journey tests; here the case is
    // simply marked closed so the erasure may run.
    await desk.database.pool.query(`UPDATE cases SET status = 'closed' WHERE reference = $1`, [
      reference,
    ]);
    expect(await everything()).toContain('Okonkwo');
    const before = await aggregates();
    const res = await call('POST', `/customers/${customerId}/erase`, manager, {
      reason: 'Customer asked to be forgotten',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cases: 1, contactsRemoved: 2 });
    const after = await aggregates();
    expect(after).toEqual({ ...before, events: (before.events as number) + 1 });
    const all = await everything();
    for (const trace of ['Adaeze', 'Okonkwo', 'adaeze.okonkwo', '900461', 'number 14', 'parcel'])
      expect(all, trace).not.toContain(trace);
    const view = await call('GET', `/cases/${reference}`, manager);
    expect(view.status).toBe(200);
    const erased = (
      view.body.timeline as Array<{ type: string; actorLabel?: string; data: object }>
    ).find((e) => e.type === 'customer_erased');
    expect(erased?.data).toMatchObject({ reason: 'Customer asked to be forgotten', cases: 1 });
    // The same address writing in again is a new person to the desk.
    const again = await call(
      'POST',
      '/cases',
      agent,
      complaint({
        customer: {
          firstName: 'Adaeze',
          contacts: [{ kind: 'email', value: 'adaeze.okonkwo@customers.example' }],
        },
      }),
    );
    expect(again.status).toBe(201);
    expect(again.body.customerId).not.toBe(customerId);
  });
});
