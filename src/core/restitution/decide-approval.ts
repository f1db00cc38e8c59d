// A supervisor approves or declines a restitution above an agent's authority, always with a reason.
// Approving needs the approver's own authority to cover it; above that it must go higher.
import { DecisionInput } from '../../contracts/cases.ts';
import { RestitutionKind } from '../../contracts/enums.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import { markStepDone } from '../playbook/mark-step.ts';
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { authorityFor, givenOnCase } from './grant-restitution.ts';
import { isUuid } from '../cases/case.repo.ts';
import { caseOfRestitution, decide, lockRestitution } from './restitution.repo.ts';

export async function decideApproval(ctx: Ctx, restitutionId: string, raw: unknown) {
  authorize(ctx, 'restitution.approve');
  const input = parseInput(DecisionInput, raw);
  const caseId = isUuid(restitutionId)
    ? await caseOfRestitution(ctx.database.db, restitutionId)
    : null;
  if (!caseId) throw notFound('Restitution');
  return mutateCase(ctx, caseId, async (c) => {
    const r = await lockRestitution(c.tx, restitutionId);
    if (!r) throw notFound('Restitution');
    if (r.status !== 'pending_approval')
      throw new DomainError('conflict', 'This request has already been decided.');
    if (input.approve && ctx.actor.kind === 'user') {
      const check = authorityFor(
        c,
        ctx.actor.role,
        RestitutionKind.parse(r.kind),
        r.amount,
        await givenOnCase(c, r.currency),
      );
      if (!check.isWithin) {
        throw new DomainError(
          'limit_exceeded',
          'This is above your own authority too; ask a manager to approve it.',
        );
      }
    }
    const decided = await decide(c.tx, r.id, {
      status: input.approve ? 'granted' : 'declined',
      decidedBy: actorId(ctx),
      decidedAt: c.now,
      decisionReason: input.reason,
    });
    await record(c.tx, ctx, c.row.id, 'approval_decided', {
      restitutionId: r.id,
      approved: input.approve,
      reason: input.reason,
    });
    if (input.approve) await markStepDone(ctx, c, 'restitution');
    if (r.requestedBy) {
      const verb = input.approve ? 'approved' : 'declined';
      await notify(c.tx, {
        userId: r.requestedBy,
        caseId: c.row.id,
        kind: 'approval_decided',
        message: `${c.row.reference}: your ${r.kind} request was ${verb}: ${input.reason}`,
      });
    }
    return decided;
  });
}
