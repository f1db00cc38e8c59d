// The problems section of a case: what it is linked to, what is being changed, and whether this
// customer has complained about the same thing before (R22).
import type { DbOrTx } from '../../db/client.ts';
import { linkedProblemsOf } from './case-problem.repo.ts';
import { listActions } from './problem.repo.ts';

export async function caseProblemsSection(db: DbOrTx, caseId: string) {
  const links = await linkedProblemsOf(db, caseId);
  const actions = await listActions(
    db,
    links.map((l) => l.problemId),
  );
  return {
    isRepeatForCustomer: links.some((l) => l.isRepeatForCustomer),
    linked: links.map((l) => ({
      ...l,
      correctiveActions: actions
        .filter((a) => a.problemId === l.problemId)
        .map((a) => ({
          id: a.id,
          what: a.what,
          customerFacingChange: a.customerFacingChange,
          status: a.status,
          dueAt: a.dueAt,
          shippedAt: a.shippedAt,
        })),
    })),
  };
}
