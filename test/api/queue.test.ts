// The queue: next deadline per case (first response, resolution or promise), filters on
// deadline state, category and complainer type, and the total for paging.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { complaint, makeApi, makeDesk, tokenFor, type Desk } from '../support/harness.ts';

let desk: Desk;
let api: FastifyInstance;

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

test('deadline states, filters and totals', async () => {
  const { headers } = await tokenFor(desk, 'agent');
  const open = async (o: Record<string, unknown>) =>
    (
      await api.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: complaint(o) })
    ).json();
  desk.clock.set('2026-11-23T09:30:00Z'); // Monday: first responses due 17:30 today
  const late = await open({ category: 'delivery', complainerType: 'irate' });
  const promised = await open({ category: 'billing', complainerType: 'voicer' });
  const answered = await open({ category: 'delivery', complainerType: 'voicer' });
  await api.inject({
    method: 'POST',
    url: `/api/v1/cases/${promised.id}/promises`,
    headers,
    payload: { what: 'Call back', dueAt: '2026-11-23T16:45:00Z' },
  });
  await api.inject({
    method: 'POST',
    url: `/api/v1/cases/${answered.id}/replies`,
    headers,
    payload: { body: 'On it, Priya.' },
  });

  desk.clock.set('2026-11-23T16:15:00Z');
  const list = (
    await api.inject({ method: 'GET', url: '/api/v1/cases?status=open', headers })
  ).json();
  expect(list.total).toBe(3);
  const byId = new Map(list.items.map((i: { id: string }) => [i.id, i]));
  expect(byId.get(promised.id)).toMatchObject({ deadline: { kind: 'promise', state: 'at_risk' } });
  expect(byId.get(late.id)).toMatchObject({
    deadline: { kind: 'first_response', state: 'on_track' },
  });
  expect(byId.get(answered.id)).toMatchObject({
    deadline: { kind: 'resolution', state: 'on_track' },
  });
  expect(list.items[0].id).toBe(promised.id); // nearest deadline first

  desk.clock.set('2026-11-23T17:45:00Z');
  const breached = (
    await api.inject({ method: 'GET', url: '/api/v1/cases?deadline=breached', headers })
  ).json();
  expect(breached.items.map((i: { id: string }) => i.id).sort()).toEqual(
    [late.id, promised.id].sort(),
  );
  expect(breached.total).toBe(2);

  const irate = (
    await api.inject({
      method: 'GET',
      url: '/api/v1/cases?complainerType=irate&category=delivery',
      headers,
    })
  ).json();
  expect(irate.items.map((i: { id: string }) => i.id)).toEqual([late.id]);
  const bad = await api.inject({ method: 'GET', url: '/api/v1/cases?deadline=soonish', headers });
  expect(bad.statusCode).toBe(422);
});
