// The supervisor's day: open cases past a deadline right now and promises broken since midnight
// on the organisation's calendar.
import { searchCases } from '../cases/case-search.repo.ts';
import { nextDeadline } from '../cases/deadline.rules.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { todayBounds } from '../sla/today.rules.ts';
import { promisesBrokenBetween } from './reports.repo.ts';

export async function supervisorToday(ctx: Ctx) {
  authorize(ctx, 'restitution.approve');
  const db = ctx.database.db;
  const now = ctx.now();
  const { dueSoonMinutes, calendar } = await loadSettings(db);
  const dueSoonMs = dueSoonMinutes * 60_000;
  const today = todayBounds(now, calendar.timeZone);
  const [breached, brokenPromises] = await Promise.all([
    searchCases(
      db,
      { deadline: 'breached', limit: 100, offset: 0 },
      { now, dueSoonMs, endOfToday: today.end },
    ),
    promisesBrokenBetween(db, today.start, today.end),
  ]);
  return {
    dayStartsAt: today.start,
    breached: {
      total: breached.total,
      items: breached.items.map((c) => ({ ...c, deadline: nextDeadline(c, now, dueSoonMs) })),
    },
    brokenPromises,
  };
}
