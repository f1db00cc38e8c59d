// The matching signals for one case against every open problem, in one query:
// full-text rank against the problem's own words, trigram similarity of its title, the votes of
// the nearest cases already linked (full text over their stored tsvectors), and category.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { MatchSignals } from './match.rules.ts';

/** How many of the nearest linked cases vote. */
const NEIGHBOURS = 25;

// plainto_tsquery ANDs every word; a complaint shares only some words with earlier ones, so
// the operators are turned into OR and ts_rank does the weighing.
const ANY_WORD = String.raw`\s(&|<->|<\d+>)\s`;

export async function matchSignals(tx: DbOrTx, caseId: string): Promise<MatchSignals[]> {
  const res = await tx.execute<{
    problem_id: string;
    title: string;
    status: string;
    text_rank: number;
    title_similarity: number;
    neighbour_score: number;
    neighbours: number;
    is_category_match: boolean;
  }>(sql`
    WITH q AS (
      SELECT c.id, c.category, c.root_cause_category,
             coalesce(c.subject, '') || ' ' || c.account AS body,
             nullif(regexp_replace(
               plainto_tsquery('english', coalesce(c.subject, '') || ' ' || c.account)::text,
               ${ANY_WORD}, ' | ', 'g'), '')::tsquery AS tq
      FROM cases c WHERE c.id = ${caseId}
    ),
    open_problems AS (
      SELECT p.* FROM problems p, q
      WHERE p.status <> 'verified'
        AND NOT EXISTS (
          SELECT 1 FROM case_problems x WHERE x.case_id = q.id AND x.problem_id = p.id)
    ),
    hits AS (
      SELECT cp.problem_id, ts_rank(cp.search, q.tq) AS r
      FROM case_problems cp
      JOIN open_problems p ON p.id = cp.problem_id
      CROSS JOIN q
      WHERE q.tq IS NOT NULL AND cp.search @@ q.tq AND cp.case_id <> q.id
      ORDER BY r DESC
      LIMIT ${NEIGHBOURS}
    ),
    votes AS (
      SELECT problem_id, sum(r) AS score, count(*)::int AS n FROM hits GROUP BY problem_id
    )
    SELECT p.id AS problem_id, p.title, p.status,
      CASE WHEN q.tq IS NULL THEN 0 ELSE ts_rank(to_tsvector('english',
        p.title || ' ' || coalesce(p.analysis, '') || ' ' || coalesce((
          SELECT string_agg((w->>'why') || ' ' || (w->>'answer'), ' ')
          FROM jsonb_array_elements(p.whys) w), '')), q.tq) END AS text_rank,
      word_similarity(p.title, q.body) AS title_similarity,
      coalesce(v.score, 0) AS neighbour_score,
      coalesce(v.n, 0) AS neighbours,
      (p.category IS NOT NULL AND lower(p.category) IN (
        lower(coalesce(q.category, '')), lower(coalesce(q.root_cause_category, '')))
      ) AS is_category_match
    FROM open_problems p CROSS JOIN q
    LEFT JOIN votes v ON v.problem_id = p.id
  `);
  return res.rows.map((r) => ({
    problemId: r.problem_id,
    title: r.title,
    status: r.status,
    textRank: Number(r.text_rank),
    titleSimilarity: Number(r.title_similarity),
    neighbourScore: Number(r.neighbour_score),
    neighbours: Number(r.neighbours),
    isCategoryMatch: r.is_category_match,
  }));
}
