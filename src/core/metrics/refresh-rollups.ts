// Keeps the metric rollups current (docs/metrics.md, "Rollups"). Run every minute by a pg-boss
// schedule and on demand; intake and case actions never write to the rollups. Only the local
// days touched since the last refresh are recomputed: the cases with a new timeline event (and
// every case of their customers), the customers with new activity, and the day that just ended.
// One instance refreshes at a time (an advisory lock); the others skip the tick.
import { DateTime } from 'luxon';
import { loadSettings } from '../settings/settings.repo.ts';
import type { Ctx } from '../shared/context.ts';
import {
  clearRollups,
  currentMarks,
  dropRollupState,
  firstCaseDay,
  loadQuietCount,
  quietStartsToRecount,
  loadRollupState,
  rebuildLinks,
  recomputeDays,
  saveRollupState,
  touchedDays,
  withRollupLock,
} from './rollup.repo.ts';
import { daysBetween, nextDay } from './rollup.rules.ts';
import { recountNeverComplained } from './never-complained.ts';
import { resolvePeriod } from './period.rules.ts';

const QUIET_RECOUNT_MS = 3_600_000;
const QUIET_UNUSED_MS = 2 * 86_400_000;

/** Days recomputed per transaction while the rollup is built from scratch. */
const BUILD_CHUNK_DAYS = 31;

export interface RefreshOutcome {
  /** Another instance held the lock: nothing was done. */
  skipped: boolean;
  /** The rollup was built from scratch (first run, a time zone change, or asked for). */
  rebuilt: boolean;
  /** The local days recomputed. */
  days: number;
  throughDay: string | null;
  ms: number;
}

export async function refreshRollups(
  ctx: Ctx,
  opts: { rebuild?: boolean } = {},
): Promise<RefreshOutcome> {
  const started = performance.now();
  const outcome = await withRollupLock(ctx.database, async () => {
    const db = ctx.database.db;
    const { calendar } = await loadSettings(db);
    const timeZone = calendar.timeZone;
    const now = ctx.now();
    const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
    // Today is rolled up too, as far as this refresh's clock: a query reads the rest live.
    const through = nextDay(today);
    const marks = await currentMarks(db);
    const state = await loadRollupState(db);
    const rebuild =
      opts.rebuild === true || !state || state.timeZone !== timeZone || now < state.asOf;
    if (rebuild) {
      const first = await firstCaseDay(db, timeZone);
      const days = first && first <= today ? daysBetween(first, through) : [];
      ctx.log.info({ days: days.length, timeZone }, 'building the metric rollups');
      await db.transaction(async (tx) => {
        await dropRollupState(tx);
        await clearRollups(tx);
      });
      for (let i = 0; i < days.length; i += BUILD_CHUNK_DAYS) {
        const chunk = days.slice(i, i + BUILD_CHUNK_DAYS);
        await db.transaction((tx) => recomputeDays(tx, chunk, timeZone, now, { links: false }));
      }
      await db.transaction((tx) => rebuildLinks(tx, timeZone, through));
      await saveRollupState(
        db,
        {
          timeZone,
          throughDay: through,
          asOf: now,
          eventMark: marks.event,
          eventMarkBefore: marks.event,
          activityMark: marks.activity,
          activityMarkBefore: marks.activity,
        },
        now,
      );
      return { rebuilt: true, days: days.length };
    }
    // The previous refresh's marks are scanned again: an event written by a transaction that
    // was still open then (its id below the mark) is seen now.
    const touched = await touchedDays(
      db,
      {
        eventFrom: state.eventMarkBefore,
        eventTo: marks.event,
        activityFrom: state.activityMarkBefore,
        activityTo: marks.activity,
      },
      timeZone,
      through,
    );
    // The day of the last refresh gets its final count; today is counted as far as now.
    const lastDay = DateTime.fromJSDate(state.asOf, { zone: timeZone }).toISODate()!;
    const since = lastDay < today ? daysBetween(lastDay, through) : [today];
    const days = [...new Set([...touched, ...since])].sort();
    await db.transaction(async (tx) => {
      await recomputeDays(tx, days, timeZone, now);
      await saveRollupState(
        tx,
        {
          timeZone,
          throughDay: through,
          asOf: now,
          eventMark: marks.event,
          eventMarkBefore: state.eventMark,
          activityMark: marks.activity,
          activityMarkBefore: state.activityMark,
        },
        now,
      );
    });
    return { rebuilt: false, days: days.length };
  });
  if (outcome) await recountQuiet(ctx);
  const ms = Math.round(performance.now() - started);
  if (!outcome) return { skipped: true, rebuilt: false, days: 0, throughDay: null, ms };
  const result: RefreshOutcome = { skipped: false, ...outcome, throughDay: null, ms };
  const state = await loadRollupState(ctx.database.db);
  result.throughDay = state?.throughDay ?? null;
  if (outcome.rebuilt)
    ctx.log.info({ days: outcome.days, ms, throughDay: result.throughDay }, 'metric rollups built');
  return result;
}

/**
 * The kept counts of customers who never complained: the dashboard's default period start is
 * counted ahead of its first request, counts older than an hour are recounted (the additions a
 * query makes grow with time), and starts nobody asked for in two days are dropped.
 */
async function recountQuiet(ctx: Ctx): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const { calendar } = await loadSettings(db);
  const resolved = resolvePeriod({ bucket: 'week' }, now, calendar.timeZone);
  const starts = await quietStartsToRecount(
    db,
    new Date(now.getTime() - QUIET_RECOUNT_MS),
    new Date(now.getTime() - QUIET_UNUSED_MS),
  );
  if ('period' in resolved && !(await loadQuietCount(db, resolved.period.from, now)))
    starts.push(resolved.period.from);
  for (const start of starts) await recountNeverComplained(ctx.database, start, now);
}
