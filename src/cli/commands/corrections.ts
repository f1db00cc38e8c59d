// `redress corrections export [--since ISO] [--as E]`: the suggestions intake made and what
// staff confirmed, one JSON line per case (see core/reports/export-corrections.ts).
import { parseArgs } from 'node:util';
import { exportCorrections } from '../../core/reports/export-corrections.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

const USAGE = 'Usage: redress corrections export [--since 2026-01-01T00:00:00Z] [--as E]';

export async function correctionsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, since: { type: 'string' } },
  });
  if (positionals.length !== 1 || positionals[0] !== 'export') throw new UsageError(USAGE);
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime()))
    throw new UsageError(`--since: not a date and time (${values.since}).\n${USAGE}`);
  const count = await withDesk(values.as, async (ctx) => {
    let n = 0;
    for await (const row of exportCorrections(ctx, since ? { since } : {})) {
      io.out(JSON.stringify(row));
      n++;
    }
    return n;
  });
  io.err(`${count} corrected case${count === 1 ? '' : 's'} exported.`);
  return 0;
}
