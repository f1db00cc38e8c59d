// Reading a list of affected customers: CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF)
// with a header row naming the columns email, phone, first_name, last_name. Every row is checked
// and every problem reported with its line number; the caller writes nothing unless all pass.
import type { FieldIssue } from '../shared/errors.ts';
import { normaliseContact, type Contact } from '../customers/customer.repo.ts';

export const MAX_IMPORT_ROWS = 50_000;
const MAX_REPORTED = 100;

export interface ImportRow {
  line: number;
  contacts: Contact[];
  firstName: string | null;
  lastName: string | null;
}

export type ImportResult = { ok: true; rows: ImportRow[] } | { ok: false; issues: FieldIssue[] };

/** Splits CSV text into records, each with the line it starts on. */
export function parseCsv(
  text: string,
): { records: Array<{ line: number; fields: string[] }> } | { error: string; line: number } {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let isQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (isQuoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') isQuoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') isQuoted = true;
    else if (c === '"') return { error: 'A quote inside an unquoted field.', line };
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (isQuoted) return { error: 'A quoted field is never closed.', line: recordLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const PHONE = /^\+?[\d\s().-]{7,25}$/;
const COLUMNS = ['email', 'phone', 'first_name', 'last_name'] as const;
type Column = (typeof COLUMNS)[number];

function headerOf(fields: string[]): Map<Column, number> | string {
  const map = new Map<Column, number>();
  for (const [i, raw] of fields.entries()) {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
      .replace('firstname', 'first_name')
      .replace('lastname', 'last_name');
    if (!(COLUMNS as readonly string[]).includes(name))
      return `Unknown column “${raw.trim()}”: use ${COLUMNS.join(', ')}.`;
    if (map.has(name as Column)) return `The column ${name} appears twice.`;
    map.set(name as Column, i);
  }
  if (!map.has('email') && !map.has('phone')) return 'Give an email or a phone column.';
  return map;
}

function checkRow(
  line: number,
  fields: string[],
  header: Map<Column, number>,
  issues: FieldIssue[],
): ImportRow | null {
  const at = (c: Column) => {
    const i = header.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const before = issues.length;
  const path = `line ${line}`;
  if (fields.length !== header.size)
    issues.push({ path, message: `Has ${fields.length} fields; the header has ${header.size}.` });
  const email = at('email');
  const phone = at('phone');
  const firstName = at('first_name');
  const lastName = at('last_name');
  if (!email && !phone) issues.push({ path, message: 'Give an email address or a phone number.' });
  if (email && (email.length > 320 || !EMAIL.test(email)))
    issues.push({
      path: `${path}.email`,
      message: `“${email.slice(0, 80)}” is not an email address.`,
    });
  if (
    phone &&
    (!PHONE.test(phone) ||
      phone.replace(/\D/g, '').length < 7 ||
      phone.replace(/\D/g, '').length > 15)
  )
    issues.push({
      path: `${path}.phone`,
      message: `“${phone.slice(0, 40)}” is not a phone number (7 to 15 digits, optional +).`,
    });
  if (firstName.length > 100)
    issues.push({ path: `${path}.first_name`, message: 'At most 100 characters.' });
  if (lastName.length > 100)
    issues.push({ path: `${path}.last_name`, message: 'At most 100 characters.' });
  if (fields.join('').includes('\u0000'))
    issues.push({ path, message: 'Must not contain the NUL character.' });
  if (issues.length > before) return null;
  const contacts: Contact[] = [];
  if (email) contacts.push(normaliseContact({ kind: 'email', value: email }));
  if (phone) contacts.push(normaliseContact({ kind: 'phone', value: phone }));
  return { line, contacts, firstName: firstName || null, lastName: lastName || null };
}

export function readCustomerList(text: string): ImportResult {
  const parsed = parseCsv(text);
  if ('error' in parsed)
    return { ok: false, issues: [{ path: `line ${parsed.line}`, message: parsed.error }] };
  const [head, ...body] = parsed.records;
  if (!head)
    return {
      ok: false,
      issues: [
        {
          path: 'line 1',
          message: 'The file is empty: give a header row and at least one customer.',
        },
      ],
    };
  const header = headerOf(head.fields);
  if (typeof header === 'string')
    return { ok: false, issues: [{ path: `line ${head.line}`, message: header }] };
  if (body.length === 0)
    return {
      ok: false,
      issues: [{ path: 'line 2', message: 'No customers under the header row.' }],
    };
  if (body.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      issues: [
        {
          path: '(file)',
          message: `At most ${MAX_IMPORT_ROWS} customers per import; this file has ${body.length}.`,
        },
      ],
    };
  const issues: FieldIssue[] = [];
  const rows: ImportRow[] = [];
  for (const r of body) {
    const row = checkRow(r.line, r.fields, header, issues);
    if (row) rows.push(row);
  }
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_REPORTED);
    if (issues.length > MAX_REPORTED)
      shown.push({
        path: '(file)',
        message: `${issues.length - MAX_REPORTED} more problems not shown.`,
      });
    return { ok: false, issues: shown };
  }
  return { ok: true, rows };
}
