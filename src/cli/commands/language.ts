// `redress analyze [file]` and `redress coach [file]`: JSON Lines in, JSON Lines out, streamed.
import { createReadStream, existsSync } from 'node:fs';
import { runAnalyzeStream, runCoachStream } from '../../language/jsonl.ts';
import { UsageError, type Io } from '../stdio.ts';

export async function languageCommand(
  kind: 'analyze' | 'coach',
  args: string[],
  io: Io,
): Promise<number> {
  const file = args.find((a) => !a.startsWith('-'));
  if (file && !existsSync(file)) throw new UsageError(`No such file: ${file}`);
  const input = file ? createReadStream(file) : process.stdin;
  const run = kind === 'analyze' ? runAnalyzeStream : runCoachStream;
  const summary = await run(input, process.stdout, { progress: process.stderr });
  if (summary.errors > 0)
    io.err(
      `${summary.errors} of ${summary.lines} lines could not be read; see their "error" fields.`,
    );
  return summary.errors > 0 && summary.errors === summary.lines ? 1 : 0;
}
