// Publishing a broadcast: the text is frozen (template and placeholder values, all but the first
// name), one pending delivery is written per affected customer — the unique key message ×
// customer — and the job that works through them is queued, all in the caller's transaction.
import { JOBS } from '../../contracts/jobs.ts';
import type { Tx } from '../../db/client.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import {
  routeFor,
  unknownPlaceholders,
  usesPlaceholder,
  type TemplateValues,
} from './incident.rules.ts';
import { currentStatement, type IncidentRow } from './incident.repo.ts';
import {
  insertDeliveries,
  insertIncidentMessage,
  recipientsOf,
  type MessageRow,
} from './delivery.repo.ts';

export function checkTemplate(template: string): void {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) {
    throw new DomainError('validation', 'Some fields are not valid.', [
      {
        path: 'template',
        message: `Unknown placeholder${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `{{${u}}}`).join(', ')}. Use {{firstName}}, {{incidentTitle}}, {{whatChanged}}, {{statement}} or {{pageUrl}}.`,
      },
    ]);
  }
}

export function pageUrlOf(slug: string, publicUrl?: string): string {
  return `${(publicUrl ?? '').replace(/\/+$/, '')}/status/incidents/${slug}`;
}

/** Writes one pending delivery for each affected customer (or only those given) who has none. */
export async function fanOut(
  tx: Tx,
  message: MessageRow,
  now: Date,
  onlyCustomers?: string[],
): Promise<number> {
  const recipients = await recipientsOf(tx, message.incidentId, onlyCustomers);
  const rows = recipients.map((r) => {
    const { route, channel } = routeFor(r.caseChannel, r.caseId !== null, r.email);
    return {
      customerId: r.customerId,
      route,
      channel,
      address: route === 'email' ? r.email : null,
      caseId: r.caseId,
    };
  });
  return insertDeliveries(tx, message.id, rows, now);
}

export async function queueBroadcast(ctx: Ctx, tx: Tx, messageId: string): Promise<void> {
  await ctx.jobs.send(tx, [{ name: JOBS.incidentBroadcast.name, data: { messageId } }]);
}

export async function publishMessage(
  ctx: Ctx,
  tx: Tx,
  incident: IncidentRow,
  m: {
    kind: 'apology' | 'update';
    template: string;
    whatChanged: string;
    updateId?: string;
    publicUrl?: string;
  },
) {
  checkTemplate(m.template);
  const statement = await currentStatement(tx, incident.id);
  if (!statement && usesPlaceholder(m.template, 'statement')) {
    throw new DomainError(
      'precondition_failed',
      'The template uses {{statement}}, and no statement is published yet: the spokesperson publishes one first.',
    );
  }
  const values: Omit<TemplateValues, 'firstName'> = {
    incidentTitle: incident.title,
    whatChanged: m.whatChanged,
    statement: statement?.body ?? '',
    pageUrl: pageUrlOf(incident.slug, m.publicUrl),
  };
  const now = ctx.now();
  const message = await insertIncidentMessage(tx, {
    incidentId: incident.id,
    kind: m.kind,
    updateId: m.updateId ?? null,
    subject: m.kind === 'apology' ? `We are sorry: ${incident.title}` : `Update: ${incident.title}`,
    template: m.template,
    values,
    createdBy: actorId(ctx),
    createdAt: now,
  });
  if (!message)
    throw new DomainError('conflict', 'The apology for this incident has already gone out.');
  const recipients = await fanOut(tx, message, now);
  await queueBroadcast(ctx, tx, message.id);
  await recordIncidentEvent(tx, ctx, incident.id, 'broadcast_queued', {
    messageId: message.id,
    kind: m.kind,
    recipients,
  });
  return { message, recipients };
}
