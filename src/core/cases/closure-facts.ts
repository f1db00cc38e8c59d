// Gathers what the closure rule needs to know about a case.
import type { Settings } from '../../contracts/settings.ts';
import { Verdict } from '../../contracts/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { listPromises } from '../promises/promise.repo.ts';
import { listOptions } from '../resolutions/resolution.repo.ts';
import { listRestitutions } from '../restitution/restitution.repo.ts';
import { doneSteps, type CaseRow } from './case.repo.ts';
import { closureGaps, type ClosureFacts, type MissingItem } from './closure.rules.ts';

export async function closureFacts(
  tx: DbOrTx,
  row: CaseRow,
  settings: Settings,
): Promise<ClosureFacts> {
  // Sequential on purpose: inside a transaction all queries share one connection.
  const options = await listOptions(tx, row.id);
  const done = await doneSteps(tx, row.id);
  const restitutions = await listRestitutions(tx, row.id);
  const promises = await listPromises(tx, row.id);
  const chosen = options.find((o) => o.isChosen);
  return {
    verdict: row.verdict ? Verdict.parse(row.verdict) : null,
    refusalReason: row.refusalReason,
    thankedAt: row.thankedAt,
    hasChosenOption: Boolean(chosen),
    chosenDelivered: Boolean(chosen?.deliveredAt),
    rootCauseCategory: row.rootCauseCategory,
    oneOffReason: row.oneOffReason,
    // The closing step itself cannot be done before closing, so it never blocks.
    missingRequiredSteps: settings.playbook
      .filter((s) => s.isRequired && !done.has(s.key))
      .map((s) => ({ key: s.key, label: s.label })),
    hasPendingApproval: restitutions.some((r) => r.status === 'pending_approval'),
    openPromises: promises.filter((p) => p.status === 'open').length,
    isResolved: row.status === 'resolved',
  };
}

export async function gapsFor(
  tx: DbOrTx,
  row: CaseRow,
  settings: Settings,
): Promise<MissingItem[]> {
  return closureGaps(await closureFacts(tx, row, settings));
}
