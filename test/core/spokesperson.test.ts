// R14 on real PostgreSQL: activist cases get higher attention (supervisors told); public-facing
// ones — a public post, or talk of the press, social media, review sites or a regulator — go to
// the least-loaded spokesperson, once; with no spokesperson on staff the supervisors are asked to
// appoint one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyCase } from '../../src/core/cases/classify-case.ts';
import { getCase } from '../../src/core/cases/get-case.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { receiveSocial } from '../../src/core/intake/receive-message.ts';
import { listNotifications } from '../../src/core/notifications/list-notifications.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { listRoutedCases } from '../../src/core/spokesperson/list-routed-cases.ts';
import { markPublicFacing } from '../../src/core/spokesperson/mark-public-facing.ts';
import { complaint, makeDesk, type Desk } from '../support/harness.ts';

let desk: Desk;
let agent: Actor;
let supervisor: Actor;
let jo: Actor;
let kai: Actor;

beforeAll(async () => {
  desk = await makeDesk();
  agent = await desk.makeUser('agent', 'Sam Agent');
  supervisor = await desk.makeUser('supervisor', 'Ravi Supervisor');
  jo = await desk.makeUser('spokesperson', 'Jo Voice');
  kai = await desk.makeUser('spokesperson', 'Kai Voice');
});
afterAll(() => desk.close());

const as = (a: Actor) => desk.ctxFor(a);
const events = async (id: string, type: string) =>
  (await getCase(as(agent), id)).timeline.filter((e) => e.type === type);
const notes = async (a: Actor, kind: string) =>
  (await listNotifications(as(a), false)).filter((n) => n.kind === kind);
const attention = async (caseId: string) =>
  (await desk.database.pool.query('SELECT * FROM case_attention WHERE case_id = $1', [caseId]))
    .rows[0];
let n = 0;
let firstRouted = '';
const open = async (account: string, o: Record<string, unknown> = {}) =>
  (
    await openCase(
      as(agent),
      complaint({
        account,
        customer: {
          firstName: 'Ana',
          contacts: [{ kind: 'email', value: `ana${++n}@example.com` }],
        },
        ...o,
      }),
    )
  ).case;

describe('routing by what the complaint shows', () => {
  test('a public mention goes to a spokesperson, told personally, on the timeline', async () => {
    const { caseId } = await receiveSocial(desk.system, {
      id: 'tw-1',
      kind: 'mention',
      network: 'twitter',
      author: { handle: 'lou', name: 'Lou Park' },
      text: '@shop your checkout has been broken all morning. Awful.',
    });
    const row = await attention(caseId);
    firstRouted = row.spokesperson_id;
    expect(row.is_public_facing).toBe(true);
    expect([jo.kind === 'user' && jo.id, kai.kind === 'user' && kai.id]).toContain(
      row.spokesperson_id,
    );
    const [routed] = await events(caseId, 'routed_to_spokesperson');
    expect(routed?.data).toMatchObject({ reasons: ['public-facing'] });
    const told = [
      ...(await notes(jo, 'public_facing_case')),
      ...(await notes(kai, 'public_facing_case')),
    ];
    expect(told.filter((t) => t.caseId === caseId)).toHaveLength(1);
  });

  test('the next public case goes to the less-loaded spokesperson; talk of the press is public', async () => {
    const first = await attention(
      (
        await receiveSocial(desk.system, {
          id: 'tw-2',
          kind: 'mention',
          network: 'twitter',
          author: { handle: 'mia' },
          text: 'Still broken.',
        })
      ).caseId,
    );
    const c = await open('Nobody answers. I am going to the press with this tomorrow.');
    expect(c.complainerType).toBe('activist');
    const row = await attention(c.id);
    expect(row.is_public_facing).toBe(true);
    expect(row.reasons).toEqual(['press']);
    expect(row.spokesperson_id).not.toBeNull();
    expect(first.spokesperson_id).not.toBeNull();
    expect(first.spokesperson_id).not.toBe(firstRouted);
  });

  test('a lawyer alone raises attention for supervisors, not the spokesperson', async () => {
    const c = await open('If this is not refunded this week my solicitor will take legal action.');
    expect(c.complainerType).toBe('activist');
    const row = await attention(c.id);
    expect(row).toMatchObject({ is_public_facing: false, spokesperson_id: null });
    expect(await events(c.id, 'attention_raised')).toHaveLength(1);
    expect(await events(c.id, 'routed_to_spokesperson')).toHaveLength(0);
    expect((await notes(supervisor, 'attention_raised')).some((x) => x.caseId === c.id)).toBe(true);
  });

  test('an ordinary complaint is not routed', async () => {
    const c = await open('The sofa arrived with a torn cushion.');
    expect(await attention(c.id)).toBeUndefined();
  });

  test('reclassified as activist, then marked public-facing: routed up once per level', async () => {
    const c = await open('The sofa arrived with a torn cushion again.');
    await classifyCase(as(agent), c.id, { complainerType: 'activist' });
    expect(await events(c.id, 'attention_raised')).toHaveLength(1);
    const marked = await markPublicFacing(as(agent), c.id, { reason: 'A reporter called' });
    expect(marked.level).toBe('spokesperson');
    expect(marked.attention?.reasons).toEqual(['public-facing', 'A reporter called']);
    await markPublicFacing(as(agent), c.id, { reason: 'Again' });
    expect(await events(c.id, 'routed_to_spokesperson')).toHaveLength(1);
    const queue = await listRoutedCases(as(supervisor));
    expect(queue.map((q) => q.caseId)).toContain(c.id);
    const mine = await listRoutedCases(as(jo), { mine: true });
    expect(mine.every((q) => q.spokespersonId === (jo.kind === 'user' ? jo.id : ''))).toBe(true);
  });
});

test('with no spokesperson on staff, supervisors are asked to appoint one', async () => {
  const other = await makeDesk();
  try {
    const a = await other.makeUser('agent', 'Al Agent');
    const s = await other.makeUser('supervisor', 'Sue Supervisor');
    const { case: c } = await openCase(
      other.ctxFor(a),
      complaint({ account: 'I have posted this on Facebook and Trustpilot for everyone to see.' }),
    );
    const told = (await listNotifications(other.ctxFor(s), false)).filter(
      (x) => x.kind === 'public_facing_case',
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('appoint one');
    expect(told[0]!.caseId).toBe(c.id);
  } finally {
    await other.close();
  }
});
