import { describe, expect, test } from 'vitest';
import { rankSuggestions, type MatchSignals } from './match.rules.ts';

const signal = (title: string, patch: Partial<MatchSignals> = {}): MatchSignals => ({
  problemId: title,
  title,
  status: 'investigating',
  textRank: 0,
  titleSimilarity: 0,
  neighbourScore: 0,
  neighbours: 0,
  isCategoryMatch: false,
  ...patch,
});

describe('ranking the suggestions', () => {
  test.each([
    {
      name: 'neighbour votes decide between problems with no other evidence',
      signals: [signal('A', { neighbourScore: 0.2 }), signal('B', { neighbourScore: 0.6 })],
      expected: ['B', 'A'],
    },
    {
      name: 'a problem with no evidence at all is not suggested',
      signals: [signal('A', { textRank: 0.05 }), signal('B')],
      expected: ['A'],
    },
    {
      name: 'a weak trigram match (below the floor) counts for nothing',
      signals: [signal('A', { titleSimilarity: 0.3 })],
      expected: [],
    },
    {
      name: 'a strong title match beats a small neighbour share',
      signals: [
        signal('Lost Luggage', { titleSimilarity: 1 }),
        signal('Late Flight', { neighbourScore: 0.1 }),
        signal('Other', { neighbourScore: 0.9 }),
      ],
      expected: ['Other', 'Lost Luggage', 'Late Flight'],
    },
    {
      name: 'category match breaks an otherwise even contest',
      signals: [
        signal('A', { neighbourScore: 0.5 }),
        signal('B', { neighbourScore: 0.5, isCategoryMatch: true }),
      ],
      expected: ['B', 'A'],
    },
    {
      name: 'at most three, ties by title',
      signals: ['D', 'C', 'B', 'A'].map((t) => signal(t, { textRank: 0.1 })),
      expected: ['A', 'B', 'C'],
    },
  ])('$name', ({ signals, expected }) => {
    expect(rankSuggestions(signals).map((s) => s.title)).toEqual(expected);
  });
});
