// `redress incident list|show|import`.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { getIncident, listIncidents } from '../../core/incidents/get-incident.ts';
import { importCustomers } from '../../core/incidents/import-customers.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

const USAGE =
  'Usage: redress incident list [--status S] [--json] | show <ID|SLUG> [--json] | import <ID|SLUG> <file.csv> [--as EMAIL]';

async function list(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { status: { type: 'string' }, json: { type: 'boolean' }, as: { type: 'string' } },
  });
  const rows = await withDesk(values.as, (ctx) => listIncidents(ctx, { status: values.status }));
  if (values.json) {
    io.out(JSON.stringify(rows));
    return 0;
  }
  if (rows.length === 0) {
    io.out('No incidents.');
    return 0;
  }
  io.out(['SLUG', 'STATUS', 'CUSTOMERS', 'CASES', 'TITLE'].join('\t'));
  for (const r of rows)
    io.out([r.slug, r.status, r.affected.customers, r.affected.cases, r.title].join('\t'));
  return 0;
}

async function show(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, as: { type: 'string' } },
  });
  const id = positionals[0];
  if (!id) throw new UsageError(USAGE);
  const view = await withDesk(values.as, (ctx) => getIncident(ctx, id));
  if (values.json) {
    io.out(JSON.stringify(view));
    return 0;
  }
  const i = view.incident;
  io.out(`${i.title}  [${i.status}]  since ${i.startedAt.toISOString()}`);
  io.out(`Affected: ${view.affected.customers} customers, ${view.affected.cases} cases`);
  io.out(`Statement: ${view.statement?.body ?? '(none yet)'}`);
  for (const b of view.broadcasts)
    io.out(`Broadcast ${b.kind} ${b.id}: ${b.done}/${b.total} done ${JSON.stringify(b.byStatus)}`);
  const open = view.checklist.filter((c) => !c.doneAt).map((c) => `  - ${c.label}`);
  io.out(open.length > 0 ? `Still to do:\n${open.join('\n')}` : 'Checklist complete.');
  return 0;
}

async function importList(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, as: { type: 'string' } },
  });
  const [id, file] = positionals;
  if (!id || !file) throw new UsageError(USAGE);
  const csv = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Cannot read ${file}.`);
  });
  const result = await withDesk(values.as, (ctx) => importCustomers(ctx, id, csv));
  io.out(
    values.json
      ? JSON.stringify(result)
      : `Imported ${result.rows} rows: ${result.customersAdded} customers attached (${result.newCustomers} new).`,
  );
  return 0;
}

export async function incidentCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return list(rest, io);
  if (sub === 'show') return show(rest, io);
  if (sub === 'import') return importList(rest, io);
  throw new UsageError(USAGE);
}
