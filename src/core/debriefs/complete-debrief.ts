// R24: the person a debrief was given to (or a manager) answers its two questions, once.
import { CompleteDebriefInput } from '../../contracts/debriefs.ts';
import { isUuid } from '../cases/case.repo.ts';
import { record } from '../cases/timeline.ts';
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { completeDebriefRow, lockDebrief } from './debrief.repo.ts';
import { mayAccessDebrief } from './debrief.rules.ts';
import { forbidden, getDebrief, type DebriefView } from './get-debriefs.ts';

export async function completeDebrief(ctx: Ctx, id: string, raw: unknown): Promise<DebriefView> {
  authorize(ctx, 'case.read');
  const input = parseInput(CompleteDebriefInput, raw);
  if (!isUuid(id)) throw notFound('Debrief');
  await ctx.database.db.transaction(async (tx) => {
    const d = await lockDebrief(tx, id);
    if (!d) throw notFound('Debrief');
    if (!mayAccessDebrief(ctx.actor, d.userId)) throw forbidden();
    if (d.completedAt) throw new DomainError('conflict', 'This debrief is already completed.');
    await completeDebriefRow(tx, d.id, {
      ...input,
      completedAt: ctx.now(),
      completedById: actorId(ctx),
    });
    // The timeline says that it was done, not what was written.
    await record(tx, ctx, d.caseId, 'debrief_completed', { debriefId: d.id });
  });
  return getDebrief(ctx, id);
}
