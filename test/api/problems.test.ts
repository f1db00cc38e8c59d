// Problems over the HTTP API: a manager records a problem and its fix; an agent gets suggestions
// on a case and links with one click; the repeat flag shows on the case; verification needs proof.
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
let manager: Awaited<ReturnType<typeof tokenFor>>;
let supervisor: Awaited<ReturnType<typeof tokenFor>>;

beforeAll(async () => {
  desk = await makeDesk();
  api = await makeApi(desk);
  agent = await tokenFor(desk, 'agent');
  manager = await tokenFor(desk, 'manager');
  supervisor = await tokenFor(desk, 'supervisor');
});
afterAll(async () => {
  await api.close();
  await desk.close();
});

const call = apiCaller(() => api);

const kettle = (name: string, account: string) =>
  complaint({
    subject: 'Kettle',
    account,
    customer: { firstName: name, contacts: [{ kind: 'email', value: `${name}@example.com` }] },
  });

describe('problems over the API', () => {
  test('from problem to one-click link, the repeat flag on the case, and proof before verified', async () => {
    desk.clock.set('2026-11-09T10:00:00Z');
    const forbidden = await call('POST', '/problems', agent, { title: 'Kettles leak' });
    expect(forbidden.status).toBe(403);

    const created = await call('POST', '/problems', manager, {
      title: 'Kettles leak at the base',
      category: 'product',
      analysis: 'The base seal of batch 42 perishes; kettles leak water onto the counter.',
      whys: [{ why: 'Why does it leak?', answer: 'The seal perishes.' }],
    });
    expect(created.status).toBe(201);
    const problemId = created.body.id as string;
    await call('POST', '/problems', manager, {
      title: 'Late refunds',
      analysis: 'Refunds wait for a weekly batch.',
    });

    const first = await call('POST', '/cases', agent, kettle('ann', 'My kettle leaks water.'));
    const ref = first.body.reference as string;
    const suggestions = await call('GET', `/cases/${ref}/problem-suggestions`, agent);
    expect(suggestions.status).toBe(200);
    expect(suggestions.body[0]).toMatchObject({ problemId, title: 'Kettles leak at the base' });

    const linked = await call('POST', `/cases/${ref}/problems`, agent, { problemId });
    expect(linked.status).toBe(201);
    expect(linked.body.link.isRepeatForCustomer).toBe(false);
    const twice = await call('POST', `/cases/${ref}/problems`, agent, { problemId });
    expect(twice.status).toBe(200);

    const action = await call('POST', `/problems/${problemId}/actions`, manager, {
      what: 'Replace the seal supplier',
      dueAt: '2026-12-01T17:00:00Z',
      customerFacingChange: 'Every kettle now has a silicone base seal that does not perish.',
    });
    expect(action.status).toBe(201);

    // The same customer writes again about the same problem.
    const again = await call(
      'POST',
      '/cases',
      agent,
      kettle('ann', 'The replacement kettle leaks too!'),
    );
    const ref2 = again.body.reference as string;
    const repeat = await call('POST', `/cases/${ref2}/problems`, agent, { problemId });
    expect(repeat.body.link.isRepeatForCustomer).toBe(true);
    const view = await call('GET', `/cases/${ref2}`, agent);
    expect(view.body.problems).toMatchObject({
      isRepeatForCustomer: true,
      linked: [
        {
          problemId,
          isRepeatForCustomer: true,
          correctiveActions: [
            {
              customerFacingChange:
                'Every kettle now has a silicone base seal that does not perish.',
            },
          ],
        },
      ],
    });
    const types = (view.body.timeline as Array<{ type: string }>).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['problem_linked', 'repeat_apology_risk']));
    const alerts = await call('GET', '/notifications', supervisor);
    expect((alerts.body as unknown as Array<{ kind: string }>).map((n) => n.kind)).toContain(
      'repeat_apology_risk',
    );

    // Plan, ship, fix; verification refused with the numbers (nothing has been measured yet).
    expect(
      (await call('POST', `/problems/${problemId}/status`, manager, { status: 'change_planned' }))
        .status,
    ).toBe(200);
    desk.clock.set('2026-11-23T10:00:00Z');
    const shipped = await call('POST', `/corrective-actions/${action.body.id}/ship`, manager, {});
    expect(shipped.body.status).toBe('shipped');
    await call('POST', `/problems/${problemId}/status`, manager, { status: 'fixed' });
    const refused = await call('POST', `/problems/${problemId}/status`, manager, {
      status: 'verified',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'precondition_failed',
      recurrence: { hasFallen: false, meanBefore: expect.any(Number) as unknown },
    });
    expect(refused.body.title).toMatch(/Too soon/);

    // Five weeks on, no new cases: recurrence fell from 0.5 a week to 0.
    desk.clock.advance(5 * 7 * 86_400_000);
    const verified = await call('POST', `/problems/${problemId}/status`, manager, {
      status: 'verified',
    });
    expect(verified.status).toBe(200);
    expect(verified.body.recurrence).toMatchObject({ hasFallen: true, meanAfter: 0 });

    const detail = await call('GET', `/problems/${problemId}`, agent);
    expect(detail.body).toMatchObject({ linkedCases: 2, problem: { status: 'verified' } });
    const list = await call('GET', '/problems?status=open', agent);
    expect((list.body as unknown as Array<{ id: string }>).map((p) => p.id)).not.toContain(
      problemId,
    );
  });

  test('bad input is refused field by field; unknown ids are 404', async () => {
    const bad = await call('POST', '/problems', manager, { title: '' });
    expect(bad.status).toBe(422);
    const missing = await call('GET', '/problems/00000000-0000-4000-8000-000000000000', manager);
    expect(missing.status).toBe(404);
    const noCase = await call('GET', '/cases/RD-999999/problem-suggestions', agent);
    expect(noCase.status).toBe(404);
  });
});
