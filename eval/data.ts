// Reads the shared development data. Never copied into the repository: it is read
// from ../shared/data (or REDRESS_DATA_SETS) at evaluation and training time only.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function dataDir(): string {
  return process.env.REDRESS_DATA_SETS ?? join(repoRoot, '..', 'shared', 'data');
}

export function hasData(...parts: string[]): boolean {
  return existsSync(join(dataDir(), ...parts));
}

/** The seven Redress feelings and the GoEmotions labels that map onto each. */
export const FEELING_MAP = {
  angry: ['anger'],
  frustrated: ['annoyance'],
  anxious: ['fear', 'nervousness'],
  disappointed: ['disappointment'],
  confused: ['confusion'],
  sad: ['sadness', 'grief'],
  embarrassed: ['embarrassment'],
} as const;

export interface EmotionRow {
  text: string;
  feelings: Set<string>;
  id: string;
}

export function readGoEmotions(split: 'train' | 'dev'): EmotionRow[] {
  const dir = join(dataDir(), 'goemotions');
  const labels = readFileSync(join(dir, 'labels.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  const toFeeling = new Map<string, string>();
  for (const [feeling, sources] of Object.entries(FEELING_MAP)) {
    for (const s of sources) toFeeling.set(s, feeling);
  }
  const rows: EmotionRow[] = [];
  for (const line of readFileSync(join(dir, `${split}.tsv`), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [text = '', ids = '', id = ''] = line.split('\t');
    const feelings = new Set<string>();
    for (const n of ids.split(',')) {
      const f = toFeeling.get(labels[Number(n)] ?? '');
      if (f !== undefined) feelings.add(f);
    }
    rows.push({ text, feelings, id });
  }
  return rows;
}

/** RFC 4180-ish CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(src: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) records.push([...row, field]);
  const [header = [], ...body] = records;
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function readCsv(...parts: string[]): Record<string, string>[] {
  return parseCsv(readFileSync(join(dataDir(), ...parts), 'utf8'));
}
