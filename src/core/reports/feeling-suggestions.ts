// R4 measured: intake suggests feelings, agents confirm or correct them; this compares the two.
import { authorize, type Ctx } from '../shared/context.ts';
import { confirmedFeelings } from './reports.repo.ts';
import { suggestionQuality } from './suggestion-quality.rules.ts';

export async function feelingSuggestionReport(ctx: Ctx) {
  authorize(ctx, 'case.read');
  const rows = await confirmedFeelings(ctx.database.db);
  return suggestionQuality(
    rows.map((r) => ({
      suggested: (r.suggested as Array<{ feeling: string }>).map((f) => f.feeling),
      confirmed: r.confirmed ?? [],
    })),
  );
}
