import { PassThrough, Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { runAnalyzeStream, runCoachStream } from './jsonl.ts';

async function run(fn: typeof runAnalyzeStream, lines: string[]) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  const summary = await fn(Readable.from([lines.join('\n')]), out, {});
  const rows = chunks
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { summary, rows };
}

describe('JSONL streams', () => {
  test('analyze: one line out per line in, bad lines reported and skipped over', async () => {
    const { summary, rows } = await run(runAnalyzeStream, [
      JSON.stringify({ id: 'a', text: 'Third time my bill is wrong. I will go to the ombudsman.' }),
      '{not json',
      JSON.stringify({ id: 'c', text: 42 }),
      JSON.stringify({ text: 'no id here' }),
      JSON.stringify({ id: 'e', text: 'Thanks, all good.' }),
    ]);
    expect(summary).toEqual({ lines: 5, errors: 3 });
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ id: 'a', activist: true, repeat: true, language: 'en' });
    expect(rows[1]).toMatchObject({ line: 2, error: 'invalid JSON' });
    expect(rows[2]).toMatchObject({ id: 'c' });
    expect(String(rows[2]?.error)).toContain('text');
    expect(rows[3]).toMatchObject({ line: 4 });
    expect(rows[4]).toMatchObject({ id: 'e', urgency: 0 });
  });

  test('coach: context fields are passed through', async () => {
    const { summary, rows } = await run(runCoachStream, [
      JSON.stringify({
        id: 1,
        text: 'Hi Ana, sorry. Thank you.',
        customerFirstName: 'Ana',
        confirmedFeelings: ['sad'],
      }),
      JSON.stringify({ id: 2, text: 'ok', confirmedFeelings: ['bored'] }),
    ]);
    expect(summary).toEqual({ lines: 2, errors: 1 });
    expect(rows[0]).toMatchObject({
      id: 1,
      has: { apology: true, thanks: true, usesFirstName: true },
    });
    expect(rows[1]).toMatchObject({ id: 2 });
    expect(rows[1]?.error).toBeDefined();
  });

  test('no progress is written when the progress stream is not a terminal', async () => {
    const progress = new PassThrough() as unknown as NodeJS.WriteStream;
    let written = '';
    (progress as unknown as PassThrough).on('data', (c: Buffer) => (written += c.toString()));
    await runAnalyzeStream(Readable.from(['{"id":1,"text":"hi"}\n']), new PassThrough(), {
      progress,
    });
    expect(written).toBe('');
  });
});
