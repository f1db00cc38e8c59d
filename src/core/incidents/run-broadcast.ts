// The broadcast worker. Each delivery is taken with FOR UPDATE SKIP LOCKED, sent, and marked in
// the same transaction, so two workers never hold one delivery, and a worker that dies mid-send
// (its connection drops, its transaction rolls back) leaves the delivery pending for the next
// run. A copy goes out twice only if the process dies in the instant between the mail server
// accepting it and the commit; the stable Message-ID per message × customer lets mail clients
// fold such a copy.
import { JOBS } from '../../contracts/jobs.ts';
import type { Tx } from '../../db/client.ts';
import { insertMessage } from '../cases/message.repo.ts';
import { findCase, insertEvent } from '../cases/case.repo.ts';
import { findCustomer } from '../customers/customer.repo.ts';
import { notify } from '../notifications/notification.repo.ts';
import type { Mailer } from '../outbound/mailer.ts';
import { claimEffect } from '../promises/promise.repo.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { recordIncidentEvent } from './incident-timeline.ts';
import { firstNameOrGreeting, render, type Route, type TemplateValues } from './incident.rules.ts';
import { findIncident } from './incident.repo.ts';
import {
  claimPending,
  findIncidentMessage,
  messagesWithPending,
  pendingOf,
  updateDelivery,
  type DeliveryRow,
  type MessageRow,
} from './delivery.repo.ts';

const MAX_ATTEMPTS = 5;
/** Deliveries per job run; the job queues its own continuation. */
export const RUN_SIZE = 100;

type Step = 'delivered' | 'none';

async function appendToCase(
  ctx: Ctx,
  tx: Tx,
  d: DeliveryRow,
  text: string,
  type: 'incident_message_sent' | 'incident_message_for_agent',
  message: MessageRow,
) {
  if (!d.caseId) return;
  const now = ctx.now();
  if (type === 'incident_message_sent') {
    await insertMessage(tx, {
      caseId: d.caseId,
      direction: 'out',
      kind: 'incident',
      channel: 'email',
      body: text,
      createdAt: now,
    });
  }
  await insertEvent(tx, {
    caseId: d.caseId,
    at: now,
    actorId: null,
    actorLabel: actorLabel(ctx),
    type,
    data: {
      incidentId: message.incidentId,
      incidentMessageId: message.id,
      kind: message.kind,
      channel: d.channel,
      ...(type === 'incident_message_for_agent' ? { text } : {}),
    },
  });
}

async function deliverOne(
  ctx: Ctx,
  tx: Tx,
  message: MessageRow,
  d: DeliveryRow,
  mailer: Mailer | undefined,
): Promise<void> {
  const now = ctx.now();
  const customer = await findCustomer(tx, d.customerId);
  const values = {
    ...(message.values as Omit<TemplateValues, 'firstName'>),
    firstName: firstNameOrGreeting(customer?.firstName),
  };
  const text = render(message.template, values);
  if (d.route === 'none') {
    await updateDelivery(tx, d.id, { status: 'no_channel', doneAt: now });
    return;
  }
  if (d.route === 'agent') {
    await appendToCase(ctx, tx, d, text, 'incident_message_for_agent', message);
    const row = d.caseId ? await findCase(tx, d.caseId) : null;
    if (row?.ownerId) {
      await notify(tx, {
        userId: row.ownerId,
        caseId: row.id,
        kind: 'incident_message',
        message: `${row.reference}: pass the incident ${message.kind} to ${customer?.firstName ?? 'the customer'} by ${d.channel}; the text is on the case.`,
      });
    }
    await updateDelivery(tx, d.id, {
      status: 'handed_to_agent',
      doneAt: now,
      attempts: d.attempts + 1,
    });
    return;
  }
  if (!mailer) return;
  if (!d.address) {
    await updateDelivery(tx, d.id, { status: 'no_channel', doneAt: now });
    return;
  }
  try {
    await mailer.send({
      from: mailer.from,
      to: d.address,
      subject: message.subject,
      text,
      messageId: `<incident.${message.id}.${d.customerId}@${mailer.domain}>`,
      isAutomatic: true,
    });
  } catch (err) {
    const attempts = d.attempts + 1;
    const isLast = attempts >= MAX_ATTEMPTS;
    await updateDelivery(tx, d.id, {
      attempts,
      lastError: String((err as Error).message).slice(0, 300),
      ...(isLast
        ? { status: 'failed', doneAt: now }
        : { retryAfter: new Date(now.getTime() + 30_000 * 2 ** (attempts - 1)) }),
    });
    return;
  }
  await updateDelivery(tx, d.id, { status: 'sent', doneAt: now, attempts: d.attempts + 1 });
  await appendToCase(ctx, tx, d, text, 'incident_message_sent', message);
}

