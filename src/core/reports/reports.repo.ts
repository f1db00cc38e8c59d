import { isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';

/** Suggested and agent-confirmed feelings of every case an agent has confirmed. */
export async function confirmedFeelings(db: DbOrTx) {
  return db
    .select({ suggested: cases.suggestedFeelings, confirmed: cases.confirmedFeelings })
    .from(cases)
    .where(isNotNull(cases.confirmedFeelings));
}
