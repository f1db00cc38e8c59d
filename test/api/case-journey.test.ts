// A complaint carried from intake to a properly recovered, closed case over the HTTP API.
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
let agent: Awaited<ReturnType<typeof tokenFor>>;
let supervisor: Awaited<ReturnType<typeof tokenFor>>;

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  agent = await tokenFor(desk, 'agent');
  supervisor = await tokenFor(desk, 'supervisor');
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const call = apiCaller(() => api);

describe('a case from intake to closure', () => {
  test('walks the whole recovery and closes only when person, problem and system are done', async () => {
    const opened = await call('POST', '/cases', agent, complaint());
    expect(opened.status).toBe(201);
    const ref = opened.body.reference as string;
    expect(ref).toMatch(/^RD-\d+$/);

    const early = await call('POST', `/cases/${ref}/close`, agent);
    expect(early.status).toBe(409);
    const codes = (early.body.missing as Array<{ code: string }>).map((m) => m.code);
    expect(codes).toEqual(
      expect.arrayContaining(['verdict', 'thanked', 'chosen_option', 'root_cause']),
    );

    // Solutions before feelings: allowed, but nudged.
    const offered = await call('POST', `/cases/${ref}/solutions`, agent, {
      options: ['Replace the cushion cover this week', 'Full refund of the sofa'],
      customerIdea: 'A new cushion and a delivery slot on a Saturday',
    });
    expect(offered.status).toBe(200);
    expect(offered.body.nudge).toMatch(/feelings/);
    const options = offered.body.options as Array<{ id: string }>;

    expect(
      (
        await call('POST', `/cases/${ref}/restatement`, agent, {
          restatement: 'Your sofa came damaged and you lost a day off work.',
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', `/cases/${ref}/restatement/confirm`, agent)).status).toBe(200);
    expect(
      (
        await call('POST', `/cases/${ref}/feelings`, agent, {
          feelings: ['frustrated', 'disappointed'],
        })
      ).status,
    ).toBe(200);
    for (const step of ['apologize', 'own_it']) {
      expect(
        (await call('POST', `/cases/${ref}/steps/${step}`, agent, { notes: 'done on the phone' }))
          .status,
      ).toBe(200);
    }
    expect(
      (
        await call('POST', `/cases/${ref}/replies`, agent, {
          body: 'Priya, I am sorry: this is ours to fix.',
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('POST', `/cases/${ref}/solutions/choose`, agent, { optionId: options[0]?.id }))
        .status,
    ).toBe(200);
    expect((await call('POST', `/cases/${ref}/verdict`, agent, { verdict: 'meets' })).status).toBe(
      200,
    );

    // Above the agent's £50 limit: goes to the supervisor.
    const gift = await call('POST', `/cases/${ref}/restitutions`, agent, {
      kind: 'gift_card',
      amount: '80',
    });
    expect(gift.body.needsApproval).toBe(true);
    const queue = await call('GET', '/approvals', supervisor);
    expect(queue.body).toHaveLength(1);
    expect(queue.body[0]).toMatchObject({
      reference: ref,
      amount: '80.00',
      requesterName: agent.user.name,
    });
    const pendingId = (gift.body.restitution as { id: string }).id;
    const alerts = await call('GET', '/notifications?unread=true', supervisor);
    const alert = (alerts.body as unknown as Array<{ id: string; kind: string }>).find(
      (n) => n.kind === 'approval_requested',
    );
    expect(alert).toBeTruthy();
    expect(
      (
        await api.inject({
          method: 'POST',
          url: `/api/v1/notifications/${alert?.id}/read`,
          headers: supervisor.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await api.inject({
          method: 'POST',
          url: `/api/v1/notifications/${alert?.id}/read`,
          headers: agent.headers,
        })
      ).statusCode,
    ).toBe(404);
    const decided = await call('POST', `/approvals/${pendingId}/decision`, supervisor, {
      approve: true,
      reason: 'Lost a day off work',
    });
    expect(decided.body.status).toBe('granted');

    expect((await call('POST', `/cases/${ref}/solutions/deliver`, agent)).body.status).toBe(
      'resolved',
    );
    expect((await call('POST', `/cases/${ref}/thank`, agent)).status).toBe(200);
    expect(
      (
        await call('POST', `/cases/${ref}/root-cause`, agent, {
          rootCauseCategory: 'courier handling',
        })
      ).status,
    ).toBe(200);

    const closed = await call('POST', `/cases/${ref}/close`, agent);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    const view = await call('GET', `/cases/${ref}`, agent);
    const types = (view.body.timeline as Array<{ type: string }>).map((e) => e.type);
    expect(types[0]).toBe('case_opened');
    expect(types).toEqual(
      expect.arrayContaining([
        'nudge',
        'solutions_offered',
        'approval_requested',
        'approval_decided',
        'closed',
      ]),
    );
    expect(types.at(-1)).toBe('closed');
    expect((view.body.clocks as { firstResponse: { status: string } }).firstResponse.status).toBe(
      'met',
    );
  });

  test('suggested feelings are measured against what agents confirmed', async () => {
    const report = await call('GET', '/reports/feeling-suggestions', agent);
    expect(report.body.cases).toBeGreaterThanOrEqual(1);
    const total = report.body.byFeeling.reduce(
      (n: number, f: { tp: number; fn: number }) => n + f.tp + f.fn,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(2); // the journey confirmed frustrated + disappointed
  });

  test('intake finds the existing customer by a contact in another case', async () => {
    const a = await call('POST', '/cases', agent, complaint());
    const b = await call(
      'POST',
      '/cases',
      agent,
      complaint({ customer: { contacts: [{ kind: 'email', value: ' priya.shah@EXAMPLE.com ' }] } }),
    );
    expect(b.body.customerId).toBe(a.body.customerId);
    const customer = await call('GET', `/customers/${a.body.customerId}`, agent);
    expect(customer.body.contacts).toEqual([{ kind: 'email', value: 'priya.shah@example.com' }]);
    expect(customer.body.cases.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([a.body.id, b.body.id]),
    );
  });

  test('a retried submission with the same Idempotency-Key returns the first case', async () => {
    const headers = { ...agent.headers, 'idempotency-key': 'retry-123' };
    const first = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers,
      payload: complaint(),
    });
    const second = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers,
      payload: complaint(),
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
  });

  test('bad input is a 422 problem with field-level issues', async () => {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.headers,
      payload: { channel: 'pigeon', account: '' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.requestId).toBeTruthy();
    expect(body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.channel']),
    );
  });
});
