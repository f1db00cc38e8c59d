// R7/R10: within the agent's authority a restitution is granted at once; above it, an approval
// request goes to the supervisors' queue.
import { RestitutionInput } from '../../contracts/cases.ts';
import type { RestitutionKind } from '../../contracts/enums.ts';
import { mutateCase, type CaseChange } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import { markStepDone } from '../playbook/mark-step.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import type { Role } from '../shared/roles.rules.ts';
import { checkAuthority, fromMinor, toMinor } from './authority.rules.ts';
import { insertRestitution, listRestitutions } from './restitution.repo.ts';

export async function givenOnCase(
  c: Pick<CaseChange, 'tx' | 'row'>,
  currency: string,
): Promise<number> {
  const rows = await listRestitutions(c.tx, c.row.id);
  return rows
    .filter((r) => r.status === 'granted' && r.currency === currency)
    .reduce((n, r) => n + toMinor(r.amount), 0);
}

export function authorityFor(
  c: CaseChange,
  role: Role,
  kind: RestitutionKind,
  amount: string,
  given: number,
) {
  return checkAuthority({
    policy: c.settings.compensation,
    role,
    kind,
    amountMinor: toMinor(amount),
    currency: c.settings.compensation.currency,
    alreadyGivenMinor: given,
  });
}

export async function grantRestitution(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(RestitutionInput, raw);
  if (ctx.actor.kind !== 'user')
    throw new DomainError('forbidden', 'Only staff can grant restitution.');
  const role = ctx.actor.role;
  return mutateCase(ctx, caseId, async (c) => {
    const currency = input.currency ?? c.settings.compensation.currency;
    if (currency !== c.settings.compensation.currency) {
      throw new DomainError('validation', 'Unsupported currency.', [
        {
          path: 'currency',
          message: `Compensation is set in ${c.settings.compensation.currency}.`,
        },
      ]);
    }
    const check = authorityFor(c, role, input.kind, input.amount, await givenOnCase(c, currency));
    const base = {
      caseId: c.row.id,
      kind: input.kind,
      amount: input.amount,
      currency,
      note: input.note ?? null,
    };
    const requested = { requestedBy: actorId(ctx), requestedAt: c.now };
    if (check.isWithin) {
      const row = await insertRestitution(c.tx, {
        ...base,
        ...requested,
        status: 'granted',
        decidedBy: actorId(ctx),
        decidedAt: c.now,
      });
      await record(c.tx, ctx, c.row.id, 'restitution_granted', {
        restitutionId: row.id,
        kind: row.kind,
        amount: row.amount,
        currency,
      });
      await markStepDone(ctx, c, 'restitution');
      return {
        restitution: row,
        needsApproval: false,
        remaining:
          check.remainingMinor === null
            ? null
            : fromMinor(check.remainingMinor - toMinor(input.amount)),
      };
    }
    const row = await insertRestitution(c.tx, {
      ...base,
      ...requested,
      status: 'pending_approval',
    });
    await record(c.tx, ctx, c.row.id, 'approval_requested', {
      restitutionId: row.id,
      kind: row.kind,
      amount: row.amount,
      currency,
      reason: check.reason,
    });
    await notify(c.tx, {
      role: 'supervisor',
      caseId: c.row.id,
      kind: 'approval_requested',
      message: `${c.row.reference}: ${input.kind} of ${input.amount} ${currency} needs approval (${check.reason.replace('_', ' ')}).`,
    });
    return {
      restitution: row,
      needsApproval: true,
      remaining: check.remainingMinor === null ? null : fromMinor(check.remainingMinor),
    };
  });
}
