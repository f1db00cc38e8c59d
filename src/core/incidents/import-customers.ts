// R23: attach affected customers from a list (CSV of emails and phones). Every row is checked
// first and every problem reported with its line number; then, in one transaction, each row
// finds its customer by contact (or becomes a new customer) and is attached. A failure anywhere
// writes nothing.
import { actorId, authorize, type Ctx } from '../shared/context.ts';
import { DomainError, type FieldIssue } from '../shared/errors.ts';
import { unsafeTextIssues } from '../shared/text-safety.ts';
import { customersByContacts, insertCustomersBulk, linkCustomers } from './attach.repo.ts';
import { readCustomerList, type ImportRow } from './import.rules.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import { lockIncident } from './incident.repo.ts';
import { apologiseToLateJoiners } from './late-joiners.ts';
import type { Tx } from '../../db/client.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Each row's customer: found by any of its contacts, else new. Contacts that point at two
 * different customers are refused with the line number. */
async function resolveRows(tx: Tx, rows: ImportRow[]) {
  const known = await customersByContacts(
    tx,
    rows.flatMap((r) => r.contacts),
  );
  const issues: FieldIssue[] = [];
  const pending = new Map<string, number>(); // contact key → index in fresh
  const fresh: Array<{ row: ImportRow; contacts: ImportRow['contacts'] }> = [];
  const existing: string[] = [];
  for (const row of rows) {
    const keys = row.contacts.map((c) => `${c.kind}:${c.value}`);
    const owners = new Set(keys.map((k) => known.get(k)).filter((v): v is string => Boolean(v)));
    if (owners.size > 1) {
      issues.push({
        path: `line ${row.line}`,
        message: 'The email address and the phone number belong to two different customers.',
      });
      continue;
    }
    const [owner] = owners;
    if (owner) {
      existing.push(owner);
      continue;
    }
    const seen = keys.map((k) => pending.get(k)).find((i) => i !== undefined);
    if (seen !== undefined) {
      const entry = fresh[seen]!;
      for (const c of row.contacts)
        if (!entry.contacts.some((e) => e.kind === c.kind && e.value === c.value))
          entry.contacts.push(c);
      for (const k of keys) pending.set(k, seen);
      continue;
    }
    fresh.push({ row, contacts: [...row.contacts] });
    for (const k of keys) pending.set(k, fresh.length - 1);
  }
  return { issues, existing, fresh };
}

export async function importCustomers(ctx: Ctx, incidentId: string, csv: string) {
  authorize(ctx, 'incidents.manage');
  if (csv.length > MAX_IMPORT_BYTES) {
    throw new DomainError('validation', 'The list is too large.', [
      { path: '(file)', message: 'At most 10 MB per import.' },
    ]);
  }
  const unsafe = unsafeTextIssues(csv, '(file)');
  if (unsafe.length > 0) throw new DomainError('validation', 'The list is not valid.', unsafe);
  const read = readCustomerList(csv);
  if (!read.ok) {
    throw new DomainError(
      'validation',
      `The list has ${read.issues.length} problem${read.issues.length > 1 ? 's' : ''}; nothing was imported.`,
      read.issues,
    );
  }
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const { issues, existing, fresh } = await resolveRows(tx, read.rows);
    if (issues.length > 0) {
      throw new DomainError(
        'validation',
        `The list has ${issues.length} problem${issues.length > 1 ? 's' : ''}; nothing was imported.`,
        issues.slice(0, 100),
      );
    }
    const created = await insertCustomersBulk(
      tx,
      fresh.map((f) => ({
        firstName: f.row.firstName,
        lastName: f.row.lastName,
        contacts: f.contacts,
      })),
    );
    const added = await linkCustomers(
      tx,
      incident.id,
      [...existing, ...created],
      'import',
      actorId(ctx),
      now,
    );
    await recordIncidentEvent(tx, ctx, incident.id, 'customers_imported', {
      rows: read.rows.length,
      existingCustomers: new Set(existing).size,
      newCustomers: created.length,
      customersAdded: added.length,
    });
    const apologies = await apologiseToLateJoiners(ctx, tx, incident.id, added);
    return {
      rows: read.rows.length,
      existingCustomers: new Set(existing).size,
      newCustomers: created.length,
      customersAdded: added.length,
      apologiesQueued: apologies,
    };
  });
}
