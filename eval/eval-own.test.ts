// Reading an export of corrected cases for scoring and training (eval-own.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ownEmotionRows, readOwnRows } from './eval-own.ts';

test('an export becomes scoring rows and training rows; unreadable lines are counted, not fatal', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'redress-own-')), 'corrections.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({ id: 'RD-1', text: 'I am livid.', confirmedFeelings: ['angry', 'smug'] }),
      JSON.stringify({
        id: 'RD-2',
        text: 'The bill is wrong.',
        confirmedFeelings: null,
        category: 'billing',
      }),
      JSON.stringify({ id: 'RD-3', text: 'Fine.', confirmedFeelings: [] }),
      '{"id":"RD-4"}',
      'not json',
      '',
    ].join('\n'),
  );
  const { rows, skipped } = await readOwnRows(file);
  expect(rows.map((r) => r.id)).toEqual(['RD-1', 'RD-2', 'RD-3']);
  expect(skipped).toBe(2);
  expect(rows[1]?.category).toBe('billing');
  // Only confirmed cases train; a feeling Redress does not know is dropped; none is a real answer.
  expect(ownEmotionRows(rows)).toEqual([
    { id: 'own:RD-1', text: 'I am livid.', feelings: new Set(['angry']) },
    { id: 'own:RD-3', text: 'Fine.', feelings: new Set() },
  ]);
});
