// Feelings against GoEmotions dev (never used in training or threshold choice).
import { analyze } from '../src/language/analyze.ts';
import { FEELINGS } from '../src/language/types.ts';
import { hasData, readGoEmotions } from './data.ts';
import { macroF1, printTable, tally } from './metrics.ts';

export const FEELINGS_TARGET = 0.38;

export function evalFeelings(): number | null {
  if (!hasData('goemotions', 'dev.tsv')) {
    console.log('\nfeelings: skipped (goemotions/dev.tsv not found)');
    return null;
  }
  const rows = readGoEmotions('dev');
  const scores = tally(
    FEELINGS,
    rows.map((r) => [r.feelings, new Set(analyze(r.text).feelings.map((f) => f.feeling))]),
  );
  printTable(`feelings vs GoEmotions dev (${rows.length} comments)`, scores);
  const macro = macroF1(scores);
  console.log(`  macro-F1 ${macro.toFixed(3)} (target >= ${FEELINGS_TARGET})`);
  return macro;
}
