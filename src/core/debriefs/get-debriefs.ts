// Reading debriefs (R24). Only the person a debrief was assigned to, or a
// manager, may read or complete it. Blameless: a debrief records what happened and how to
// prevent it; there are no scores and no per-person rankings anywhere.
import type { DebriefCompletionQuery, ListDebriefsQuery } from '../../contracts/debriefs.ts';
import { isUuid } from '../cases/case.repo.ts';
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import type { z } from 'zod';
import { debriefCompletion, selectDebriefs } from './debrief.repo.ts';
import { customerOutcome, DEBRIEF_MANAGERS, mayAccessDebrief } from './debrief.rules.ts';

export const DEBRIEF_QUESTIONS = {
  howItHappened: 'How did it happen? The steps, the tools and the pressures as you saw them.',
  howToPrevent: 'What would stop it happening again? A change to a process, a tool or a rule.',
} as const;

type Selected = Awaited<ReturnType<typeof selectDebriefs>>[number];

function view(r: Selected) {
  const d = r.debrief;
  return {
    id: d.id,
    caseId: d.caseId,
    reference: r.reference,
    subject: r.subject,
    assignee: { id: d.userId, name: r.userName },
    assignedAt: d.assignedAt,
    status: d.completedAt ? ('completed' as const) : ('open' as const),
    completedAt: d.completedAt,
    questions: DEBRIEF_QUESTIONS,
    howItHappened: d.howItHappened,
    howToPrevent: d.howToPrevent,
    customer: customerOutcome({
      verdict: r.verdict,
      refusalReason: r.refusalReason,
      willStay: r.willStay,
    }),
  };
}

export type DebriefView = ReturnType<typeof view>;

export function forbidden(): DomainError {
  return new DomainError(
    'forbidden',
    'Only the person this debrief was given to, or a manager, may see or complete it.',
  );
}

function isManager(ctx: Ctx): boolean {
  return ctx.actor.kind === 'system' || DEBRIEF_MANAGERS.includes(ctx.actor.role);
}

export async function getDebrief(ctx: Ctx, id: string): Promise<DebriefView> {
  authorize(ctx, 'case.read');
  const [row] = isUuid(id) ? await selectDebriefs(ctx.database.db, { id }) : [];
  if (!row) throw notFound('Debrief');
  if (!mayAccessDebrief(ctx.actor, row.debrief.userId)) throw forbidden();
  return view(row);
}

/** Your own debriefs; a manager sees everyone's (newest first, never ranked by person). */
export async function listDebriefs(
  ctx: Ctx,
  query: z.infer<typeof ListDebriefsQuery> = {},
): Promise<DebriefView[]> {
  authorize(ctx, 'case.read');
  const userId = isManager(ctx) ? undefined : (actorId(ctx) ?? undefined);
  const rows = await selectDebriefs(ctx.database.db, { ...query, userId });
  return rows.map(view);
}

/** Assigned and completed debriefs for a period (totals only), for managers. */
export async function debriefCompletionReport(
  ctx: Ctx,
  query: z.infer<typeof DebriefCompletionQuery>,
) {
  authorize(ctx, 'case.read');
  if (!isManager(ctx)) throw forbidden();
  const from = new Date(`${query.from}T00:00:00Z`);
  const to = new Date(`${query.to}T00:00:00Z`);
  return {
    from: query.from,
    to: query.to,
    ...(await debriefCompletion(ctx.database.db, { from, to })),
  };
}
