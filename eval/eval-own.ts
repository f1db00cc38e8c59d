// `npm run eval -- --own corrections.jsonl`: the language module scored on the organisation's
// own cases, as `redress corrections export` wrote them — feelings against the ones agents
// confirmed, the category against the one staff chose, both per label. This is the number to
// watch when retraining with `npm run train:feelings -- --own` (score rows it did not learn).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyze } from '../src/language/analyze.ts';
import { categorize } from '../src/language/categorize.ts';
import { FEELINGS } from '../src/language/types.ts';
import type { EmotionRow } from './data.ts';
import { macroF1, printTable, tally } from './metrics.ts';

export interface OwnRow {
  id: string;
  text: string;
  confirmedFeelings: string[] | null;
  category: string | null;
}

/** Reads an export, skipping (and counting) lines that are not corrections. */
export async function readOwnRows(file: string): Promise<{ rows: OwnRow[]; skipped: number }> {
  const rows: OwnRow[] = [];
  let skipped = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as Partial<OwnRow>;
      if (typeof r.text !== 'string') throw new Error('no text');
      rows.push({
        id: String(r.id ?? rows.length),
        text: r.text,
        confirmedFeelings: Array.isArray(r.confirmedFeelings) ? r.confirmedFeelings : null,
        category: typeof r.category === 'string' ? r.category : null,
      });
    } catch {
      skipped++;
    }
  }
  return { rows, skipped };
}

/** Training rows from an export: the cases with confirmed feelings, as GoEmotions rows are. */
export function ownEmotionRows(rows: readonly OwnRow[]): EmotionRow[] {
  const known = new Set<string>(FEELINGS);
  return rows
    .filter((r) => r.confirmedFeelings !== null)
    .map((r) => ({
      id: `own:${r.id}`,
      text: r.text,
      feelings: new Set((r.confirmedFeelings ?? []).filter((f) => known.has(f))),
    }));
}

export async function evalOwn(file: string): Promise<void> {
  const { rows, skipped } = await readOwnRows(file);
  console.log(
    `\nyour own cases: ${file} (${rows.length} rows${skipped ? `, ${skipped} unreadable lines skipped` : ''})`,
  );
  const withFeelings = rows.filter((r) => r.confirmedFeelings !== null);
  if (withFeelings.length > 0) {
    const scores = tally(
      FEELINGS,
      withFeelings.map((r) => [
        new Set(r.confirmedFeelings),
        new Set(analyze(r.text).feelings.map((f) => f.feeling)),
      ]),
    );
    printTable(`feelings vs the feelings agents confirmed (${withFeelings.length} cases)`, scores);
    console.log(`  macro-F1 ${macroF1(scores).toFixed(3)}`);
  }
  const withCategory = rows.filter((r) => r.category !== null);
  if (withCategory.length > 0) {
    const labels = [...new Set(withCategory.map((r) => r.category as string))].sort();
    const scores = tally(
      labels,
      withCategory.map((r) => [
        new Set([r.category as string]),
        new Set([categorize(r.text)?.category].filter((c): c is string => typeof c === 'string')),
      ]),
    );
    printTable(`categories vs the category staff chose (${withCategory.length} cases)`, scores);
    console.log(`  macro-F1 ${macroF1(scores).toFixed(3)}`);
  }
  if (withFeelings.length === 0 && withCategory.length === 0)
    console.log('  nothing to score: no confirmed feelings and no chosen categories in the file');
}
