// Intake suggests a complainer type (activist, from the customer's words) and a category; staff
// confirm or correct them with POST /cases/:ref/classify. This measures the suggestions against
// what staff settled on, so the organisation can see how far to trust them.
import { authorize, type Ctx } from '../shared/context.ts';
import { classificationQuality } from './classification-quality.rules.ts';
import { classifiedCases } from './reports.repo.ts';

interface StoredReading {
  activist?: boolean;
  suggestedCategory?: string | null;
}

export async function classificationSuggestionReport(ctx: Ctx) {
  authorize(ctx, 'case.read');
  const rows = await classifiedCases(ctx.database.db);
  const reading = (r: (typeof rows)[number]) => (r.analysis ?? {}) as StoredReading;
  return {
    complainerType: classificationQuality(
      rows.map((r) => ({
        suggested: reading(r).activist === true ? 'activist' : null,
        confirmed: r.complainerType,
      })),
    ),
    category: classificationQuality(
      rows.map((r) => ({
        suggested: reading(r).suggestedCategory ?? null,
        confirmed: r.category,
      })),
    ),
  };
}