/** Takes, sends and marks the next pending delivery of the message, in one transaction. */
export async function deliverNext(
  ctx: Ctx,
  messageId: string,
  mailer: Mailer | undefined,
): Promise<Step> {
  const message = await findIncidentMessage(ctx.database.db, messageId);
  if (!message) return 'none';
  return ctx.database.db.transaction(async (tx) => {
    const d = await claimPending(tx, message.id, routesFor(mailer), ctx.now());
    if (!d) return 'none';
    await deliverOne(ctx, tx, message, d, mailer);
    return 'delivered';
  });
}

function routesFor(mailer: Mailer | undefined): Route[] {
  // Without an outbound mail server, email deliveries wait (pending) until one is configured.
  return mailer ? ['email', 'agent', 'none'] : ['agent', 'none'];
}

/** One job run: up to RUN_SIZE deliveries, then either its continuation or the finish. */
export async function runBroadcast(
  ctx: Ctx,
  messageId: string,
  mailer: Mailer | undefined,
  runSize = RUN_SIZE,
) {
  let delivered = 0;
  while (delivered < runSize && (await deliverNext(ctx, messageId, mailer)) === 'delivered')
    delivered++;
  const db = ctx.database.db;
  const message = await findIncidentMessage(db, messageId);
  if (!message) return { delivered, pending: 0 };
  const left = await pendingOf(db, messageId, routesFor(mailer));
  const all = await pendingOf(db, messageId, ['email', 'agent', 'none']);
  await db.transaction(async (tx) => {
    if (left.count > 0) {
      const now = ctx.now();
      // A full run continues at once. A short run means what is left is held by another worker
      // (which continues it) or waits for a retry: look again later, never in a busy loop.
      const later = Math.max(left.nextRetry?.getTime() ?? 0, now.getTime() + 10_000);
      const at = delivered < runSize ? new Date(later) : undefined;
      await ctx.jobs.send(tx, [
        {
          name: JOBS.incidentBroadcast.name,
          data: { messageId },
          ...(at ? { startAfter: at } : {}),
        },
      ]);
    } else if (
      all.count === 0 &&
      (await claimEffect(tx, `incident-broadcast-done:${messageId}`, ctx.now()))
    ) {
      const incident = await findIncident(tx, message.incidentId);
      if (incident)
        await recordIncidentEvent(tx, ctx, incident.id, 'broadcast_finished', {
          messageId,
          kind: message.kind,
        });
    }
  });
  return { delivered, pending: all.count };
}

/** On start-up: queue a run for every broadcast with deliveries still pending (after a crash). */
export async function resumeBroadcasts(ctx: Ctx): Promise<number> {
  const ids = await messagesWithPending(ctx.database.db);
  if (ids.length === 0) return 0;
  await ctx.database.db.transaction((tx) =>
    ctx.jobs.send(
      tx,
      ids.map((messageId) => ({ name: JOBS.incidentBroadcast.name, data: { messageId } })),
    ),
  );
  return ids.length;
}
