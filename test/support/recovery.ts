// Walks an open case through the whole recovery over the HTTP API and closes it, as the case
// journey does: for tests of what happens at and after closure.
import { expect } from 'vitest';

type Call = (
  method: 'GET' | 'POST',
  url: string,
  who: { headers: Record<string, string> },
  payload?: object,
) => Promise<{ status: number; body: Record<string, unknown> }>;

export async function recoverAndClose(
  call: Call,
  who: { headers: Record<string, string> },
  ref: string,
): Promise<void> {
  const ok = async (url: string, body?: object) => {
    const res = await call('POST', `/cases/${ref}${url}`, who, body);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  await ok('/restatement', { restatement: 'Your sofa came torn and you lost a day off work.' });
  await ok('/restatement/confirm');
  await ok('/feelings', { feelings: ['frustrated'] });
  for (const step of ['apologize', 'own_it']) await ok(`/steps/${step}`, { notes: 'on the phone' });
  await ok('/replies', { body: 'Priya, I am sorry: this is ours to fix.' });
  const offered = await ok('/solutions', { options: ['Replace the cushion cover this week'] });
  await ok('/solutions/choose', { optionId: (offered.options as Array<{ id: string }>)[0]?.id });
  await ok('/verdict', { verdict: 'meets' });
  await ok('/solutions/deliver');
  await ok('/thank');
  await ok('/root-cause', { rootCauseCategory: 'loading at the depot' });
  await ok('/close');
}
