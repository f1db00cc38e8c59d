// The shared shape of every change to a case: check permission, lock the row, apply the
// change and its timeline event in one transaction.
import type { Settings } from '../../contracts/settings.ts';
import type { Tx } from '../../db/client.ts';
import { loadSettings } from '../settings/settings.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { lockCase, type CaseRow } from './case.repo.ts';

export interface CaseChange {
  tx: Tx;
  row: CaseRow;
  settings: Settings;
  now: Date;
}

export async function mutateCase<T>(
  ctx: Ctx,
  caseIdOrRef: string,
  change: (c: CaseChange) => Promise<T>,
  opts: { allowClosed?: boolean } = {},
): Promise<T> {
  authorize(ctx, 'case.write');
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockCase(tx, caseIdOrRef);
    if (row.status === 'closed' && !opts.allowClosed) {
      throw new DomainError(
        'precondition_failed',
        `Case ${row.reference} is closed; reopen it first.`,
      );
    }
    return change({ tx, row, settings: await loadSettings(tx), now: ctx.now() });
  });
}
