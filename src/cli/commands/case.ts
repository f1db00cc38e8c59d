// `redress case list|show|open|log|attach|involve|uninvolve`.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { attachmentPolicy, loadConfig } from '../../config.ts';
import { checkAttachment, typeFromName } from '../../core/attachments/attachment.rules.ts';
import { uploadAttachment } from '../../core/attachments/upload-attachment.ts';
import { involveStaff } from '../../core/debriefs/involve-staff.ts';
import { uninvolveStaff } from '../../core/debriefs/uninvolve-staff.ts';
import { findUserByEmail } from '../../core/users/user.repo.ts';
import { DomainError } from '../../core/shared/errors.ts';
import { getCase } from '../../core/cases/get-case.ts';
import { listCases } from '../../core/cases/list-cases.ts';
import { openCase } from '../../core/cases/open-case.ts';
import { logContact } from '../../core/intake/log-contact.ts';
import type { Ctx } from '../../core/shared/context.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

const USAGE =
  'Usage: redress case list|show|open|log|attach|involve|uninvolve … (see redress help)';

/** "95", "4:30" or "1:02:03" → seconds. */
export function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,5}(:\d{1,2}){0,2}$/.test(text.trim()))
    throw new UsageError(`--duration: use seconds (95) or minutes:seconds (4:30), not “${text}”.`);
  return text
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

interface LocalFile {
  filename: string;
  content: Buffer;
  type: string;
}

/** Reads a file and checks it against the limits before anything is written. */
async function readScan(path: string | undefined, type?: string): Promise<LocalFile | null> {
  if (!path) return null;
  const content = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(
      `Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}.`,
    );
  });
  const filename = basename(path);
  const file = {
    filename,
    content,
    type: type ?? typeFromName(filename) ?? 'application/octet-stream',
  };
  const check = checkAttachment(attachmentPolicy(loadConfig()), {
    filename: file.filename,
    declaredType: file.type,
    bytes: content,
  });
  if (!check.ok) throw new UsageError(`The file was not accepted: ${check.reason}`);
  return file;
}

function attach(ctx: Ctx, ref: string, file: LocalFile, purpose: string, messageId?: string) {
  return uploadAttachment(
    ctx,
    ref,
    { filename: file.filename, purpose, ...(messageId ? { messageId } : {}) },
    file.content,
    attachmentPolicy(loadConfig()),
    file.type,
  );
}

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
      duration: { type: 'string' },
      'letter-ref': { type: 'string' },
      received: { type: 'string' },
      scan: { type: 'string' },
      type: { type: 'string' },
      json: { type: 'boolean' },
      as: { type: 'string' },
    },
  });
  const scan = await readScan(values.scan, values.type);
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
    callDurationSeconds: parseDuration(values.duration),
    letterScanRef: values['letter-ref'],
    receivedAt: values.received,
    customer: { firstName, lastName: last.length > 0 ? last.join(' ') : undefined, contacts },
  };
  const { c, kept } = await withDesk(values.as, async (ctx) => {
    const { case: c } = await openCase(ctx, input);
    const purpose = c.channel === 'letter' ? 'letter_scan' : 'file';
    return { c, kept: scan ? await attach(ctx, c.id, scan, purpose) : null };
  });
  io.out(
    values.json
      ? JSON.stringify(kept ? { ...c, attachments: [kept] } : c)
      : `Opened ${c.reference}; first response due ${fmt(c.firstResponseDueAt)}.${kept ? ` Kept ${kept.filename} (${kept.contentType}).` : ''}`,
  );
  return 0;
}

/** `case log <REF> --channel phone|letter|in_person --account TEXT [--duration] [--scan FILE]` */
async function log(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      channel: { type: 'string' },
      account: { type: 'string' },
      duration: { type: 'string' },
      received: { type: 'string' },
      scan: { type: 'string' },
      type: { type: 'string' },
      json: { type: 'boolean' },
      as: { type: 'string' },
    },
  });
  const ref = positionals[0];
  if (!ref)
    throw new UsageError(
      'Usage: redress case log <REF> --channel phone|letter|in_person --account TEXT [--duration 4:30] [--scan FILE]',
    );
  const scan = await readScan(values.scan, values.type);
  const input = {
    channel: values.channel,
    body: values.account,
    callDurationSeconds: parseDuration(values.duration),
    receivedAt: values.received,
  };
  const result = await withDesk(values.as, async (ctx) => {
    const { message } = await logContact(ctx, ref, input);
    const purpose = message.channel === 'letter' ? 'letter_scan' : 'file';
    return { message, kept: scan ? await attach(ctx, ref, scan, purpose, message.id) : null };
  });
  io.out(
    values.json
      ? JSON.stringify(result)
      : `Logged the ${result.message.channel} contact on ${ref}.${result.kept ? ` Kept ${result.kept.filename}.` : ''}`,
  );
  return 0;
}

/** `case attach <REF> <FILE> [--purpose file|letter_scan|call_recording] [--type MIME]` */
async function attachCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      purpose: { type: 'string' },
      type: { type: 'string' },
      message: { type: 'string' },
      json: { type: 'boolean' },
      as: { type: 'string' },
    },
  });
  const [ref, path] = positionals;
  if (!ref || !path)
    throw new UsageError(
      'Usage: redress case attach <REF> <FILE> [--purpose letter_scan] [--type MIME]',
    );
  const file = await readScan(path, values.type);
  if (!file) throw new UsageError('Give a file to attach.');
  const kept = await withDesk(values.as, (ctx) =>
    attach(ctx, ref, file, values.purpose ?? 'file', values.message),
  );
  io.out(
    values.json
      ? JSON.stringify(kept)
      : `Kept ${kept.filename} (${kept.contentType}, ${kept.sizeBytes} bytes) on ${ref}.`,
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
  if (sub === 'log') return log(rest, io);
  if (sub === 'attach') return attachCommand(rest, io);
  throw new UsageError(USAGE);
}
