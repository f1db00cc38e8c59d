// JSON Lines in, JSON Lines out, one output line per input line, in constant memory.
// A bad line becomes an error line and the stream carries on.
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { z } from 'zod';
import { analyze } from './analyze.ts';
import { coach } from './coach.ts';
import { analyzeLineSchema, coachLineSchema } from './schemas.ts';

export interface StreamOptions {
  progress?: NodeJS.WriteStream;
}

export interface StreamSummary {
  lines: number;
  errors: number;
}

const PROGRESS_EVERY = 1000;

async function runStream<S extends z.ZodType>(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: StreamOptions,
  schema: S,
  handle: (row: z.infer<S>) => Record<string, unknown>,
): Promise<StreamSummary> {
  const progress = opts.progress?.isTTY === true ? opts.progress : undefined;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0; // in the input, blank lines included, so an error points at its line
  let lines = 0;
  let errors = 0;
  for await (const raw of rl) {
    lineNo++;
    if (raw.trim() === '') continue;
    lines++;
    const out = processLine(raw, lineNo, schema, handle);
    if ('error' in out) errors++;
    // Respect back-pressure so a million lines never pile up in memory.
    if (!output.write(`${JSON.stringify(out)}\n`)) await once(output, 'drain');
    if (progress && lines % PROGRESS_EVERY === 0)
      progress.write(`\r${lines} lines, ${errors} errors`);
  }
  if (progress) progress.write(`\r${lines} lines, ${errors} errors\n`);
  return { lines, errors };
}

function processLine<S extends z.ZodType>(
  raw: string,
  lineNo: number,
  schema: S,
  handle: (row: z.infer<S>) => Record<string, unknown>,
): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { line: lineNo, error: 'invalid JSON' };
  }
  const id = typeof json === 'object' && json !== null && 'id' in json ? json.id : undefined;
  const where = typeof id === 'string' || typeof id === 'number' ? { id } : { line: lineNo };
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    return {
      ...where,
      error: `invalid input${path ? ` at ${path}` : ''}: ${issue?.message ?? 'unknown'}`,
    };
  }
  try {
    return { ...where, ...handle(parsed.data) };
  } catch (err) {
    return { ...where, error: err instanceof Error ? err.message : String(err) };
  }
}

export function runAnalyzeStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: StreamOptions = {},
): Promise<StreamSummary> {
  return runStream(input, output, opts, analyzeLineSchema, (row) => ({
    id: row.id,
    ...analyze(row.text),
  }));
}

export function runCoachStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: StreamOptions = {},
): Promise<StreamSummary> {
  return runStream(input, output, opts, coachLineSchema, ({ id, text, ...context }) => ({
    id,
    ...coach(text, context),
  }));
}
