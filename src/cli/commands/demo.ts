// `redress demo`: a realistic demo organisation — staff, customers and cases in every state.
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { openCase } from '../../core/cases/open-case.ts';
import { recordReply } from '../../core/cases/record-reply.ts';
import type { Actor } from '../../core/shared/context.ts';
import { confirmFeelings } from '../../core/playbook/confirm-feelings.ts';
import { offerSolutions } from '../../core/resolutions/offer-solutions.ts';
import { insertNewUser } from '../../core/users/create-user.ts';
import { findUserByEmail } from '../../core/users/user.repo.ts';
import { DEMO_COMPLAINTS, DEMO_PASSWORD, DEMO_STAFF } from '../../demo/demo-data.ts';
import { generateHistory } from '../../demo/generate-history.ts';
import { analyzeAfterLoad, insertHistoryBatch } from '../../demo/history.repo.ts';
import { refreshRollups } from '../../core/metrics/refresh-rollups.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

/** The most recent cases go through the real actions (every screen has something to show); the
 * rest is a year of history written in bulk. */
const STORY_CASES = 40;
const MAX_CASES = 2_000_000;

const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloe',
  'Dev',
  'Elif',
  'Finn',
  'Grace',
  'Hugo',
  'Isla',
  'Jamal',
  'Keiko',
  'Luis',
];
const LAST_NAMES = ['Adams', 'Bakr', 'Costa', 'Dunn', 'Eze', 'Fox', 'Gill', 'Hale', 'Ito', 'Jones'];

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { cases: { type: 'string', default: '40' } } });
  const total = Number(values.cases);
  if (!Number.isInteger(total) || total < 1 || total > MAX_CASES)
    throw new UsageError(`--cases must be a whole number from 1 to ${MAX_CASES}.`);
  const started = performance.now();
  let rollupDays = 0;
  await withDesk(undefined, async (ctx) => {
    const staff: Actor[] = [];
    for (const s of DEMO_STAFF) {
      const row =
        (await findUserByEmail(ctx.database.db, s.email)) ??
        (await insertNewUser(ctx.database.db, { ...s, password: DEMO_PASSWORD }));
      staff.push({ kind: 'user', id: row.id, role: s.role, name: s.name });
    }
    const agents = staff.filter((a) => a.kind === 'user' && a.role === 'agent');
    const owners = staff.flatMap((a) =>
      a.kind === 'user' && (a.role === 'agent' || a.role === 'supervisor') ? [a.id] : [],
    );
    const story = Math.min(total, STORY_CASES);
    const bar = new SingleBar(
      {
        format: 'Demo cases [{bar}] {percentage}% {value}/{total} eta {eta_formatted}',
        hideCursor: true,
        stream: process.stderr,
        noTTYOutput: false,
      },
      Presets.shades_classic,
    );
    if (process.stderr.isTTY) bar.start(total, 0);
    for (const batch of generateHistory({
      total: total - story,
      now: ctx.now(),
      ownerIds: owners,
    })) {
      await insertHistoryBatch(ctx.database, batch);
      if (process.stderr.isTTY) bar.increment(batch.cases.length);
    }
    if (total > story) await analyzeAfterLoad(ctx.database);
    for (let i = 0; i < story; i++) {
      const t = DEMO_COMPLAINTS[i % DEMO_COMPLAINTS.length]!;
      const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
      const agent = { ...ctx, actor: agents[i % agents.length]! };
      const { case: c } = await openCase(agent, {
        channel: t.channel,
        subject: t.subject,
        account: t.account,
        category: t.category,
        receivedAt: new Date(Date.now() - (story - i) * 47 * 60_000).toISOString(),
        customer: {
          firstName: first,
          lastName: last,
          contacts: [
            { kind: 'email', value: `${first}.${last}.${i}@customers.example`.toLowerCase() },
          ],
          lifetimeValue: String(50 + ((i * 37) % 900)),
        },
      });
      // Leave cases at different points of the recovery so every screen has something to show.
      if (i % 3 !== 0)
        await recordReply(agent, c.id, {
          body: `Hello ${first}, thank you for telling us. I am sorry; I will put this right personally.`,
        });
      if (i % 3 === 2) await confirmFeelings(agent, c.id, { feelings: ['frustrated'] });
      if (i % 4 === 1)
        await offerSolutions(agent, c.id, {
          options: ['A replacement sent by express delivery', 'A full refund'],
        });
      if (process.stderr.isTTY) bar.increment();
    }
    if (process.stderr.isTTY) bar.stop();
    // The dashboard reads the days before today from the metric rollups: build them now rather
    // than on the server's first minute.
    rollupDays = (await refreshRollups(ctx, { rebuild: true })).days;
  });
  const seconds = (performance.now() - started) / 1000;
  io.out(
    `Loaded the demo: ${DEMO_STAFF.length} staff (password “${DEMO_PASSWORD}”) and ${total} cases in ${seconds.toFixed(1)} s (metric rollups built for ${rollupDays} days). Sign in as sam@demo.redress (agent) or kit@demo.redress (manager, sees the dashboard).`,
  );
  return 0;
}
