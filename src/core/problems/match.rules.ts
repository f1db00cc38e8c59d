// How the matching signals combine into the three suggestions shown on a case. Pure.

export interface MatchSignals {
  problemId: string;
  title: string;
  status: string;
  /** ts_rank of the case's words against the problem's title, analysis and whys. */
  textRank: number;
  /** pg_trgm word_similarity of the problem title within the case text, 0..1. */
  titleSimilarity: number;
  /** Summed ts_rank of this problem's cases among the case's nearest linked cases. */
  neighbourScore: number;
  neighbours: number;
  isCategoryMatch: boolean;
}

export interface Suggestion extends MatchSignals {
  score: number;
}

export const WEIGHTS = {
  /** Share of the nearest neighbours' votes: the strongest signal once cases are linked. */
  neighbours: 1,
  /** ts_rank values are small (≈0.06 for one matching word), so they are scaled up. */
  text: 2,
  /** Below ~0.5 a trigram match is mostly noise. */
  title: 0.5,
  titleFloor: 0.5,
  category: 0.3,
} as const;

export function scoreSignals(s: MatchSignals, totalNeighbourScore: number): number {
  const share = totalNeighbourScore > 0 ? s.neighbourScore / totalNeighbourScore : 0;
  const title = s.titleSimilarity >= WEIGHTS.titleFloor ? s.titleSimilarity : 0;
  return (
    WEIGHTS.neighbours * share +
    WEIGHTS.text * s.textRank +
    WEIGHTS.title * title +
    (s.isCategoryMatch ? WEIGHTS.category : 0)
  );
}

/** The best `limit` problems with any evidence at all, best first; ties by title. */
export function rankSuggestions(signals: readonly MatchSignals[], limit = 3): Suggestion[] {
  const total = signals.reduce((n, s) => n + s.neighbourScore, 0);
  return signals
    .map((s) => ({ ...s, score: Math.round(scoreSignals(s, total) * 10_000) / 10_000 }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
    .slice(0, limit);
}
