// The queue: open cases first by their nearest deadline, with filters and text search.
import { ListCasesQuery } from '../../contracts/cases.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { searchCases } from './case-search.repo.ts';
import { todayBounds } from '../sla/today.rules.ts';
import { nextDeadline } from './deadline.rules.ts';

export async function listCases(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'case.read');
  const q = parseInput(ListCasesQuery, raw ?? {});
  const now = ctx.now();
  const { dueSoonMinutes, calendar } = await loadSettings(ctx.database.db);
  const dueSoonMs = dueSoonMinutes * 60_000;
  const endOfToday = todayBounds(now, calendar.timeZone).end;
  const result = await searchCases(ctx.database.db, q, { now, dueSoonMs, endOfToday });
  return {
    ...result,
    items: result.items.map((item) => ({ ...item, deadline: nextDeadline(item, now, dueSoonMs) })),
  };
}
