// `redress analyze` and `redress coach` as a pipeline runs them: JSON Lines piped into the real
// command. Each output line has the shape the contract promises, a bad line becomes an error
// line naming where it was and the stream carries on, a few hundred thousand lines stream
// through a 64 MB heap, and progress is shown on a terminal only.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEELINGS } from '../../src/language/types.ts';
import { BIN, pipeCli, REPO_ROOT } from '../support/processes.ts';

type Row = Record<string, unknown>;

const ANALYZE_KEYS = [
  'id',
  'feelings',
  'urgency',
  'urgencyReasons',
  'activist',
  'activistReasons',
  'repeat',
  'repeatReasons',
  'wants',
  'language',
];
const COACH_HAS = [
  'apology',
  'conditionalApology',
  'blameShift',
  'thanks',
  'usesFirstName',
  'acknowledgesFeeling',
  'concreteNextTime',
  'offersAction',
  'deflectsChannel',
];
const SUMMARY = (errors: number, lines: number) =>
  `${errors} of ${lines} lines could not be read; see their "error" fields.\n`;

const ACCOUNTS = [
  'Third time my bill is wrong. I will go to the ombudsman.',
  'The sofa arrived torn and nobody called me back. This is the worst service ever, I am so angry and I need it fixed today!',
  'Thanks, all good.',
  'I have been waiting two weeks for my refund. I just want my money back.',
  'Your engineer never turned up and I lost a day off work. I am so disappointed.',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-language-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const parse = (lines: string[]): Row[] => lines.map((l) => JSON.parse(l) as Row);

/** A span must be the very words it points at in the text it was read from. */
function expectSpan(span: unknown, text: string): void {
  const { start, end, text: words } = span as { start: number; end: number; text: string };
  expect(Number.isInteger(start) && Number.isInteger(end) && start <= end).toBe(true);
  expect(text.slice(start, end)).toBe(words);
}

function expectReasons(reasons: unknown, text: string): void {
  expect(Array.isArray(reasons)).toBe(true);
  for (const r of reasons as Array<{ reason: unknown; span: unknown }>) {
    expect(typeof r.reason).toBe('string');
    expectSpan(r.span, text);
  }
}

function expectAnalysis(row: Row, text: string): void {
  expect(Object.keys(row).sort()).toEqual([...ANALYZE_KEYS].sort());
  for (const f of row.feelings as Array<Row>) {
    expect(Object.keys(f).sort()).toEqual(['evidence', 'feeling', 'score']);
    expect(FEELINGS).toContain(f.feeling);
    expect(f.score).toBeGreaterThanOrEqual(0);
    expect(f.score).toBeLessThanOrEqual(1);
    for (const span of f.evidence as unknown[]) expectSpan(span, text);
  }
  expect([0, 1, 2]).toContain(row.urgency);
  for (const key of ['urgencyReasons', 'activistReasons', 'repeatReasons'])
    expectReasons(row[key], text);
  expect(typeof row.activist).toBe('boolean');
  expect(typeof row.repeat).toBe('boolean');
  expect(row.wants === null || typeof row.wants === 'string').toBe(true);
  expect(row.language).toMatch(/^[a-z]{2,3}$/);
}

function expectCoaching(row: Row, text: string): void {
  expect(Object.keys(row).sort()).toEqual(['findings', 'has', 'id']);
  const has = row.has as Record<string, unknown>;
  for (const key of COACH_HAS) expect(typeof has[key], key).toBe('boolean');
  for (const [key, value] of Object.entries(has)) expect(typeof value, key).toBe('boolean');
  for (const f of row.findings as Array<Row>) {
    expect(Object.keys(f).sort()).toEqual([
      'explanation',
      'rule',
      'severity',
      'span',
      'suggestion',
    ]);
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(typeof f.rule).toBe('string');
    expect(typeof f.explanation).toBe('string');
    expect(typeof f.suggestion).toBe('string');
    if (f.span !== null) expectSpan(f.span, text);
  }
}

describe('redress analyze', () => {
  test('each line in gives one line out, in order, with the contract’s fields; bad lines become error lines and the stream goes on', async () => {
    const good = ACCOUNTS.map((text, i) => ({ id: i % 2 ? `c-${i}` : i, text }));
    const input = [
      JSON.stringify(good[0]),
      '{"id": "broken", "text": ', // line 2: not JSON
      JSON.stringify(good[1]),
      '', // blank lines are skipped, but still counted for line numbers
      JSON.stringify({ id: 'wrong-type', text: 42 }), // line 5
      JSON.stringify({ text: 'no id at all' }), // line 6
      JSON.stringify({ id: 'too-long', text: 'x'.repeat(20_001) }), // line 7
      ...good.slice(2).map((g) => JSON.stringify(g)),
    ];
    const res = await pipeCli(['analyze'], [input.join('\n') + '\n']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toBe(SUMMARY(4, 9));
    const rows = parse(res.lines);
    expect(rows).toHaveLength(9);

    expect(rows[1]).toEqual({ line: 2, error: 'invalid JSON' });
    expect(rows[3]).toMatchObject({ id: 'wrong-type' });
    expect(rows[3]?.error).toMatch(/^invalid input at text: /);
    expect(rows[4]).toMatchObject({ line: 6 });
    expect(rows[4]?.error).toMatch(/^invalid input at id: /);
    expect(rows[5]).toMatchObject({ id: 'too-long' });
    expect(rows[5]?.error).toMatch(/^invalid input at text: /);

    const read = [rows[0], rows[2], ...rows.slice(6)];
    expect(read.map((r) => r?.id)).toEqual(good.map((g) => g.id));
    read.forEach((row, i) => expectAnalysis(row ?? {}, good[i]?.text ?? ''));
    expect(rows[0]).toMatchObject({ activist: true, repeat: true, language: 'en' });
    // The feelings' shape is checked on a reading that has some (the words are the model's).
    expect((rows[2]?.feelings as Row[]).map((f) => f.feeling)).toContain('angry');
    expect(rows[2]).toMatchObject({ urgency: 1, wants: 'it fixed today' });
  }, 60_000);

  test('a file argument is read like stdin; input with no readable line exits 1', async () => {
    const file = join(dir, 'accounts.jsonl');
    await writeFile(file, `${JSON.stringify({ id: 'f1', text: ACCOUNTS[1] })}\n`);
    const fromFile = await pipeCli(['analyze', file], []);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expectAnalysis(parse(fromFile.lines)[0] ?? {}, ACCOUNTS[1] ?? '');

    const allBad = await pipeCli(['analyze'], ['{nope\n[1, 2]\n']);
    expect(allBad.code).toBe(1);
    expect(parse(allBad.lines)).toEqual([
      { line: 1, error: 'invalid JSON' },
      { line: 2, error: expect.stringMatching(/^invalid input/) },
    ]);
    expect(allBad.stderr).toBe(SUMMARY(2, 2));

    const missing = await pipeCli(['analyze', join(dir, 'nowhere.jsonl')], []);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file:');
  }, 60_000);
});

describe('redress coach', () => {
  test('each draft gives {id, findings, has} with boolean detections; context is used; a bad line is an error line', async () => {
    const drafts = [
      {
        id: 1,
        text: "Hi Ana, I'm sorry if you were upset. Thank you for telling us. I will call you by 5pm today.",
        customerFirstName: 'Ana',
        confirmedFeelings: ['frustrated'],
      },
      { id: 'b', text: "Please contact our other department, it was the courier's fault." },
      { id: 'bad', text: 'ok', confirmedFeelings: ['bored'] },
      {
        id: 'c',
        text: 'Sam, I am so sorry we let you down. I can see why you are frustrated. I have refunded the fee today.',
        customerFirstName: 'Sam',
        confirmedFeelings: ['frustrated'],
      },
    ];
    const res = await pipeCli(
      ['coach'],
      drafts.map((d) => `${JSON.stringify(d)}\n`),
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toBe(SUMMARY(1, 4));
    const rows = parse(res.lines);
    expect(rows.map((r) => r.id)).toEqual([1, 'b', 'bad', 'c']);
    for (const i of [0, 1, 3]) expectCoaching(rows[i] ?? {}, drafts[i]?.text ?? '');

    expect(rows[0]?.has).toMatchObject({
      apology: true,
      conditionalApology: true,
      thanks: true,
      usesFirstName: true,
      acknowledgesFeeling: false,
      concreteNextTime: true,
    });
    expect((rows[0]?.findings as Row[]).map((f) => f.rule)).toContain('apology.conditional');
    expect(rows[1]?.has).toMatchObject({ apology: false, blameShift: true, deflectsChannel: true });
    expect(Object.keys(rows[2] ?? {}).sort()).toEqual(['error', 'id']);
    expect(rows[2]?.error).toMatch(/^invalid input at confirmedFeelings/);
    expect(rows[3]?.has).toMatchObject({
      apology: true,
      conditionalApology: false,
      usesFirstName: true,
      acknowledgesFeeling: true,
      offersAction: true,
    });
  }, 60_000);
});

/** `count` analyze lines, generated as they are read so the test holds none of them. */
function* accounts(count: number): Generator<string> {
  const batch: string[] = [];
  for (let i = 0; i < count; i++) {
    batch.push(`${JSON.stringify({ id: i, text: `${ACCOUNTS[i % ACCOUNTS.length]} (#${i})` })}\n`);
    if (batch.length === 1000) yield batch.splice(0).join('');
  }
  if (batch.length > 0) yield batch.join('');
}

describe('streaming in bounded memory', () => {
  // The output alone (300 bytes to 2 kB a line) is several times the heap: nothing may pile up.
  // (When the CLI loaded every command up front, coach ran out of this heap.)
  test.each([
    ['analyze', 200_000],
    ['coach', 20_000],
  ] as const)(
    '%s streams %i lines through a 64 MB heap',
    async (command, count) => {
      let next = 0;
      let misfits = 0;
      const res = await pipeCli([command], accounts(count), {
        nodeArgs: ['--max-old-space-size=64'],
        timeoutMs: 55_000,
        onLine: (line) => {
          const row = JSON.parse(line) as Row;
          if (row.id !== next++ || 'error' in row) misfits++;
        },
      });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toBe('');
      expect(res.lineCount).toBe(count);
      expect(misfits, 'every line read, in order').toBe(0);
    },
    60_000,
  );
});

describe('progress', () => {
  const input = () => [
    ...Array.from({ length: 2499 }, (_, i) => JSON.stringify({ id: i, text: ACCOUNTS[i % 5] })),
    '{not json',
  ];

  test('on a terminal, stderr shows a running count of lines and errors', async () => {
    const inFile = join(dir, 'progress.jsonl');
    const outFile = join(dir, 'progress.out');
    await writeFile(inFile, `${input().join('\n')}\n`);
    // `script` gives the command a pseudo-terminal; stdout goes to a file, so what reaches the
    // terminal is stderr alone.
    const terminal = execFileSync(
      'script',
      ['-qefc', `'${process.execPath}' '${BIN}' analyze < '${inFile}' > '${outFile}'`, '/dev/null'],
      { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'silent' }, encoding: 'utf8' },
    );
    expect(terminal).toContain('\r1000 lines, 0 errors');
    expect(terminal).toContain('\r2000 lines, 0 errors');
    expect(terminal).toMatch(/\r2500 lines, 1 errors\r?\n/);
    expect(terminal).toContain(SUMMARY(1, 2500).trim());
    const out = (await readFile(outFile, 'utf8')).trimEnd().split('\n');
    expect(out).toHaveLength(2500);
    expect(out.some((l) => l.includes('lines,'))).toBe(false);
  }, 60_000);

  test('without a terminal, stderr carries no progress, only the summary of bad lines', async () => {
    const res = await pipeCli(['analyze'], [`${input().join('\n')}\n`]);
    expect(res.code).toBe(0);
    expect(res.lineCount).toBe(2500);
    expect(res.stderr).toBe(SUMMARY(1, 2500));
  }, 60_000);
});
