// The suggestions intake made and what staff settled on, case by case, as training and
// evaluation data for the organisation's own language models (R4, issue "corrections are
// kept"): `redress corrections export` writes them as JSON Lines, `npm run eval -- --own <file>`
// scores the shipped models on them and `npm run train:feelings -- --own <file>` learns from
// them. The customer's own words leave the desk here, so it needs the personal-data permission.
import { and, asc, gt, gte, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { caseEvents, cases } from '../../db/schema.ts';
import { authorize, type Ctx } from '../shared/context.ts';

/** One corrected case: what intake read, and what staff confirmed or chose. */
export interface Correction {
  id: string;
  receivedAt: string;
  text: string;
  language: string | null;
  suggestedFeelings: string[];
  /** null until an agent confirmed or corrected the feelings. */
  confirmedFeelings: string[] | null;
  suggestedCategory: string | null;
  category: string | null;
  suggestedComplainerType: string | null;
  complainerType: string | null;
}

const PAGE = 500;

interface Reading {
  language?: string;
  activist?: boolean;
  suggestedCategory?: string | null;
}

/**
 * Every case whose feelings were confirmed or whose classification staff set, oldest first,
 * read a page at a time (constant memory on any number of cases).
 */
export async function* exportCorrections(
  ctx: Ctx,
  opts: { since?: Date } = {},
): AsyncGenerator<Correction> {
  authorize(ctx, 'personal_data.manage');
  const corrected = or(
    isNotNull(cases.confirmedFeelings),
    sql`EXISTS (SELECT 1 FROM ${caseEvents} e WHERE e.case_id = ${cases.id} AND e.type = 'classified')`,
  ) as SQL;
  let after: { receivedAt: Date; id: string } | null = null;
  for (;;) {
    const page = await ctx.database.db
      .select({
        id: cases.id,
        reference: cases.reference,
        receivedAt: cases.receivedAt,
        account: cases.account,
        analysis: cases.analysis,
        suggestedFeelings: cases.suggestedFeelings,
        confirmedFeelings: cases.confirmedFeelings,
        category: cases.category,
        complainerType: cases.complainerType,
      })
      .from(cases)
      .where(
        and(
          corrected,
          opts.since ? gte(cases.receivedAt, opts.since) : undefined,
          after
            ? or(
                gt(cases.receivedAt, after.receivedAt),
                and(sql`${cases.receivedAt} = ${after.receivedAt}`, gt(cases.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(cases.receivedAt), asc(cases.id))
      .limit(PAGE);
    for (const r of page) {
      const reading = (r.analysis ?? {}) as Reading;
      yield {
        id: r.reference,
        receivedAt: r.receivedAt.toISOString(),
        text: r.account,
        language: reading.language ?? null,
        suggestedFeelings: ((r.suggestedFeelings ?? []) as Array<{ feeling: string }>).map(
          (f) => f.feeling,
        ),
        confirmedFeelings: (r.confirmedFeelings as string[] | null) ?? null,
        suggestedCategory: reading.suggestedCategory ?? null,
        category: r.category ?? null,
        suggestedComplainerType: reading.activist ? 'activist' : null,
        complainerType: r.complainerType ?? null,
      };
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    after = { receivedAt: last.receivedAt, id: last.id };
  }
}
