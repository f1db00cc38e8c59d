// `redress demo`: a realistic demo organisation — settings, staff, problems and cases in every
// state, played through the core actions — with an optional year of history in bulk.
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { refreshRollups } from '../../core/metrics/refresh-rollups.ts';
import {
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  DEMO_SETTINGS,
  DEMO_STAFF,
  DEMO_STORIES,
} from '../../demo/demo-data.ts';
import { generateHistory } from '../../demo/generate-history.ts';
import { analyzeAfterLoad, insertHistoryBatch } from '../../demo/history.repo.ts';
import { deskState, finishDemo, loadOrganisation, loadProblems } from '../../demo/load-demo.ts';
import { loadStories } from '../../demo/load-stories.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

const MAX_CASES = 2_000_000;

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { cases: { type: 'string', default: String(DEMO_STORIES.length) } },
  });
  const total = Number(values.cases);
  if (!Number.isInteger(total) || total < 1 || total > MAX_CASES)
    throw new UsageError(`--cases must be a whole number from 1 to ${MAX_CASES}.`);
  const started = performance.now();
  return withDesk(undefined, async (ctx) => {
    const state = await deskState(ctx);
    if (state.kind === 'demo') {
      io.out(
        `The demo (${DEMO_ORGANISATION}) is already loaded: nothing was added. To load it again, with other options, start from an empty database. Sign in as sam@demo.redress or kit@demo.redress (password “${DEMO_PASSWORD}”).`,
      );
      return 0;
    }
    if (state.kind === 'other') {
      io.err(
        `This desk already has ${state.cases} case(s) that are not the demo's, so nothing was added: the demo loads only into a desk without cases. Point DATABASE_URL or REDRESS_DATA_DIR at a fresh database.`,
      );
      return 1;
    }
    const now = ctx.now().getTime();
    const staff = await loadOrganisation(ctx);
    const problems = await loadProblems(ctx, staff, now);
    const stories = DEMO_STORIES.slice(0, Math.min(total, DEMO_STORIES.length));
    const bar = new SingleBar(
      {
        format: 'Demo cases [{bar}] {percentage}% {value}/{total} eta {eta_formatted}',
        hideCursor: true,
        stream: process.stderr,
        noTTYOutput: false,
      },
      Presets.shades_classic,
    );
    const isTty = process.stderr.isTTY;
    if (isTty) bar.start(total, 0);
    const owners = Object.values(staff).flatMap((a) =>
      a.role === 'agent' || a.role === 'supervisor' ? [a.id] : [],
    );
    for (const batch of generateHistory({
      total: total - stories.length,
      now: new Date(now),
      ownerIds: owners,
    })) {
      await insertHistoryBatch(ctx.database, batch);
      if (isTty) bar.increment(batch.cases.length);
    }
    if (total > stories.length) await analyzeAfterLoad(ctx.database);
    await loadStories(
      { ctx, staff, problems, now, calendar: DEMO_SETTINGS.calendar },
      stories,
      () => {
        if (isTty) bar.increment();
      },
    );
    if (isTty) bar.stop();
    await finishDemo(ctx);
    // The dashboard reads the days before today from the metric rollups: build them now rather
    // than on the server's first minute.
    const { days } = await refreshRollups(ctx, { rebuild: true });
    const seconds = (performance.now() - started) / 1000;
    io.out(
      `Loaded the demo: ${DEMO_ORGANISATION}, ${DEMO_STAFF.length} staff (password “${DEMO_PASSWORD}”), ${Object.keys(problems).length} problems and ${total} cases in ${seconds.toFixed(1)} s (metric rollups built for ${days} days). Sign in as sam@demo.redress (agent), ravi@demo.redress (supervisor) or kit@demo.redress (manager, sees the dashboard).`,
    );
    return 0;
  });
}
