import { test } from 'vitest';
import { complaint, makeApi, makeDesk, tokenFor } from '../support/harness.ts';
test('probe', async () => {
  const desk = await makeDesk();
  const api = await makeApi(desk);
  const t = await tokenFor(desk, 'admin');
  for (const p of [
    { account: 'a\u0000b' },
    { subject: '\ud800' },
    { suggestedFeelings: [{ feeling: 'sad', score: 1, evidence: ['a\u0000'] }] },
    { customer: { firstName: 'x\u0000' } },
  ]) {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.headers,
      payload: complaint(p),
    });
    console.log(JSON.stringify(p), res.statusCode, res.body.slice(0, 200));
  }
  const c = (
    await api.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.headers,
      payload: complaint(),
    })
  ).json();
  for (const [path, body] of [
    ['restatement', { restatement: 'a\u0000' }],
    ['steps/apologize', { notes: '\u0000x' }],
    ['root-cause', { oneOffReason: 'x\u0000' }],
    ['promises', { what: 'x', dueAt: '0000-01-01T00:00:00Z' }],
    ['promises', { what: 'x', dueAt: '9999-12-31T23:59:59+14:00' }],
    ['promises', { what: 'x', dueAt: '2999-12-31T23:59:59Z' }],
  ] as const) {
    const res = await api.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.reference}/${path}`,
      headers: t.headers,
      payload: body,
    });
    console.log(path, res.statusCode, res.body.slice(0, 200));
  }
  await api.close();
  await desk.close();
});
