// `redress case list|show|open|involve|uninvolve`.
import { parseArgs } from 'node:util';
import { involveStaff } from '../../core/debriefs/involve-staff.ts';
import { uninvolveStaff } from '../../core/debriefs/uninvolve-staff.ts';
import { findUserByEmail } from '../../core/users/user.repo.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { getCase } from '../../core/cases/get-case.ts';
import { listCases } from '../../core/cases/list-cases.ts';
import { openCase } from '../../core/cases/open-case.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

const USAGE = 'Usage: redress case list|show|open|involve|uninvolve … (see redress help)';

function fmt(d: Date | string | null | undefined): string {
  return d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') : '—';
}

async function list(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      status: { type: 'string' },
      q: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      as: { type: 'string' },
    },
  });
  const result = await withDesk(values.as, (ctx) =>
    listCases(ctx, { status: values.status, q: values.q, limit: values.limit ?? '50' }),
  );
  if (values.json) {
    io.out(JSON.stringify(result.items));
    return 0;
  }
  if (result.items.length === 0) {
    io.out(
      'No cases match. Open one with `redress case open`, or load the demo with `redress demo`.',
    );
    return 0;
  }
  io.out(['REFERENCE', 'STATUS', 'CHANNEL', 'CUSTOMER', 'FIRST REPLY DUE', 'SUBJECT'].join('\t'));
  for (const c of result.items) {
    const who = [c.customerFirstName, c.customerLastName].filter(Boolean).join(' ') || '—';
    const due = c.firstResponseAt ? 'answered' : fmt(c.firstResponseDueAt);
    io.out([c.reference, c.status, c.channel, who, due, (c.subject ?? '').slice(0, 50)].join('\t'));
  }
  return 0;
}

async function show(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, as: { type: 'string' } },
  });
  const ref = positionals[0];
  if (!ref) throw new UsageError('Usage: redress case show <REF> [--json]');
  const view = await withDesk(values.as, (ctx) => getCase(ctx, ref));
  if (values.json) {
    io.out(JSON.stringify(view));
    return 0;
  }
  const c = view.case;
  io.out(`${c.reference}  ${c.status}  ${c.channel}  received ${fmt(c.receivedAt)}`);
  io.out(
    `Customer: ${[view.customer?.firstName, view.customer?.lastName].filter(Boolean).join(' ') || '—'}   Owner: ${view.owner?.name ?? 'unassigned'}`,
  );
  io.out(`\n“${c.account}”\n`);
  io.out(
    `First response: ${view.clocks.firstResponse.status} (due ${fmt(view.clocks.firstResponse.dueAt)})`,
  );
  io.out(`Next step: ${view.playbook.next?.label ?? 'all steps done'}`);
  io.out(
    view.closure.canClose
      ? 'Ready to close.'
      : `Before closing:\n${view.closure.missing.map((m) => `  - ${m.message}`).join('\n')}`,
  );
  io.out(
    `\nTimeline:\n${view.timeline.map((e) => `  ${fmt(e.at)}  ${e.type}  (${e.actorLabel})`).join('\n')}`,
  );
  return 0;
}

async function open(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      channel: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      account: { type: 'string' },
      subject: { type: 'string' },
      severity: { type: 'string' },
      json: { type: 'boolean' },
      as: { type: 'string' },
    },
  });
  const contacts = [
    ...(values.email ? [{ kind: 'email', value: values.email }] : []),
    ...(values.phone ? [{ kind: 'phone', value: values.phone }] : []),
  ];
  const [firstName, ...last] = (values.name ?? '').trim().split(/\s+/).filter(Boolean);
  const input = {
    channel: values.channel,
    account: values.account,
    subject: values.subject,
    severity: values.severity,
    customer: { firstName, lastName: last.length > 0 ? last.join(' ') : undefined, contacts },
  };
  const { case: c } = await withDesk(values.as, (ctx) => openCase(ctx, input));
  io.out(
    values.json
      ? JSON.stringify(c)
      : `Opened ${c.reference}; first response due ${fmt(c.firstResponseDueAt)}.`,
  );
  return 0;
}

/** `case involve <REF> --staff <email> [--role TEXT]`: the staff involved in the failure (R24). */
async function involve(args: string[], io: Io, remove: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { staff: { type: 'string' }, role: { type: 'string' }, as: { type: 'string' } },
  });
  const ref = positionals[0];
  const verb = remove ? 'uninvolve' : 'involve';
  if (!ref || !values.staff) {
    throw new UsageError(
      `Usage: redress case ${verb} <REF> --staff <email>${remove ? '' : ' [--role TEXT]'}`,
    );
  }
  const staffEmail = values.staff;
  const list = await withDesk(values.as, async (ctx) => {
    const person = await findUserByEmail(ctx.database.db, staffEmail);
    if (!person) {
      throw new DomainError('validation', 'Some options are not valid.', [
        { path: 'staff', message: `No staff member has the email ${staffEmail}.` },
      ]);
    }
    return remove
      ? uninvolveStaff(ctx, ref, person.id)
      : involveStaff(ctx, ref, { userId: person.id, role: values.role });
  });
  io.out(
    list.length === 0
      ? `${ref.toUpperCase()}: nobody is recorded as involved.`
      : `${ref.toUpperCase()}: involved — ${list.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ')}.`,
  );
  return 0;
}

export async function caseCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return list(rest, io);
  if (sub === 'show') return show(rest, io);
  if (sub === 'open') return open(rest, io);
  if (sub === 'involve') return involve(rest, io, false);
  if (sub === 'uninvolve') return involve(rest, io, true);
  throw new UsageError(USAGE);
}
