import { authorize, type Ctx } from '../shared/context.ts';
import { ledger, pendingApprovals } from './restitution.repo.ts';

/** The supervisor's queue: oldest request first. */
export async function listApprovals(ctx: Ctx) {
  authorize(ctx, 'restitution.approve');
  return (await pendingApprovals(ctx.database.db)).map((r) => ({
    ...r.restitution,
    reference: r.reference,
    requesterName: r.requesterName,
  }));
}

export async function restitutionLedger(ctx: Ctx) {
  authorize(ctx, 'case.read');
  return (await ledger(ctx.database.db, 500)).map((r) => ({
    ...r.restitution,
    reference: r.reference,
    customerId: r.customerId,
  }));
}
