// Loads the demo organisation through the core actions: its settings, its staff, the problems
// behind its complaints and the recent cases (load-stories.ts). The bulk history, if asked for,
// is written separately (history.repo.ts).
import { listCases } from '../core/cases/list-cases.ts';
import { addCorrectiveAction } from '../core/problems/add-corrective-action.ts';
import { changeProblemStatus } from '../core/problems/change-problem-status.ts';
import { createProblem } from '../core/problems/create-problem.ts';
import { shipCorrectiveAction } from '../core/problems/ship-corrective-action.ts';
import { getSettings, updateSettings } from '../core/settings/update-settings.ts';
import type { Ctx } from '../core/shared/context.ts';
import type { Role } from '../core/shared/roles.rules.ts';
import { insertNewUser } from '../core/users/create-user.ts';
import { findUserByEmail } from '../core/users/user.repo.ts';
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_SETTINGS, DEMO_STAFF } from './demo-data.ts';
import { DEMO_PROBLEMS } from './demo-problems.ts';
import type { StaffActors } from './load-stories.ts';
import type { ProblemKey } from './story.ts';

const DAY_MS = 86_400_000;

export type DeskState = { kind: 'empty' } | { kind: 'demo' } | { kind: 'other'; cases: number };

/** Whether the desk is ready for the demo: no cases yet, or the whole demo already there. */
export async function deskState(ctx: Ctx): Promise<DeskState> {
  const { total } = await listCases(ctx, { limit: 1 });
  if (total === 0) return { kind: 'empty' };
  // The name is saved last, so only a finished load carries it.
  const { name } = await getSettings(ctx);
  return name === DEMO_ORGANISATION ? { kind: 'demo' } : { kind: 'other', cases: total };
}

/** The calendar, SLA policy and limits the cases are held to, and the staff (kept if present). */
export async function loadOrganisation(ctx: Ctx): Promise<StaffActors> {
  await updateSettings(ctx, DEMO_SETTINGS);
  const staff: Partial<StaffActors> = {};
  for (const s of DEMO_STAFF) {
    const row =
      (await findUserByEmail(ctx.database.db, s.email)) ??
      (await insertNewUser(ctx.database.db, {
        email: s.email,
        name: s.name,
        role: s.role,
        password: DEMO_PASSWORD,
      }));
    staff[s.key] = { kind: 'user', id: row.id, role: row.role as Role, name: row.name };
  }
  return staff as StaffActors;
}

/** The problems, each at the point of its lifecycle the demo shows, dated in the past. */
export async function loadProblems(
  ctx: Ctx,
  staff: StaffActors,
  now: number,
): Promise<Record<ProblemKey, string>> {
  const ids: Partial<Record<ProblemKey, string>> = {};
  for (const [key, p] of Object.entries(DEMO_PROBLEMS) as Array<
    [ProblemKey, (typeof DEMO_PROBLEMS)[ProblemKey]]
  >) {
    const owner = staff[p.owner];
    const at = (daysAgo: number): Ctx => {
      const moment = new Date(now - daysAgo * DAY_MS);
      return { ...ctx, actor: owner, now: () => moment };
    };
    const problem = await createProblem(at(p.daysAgo), {
      title: p.title,
      category: p.category,
      analysis: p.analysis,
      whys: p.whys,
    });
    ids[key] = problem.id;
    if (p.workaround) {
      await changeProblemStatus(at(p.daysAgo - 1), problem.id, {
        status: 'known_error',
        workaround: p.workaround,
      });
    }
    if (!p.action) continue;
    const { daysAgo, dueInDays, shippedDaysAgo } = p.action;
    const action = await addCorrectiveAction(at(daysAgo), problem.id, {
      what: p.action.what,
      customerFacingChange: p.action.customerFacingChange,
      dueAt: new Date(now - (daysAgo - dueInDays) * DAY_MS).toISOString(),
    });
    await changeProblemStatus(at(daysAgo), problem.id, { status: 'change_planned' });
    if (shippedDaysAgo === undefined) continue;
    await shipCorrectiveAction(at(shippedDaysAgo), action.id, {});
    await changeProblemStatus(at(shippedDaysAgo), problem.id, {
      status: 'fixed',
      note: 'Shipped; recurrence is being measured before it is verified.',
    });
  }
  return ids as Record<ProblemKey, string>;
}

/** Names the organisation: the mark that the whole demo is in. */
export async function finishDemo(ctx: Ctx): Promise<void> {
  await updateSettings(ctx, { name: DEMO_ORGANISATION });
}
