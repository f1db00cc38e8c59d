// Incidents on real PostgreSQL (R23): declaring, status moves, attaching cases by the queue's
// filters and customers from a list (line-numbered errors, nothing half-written), the
// spokesperson's statement, the apology and updates broadcast to each customer on their own
// channel over a real SMTP exchange, once each, and the damage-control checklist.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smtpMailer } from '../../src/channels/email/smtp-mailer.ts';
import { getCase } from '../../src/core/cases/get-case.ts';
import { openCase } from '../../src/core/cases/open-case.ts';
import { attachCases } from '../../src/core/incidents/attach-cases.ts';
import { declareIncident } from '../../src/core/incidents/declare-incident.ts';
import {
  getIncident,
  listBroadcastDeliveries,
  viewPublicIncident,
} from '../../src/core/incidents/get-incident.ts';
import { importCustomers } from '../../src/core/incidents/import-customers.ts';
import { postIncidentUpdate } from '../../src/core/incidents/post-incident-update.ts';
import { publishStatement } from '../../src/core/incidents/publish-statement.ts';
import { runBroadcast } from '../../src/core/incidents/run-broadcast.ts';
import { sendApology } from '../../src/core/incidents/send-apology.ts';
import { tickChecklistItem } from '../../src/core/incidents/tick-checklist-item.ts';
import { listNotifications } from '../../src/core/notifications/list-notifications.ts';
import type { Mailer } from '../../src/core/outbound/mailer.ts';
import type { Actor } from '../../src/core/shared/context.ts';
import { complaint, makeDesk, type Desk, type SentJob } from '../support/harness.ts';
import { startSink, type Sink } from '../support/smtp-sink.ts';

let desk: Desk;
let sink: Sink;
let mailer: Mailer;
let agent: Actor;
let supervisor: Actor;
let spokesperson: Actor;

beforeAll(async () => {
  desk = await makeDesk();
  sink = await startSink();
  mailer = smtpMailer(`smtp://127.0.0.1:${sink.port}`, 'Shop Support <support@shop.example>');
  agent = await desk.makeUser('agent', 'Sam Agent');
  supervisor = await desk.makeUser('supervisor', 'Ravi Supervisor');
  spokesperson = await desk.makeUser('spokesperson', 'Jo Voice');
});
afterAll(async () => {
  await sink.close();
  await desk.close();
});

const as = (a: Actor) => desk.ctxFor(a);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await desk.database.pool.query(sql, params)).rows[0].n);
const jobs = () => (desk.jobs as unknown as { sent: SentJob[] }).sent;
const declare = (title = 'Checkout outage') =>
  declareIncident(as(supervisor), {
    title,
    whatFailed: 'Card payments failed at checkout.',
    startedAt: '2026-11-23T08:30:00Z',
    scope: 'Everyone who tried to pay by card this morning.',
  });
const open = async (name: string, o: Record<string, unknown> = {}) =>
  (
    await openCase(
      as(agent),
      complaint({
        customer: {
          firstName: name[0]!.toUpperCase() + name.slice(1),
          contacts: [{ kind: 'email', value: `${name}@example.com` }],
        },
        ...o,
      }),
    )
  ).case;

describe('declaring and moving an incident', () => {
  test('a supervisor declares it: open, with a public address and the checklist', async () => {
    const incident = await declare();
    expect(incident.status).toBe('open');
    expect(incident.slug).toMatch(/^checkout-outage-[0-9a-f]{8}$/);
    const view = await getIncident(as(agent), incident.id);
    expect(view.checklist).toHaveLength(8);
    expect(view.checklist.every((c) => c.doneAt === null)).toBe(true);
    expect(view.timeline.map((e) => e.type)).toEqual(['incident_declared']);
  });

  test('agents may not declare; bad fields are named', async () => {
    await expect(declareIncident(as(agent), {})).rejects.toMatchObject({ code: 'forbidden' });
    const err = await declareIncident(as(supervisor), {
      title: '',
      whatFailed: 'x',
      startedAt: '2030-01-01T00:00:00Z',
      scope: 'x',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation' });
    expect((err as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toContain(
      'title',
    );
    await expect(
      declareIncident(as(supervisor), {
        title: 'Future',
        whatFailed: 'x',
        startedAt: '2026-12-30T00:00:00Z',
        scope: 'x',
      }),
    ).rejects.toMatchObject({ issues: [{ path: 'startedAt' }] });
  });

  test('open → monitoring → resolved, each with a timestamped update; no skipping back', async () => {
    const incident = await declare('Lost parcels');
    desk.clock.advance(60_000);
    await postIncidentUpdate(as(supervisor), incident.id, {
      body: 'The payment provider has restored service; we are watching.',
      status: 'monitoring',
      notifyCustomers: false,
    });
    desk.clock.advance(60_000);
    const done = await postIncidentUpdate(as(supervisor), incident.id, {
      body: 'All payments are going through again.',
      status: 'resolved',
      notifyCustomers: false,
    });
    expect(done.incident.status).toBe('resolved');
    expect(done.incident.resolvedAt).toEqual(desk.clock.now());
    await expect(
      postIncidentUpdate(as(supervisor), incident.id, { body: 'x', status: 'monitoring' }),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    const view = await getIncident(as(agent), incident.id);
    expect(view.updates.map((u) => u.status)).toEqual(['resolved', 'monitoring']);
    expect(view.updates[0]!.createdAt.getTime()).toBeGreaterThan(
      view.updates[1]!.createdAt.getTime(),
    );
    expect(view.timeline.filter((e) => e.type === 'status_changed')).toHaveLength(2);
  });
});

describe('attaching cases and customers', () => {
  test('by the case list filters: preview writes nothing; attach links cases and customers once', async () => {
    const incident = await declare('Double charges');
    const a = await open('ana', { category: 'billing-double' });
    const b = await open('ben', { category: 'billing-double' });
    await open('cy', { category: 'delivery' });
    const preview = await attachCases(as(supervisor), incident.id, {
      filter: { category: 'billing-double' },
      preview: true,
    });
    expect(preview).toMatchObject({ isPreview: true, matched: 2, customers: 2 });
    expect(await count('SELECT count(*) n FROM incident_cases')).toBe(0);
    const first = await attachCases(as(supervisor), incident.id, {
      filter: { category: 'billing-double' },
    });
    expect(first).toMatchObject({ matched: 2, casesAdded: 2, customersAdded: 2 });
    const again = await attachCases(as(supervisor), incident.id, { references: [a.reference] });
    expect(again).toMatchObject({ matched: 1, casesAdded: 0, customersAdded: 0 });
    expect((await getCase(as(agent), b.id)).timeline.map((e) => e.type)).toContain(
      'incident_linked',
    );
    expect((await getIncident(as(agent), incident.id)).affected).toEqual({
      customers: 2,
      cases: 2,
    });
  });

  test('no filter, an unknown reference, or both kinds are refused', async () => {
    const incident = await declare('Refusals');
    await expect(attachCases(as(supervisor), incident.id, { filter: {} })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(
      attachCases(as(supervisor), incident.id, { references: ['RD-999999'] }),
    ).rejects.toMatchObject({ issues: [{ path: 'references.0', message: 'No case RD-999999.' }] });
    await expect(attachCases(as(agent), incident.id, { references: [] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  test('a list of customers: existing ones found by contact, new ones created, all attached', async () => {
    const incident = await declare('Recall of kettles');
    const known = await open('dora');
    const csv = [
      'email,phone,first_name,last_name',
      'DORA@example.com,,Dora,',
      ',+44 7700 900111,Eli,Kay',
      '"fay@example.com","07700 900222","Fay, Jr",Lo',
      'fay@example.com,,Fay,', // the same person twice
    ].join('\r\n');
    const result = await importCustomers(as(supervisor), incident.id, csv);
    expect(result).toMatchObject({
      rows: 4,
      existingCustomers: 1,
      newCustomers: 2,
      customersAdded: 3,
    });
    const rows = await desk.database.pool.query(
      `SELECT c.first_name FROM incident_customers ic JOIN customers c ON c.id = ic.customer_id
       WHERE ic.incident_id = $1 ORDER BY c.first_name`,
      [incident.id],
    );
    expect(rows.rows.map((r) => r.first_name)).toEqual(['Dora', 'Eli', 'Fay, Jr']);
    expect(
      await count(
        'SELECT count(*) n FROM incident_customers WHERE incident_id = $1 AND customer_id = $2',
        [incident.id, known.customerId],
      ),
    ).toBe(1);
  });

  test('a bad list is refused line by line and nothing is written', async () => {
    const incident = await declare('Bad list');
    const before = await count('SELECT count(*) n FROM customers');
    const csv = [
      'email,phone',
      'good@example.com,',
      'not-an-email,',
      ',12',
      ',',
      'x@example.com,+44 7700 900333,extra',
    ].join('\n');
    const err = (await importCustomers(as(supervisor), incident.id, csv).catch((e) => e)) as {
      code: string;
      issues: Array<{ path: string; message: string }>;
    };
    expect(err.code).toBe('validation');
    expect(err.issues.map((i) => i.path)).toEqual([
      'line 3.email',
      'line 4.phone',
      'line 5',
      'line 6',
    ]);
    expect(err.issues[0]!.message).toContain('not-an-email');
    expect(await count('SELECT count(*) n FROM customers')).toBe(before);
    expect(
      await count('SELECT count(*) n FROM incident_customers WHERE incident_id = $1', [
        incident.id,
      ]),
    ).toBe(0);
    await expect(
      importCustomers(as(supervisor), incident.id, 'name,email\nA,a@example.com'),
    ).rejects.toMatchObject({ issues: [{ path: 'line 1' }] });
    await expect(
      importCustomers(as(supervisor), incident.id, 'email\n"unclosed@example.com'),
    ).rejects.toMatchObject({ issues: [{ path: 'line 2' }] });
  });

  test('an email and a phone that belong to two different customers are refused', async () => {
    const incident = await declare('Two people');
    await open('gil');
    await openCase(
      as(agent),
      complaint({
        channel: 'phone',
        customer: { firstName: 'Hal', contacts: [{ kind: 'phone', value: '+447700900444' }] },
      }),
    );
    await expect(
      importCustomers(as(supervisor), incident.id, 'email,phone\ngil@example.com,+447700900444'),
    ).rejects.toMatchObject({ issues: [{ path: 'line 2' }] });
  });
});

describe('the statement, the apology and updates', () => {
  test('only a spokesperson or an admin publishes the statement; the page shows the latest', async () => {
    const incident = await declare('Statement');
    await expect(
      publishStatement(as(supervisor), incident.id, { body: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await publishStatement(as(spokesperson), incident.id, { body: 'First words.' });
    desk.clock.advance(1000);
    await publishStatement(as(spokesperson), incident.id, { body: 'We got this wrong.' });
    const page = await viewPublicIncident(desk.system, incident.slug);
    expect(page.statement?.body).toBe('We got this wrong.');
    const item = (await getIncident(as(agent), incident.id)).checklist.find(
      (c) => c.key === 'statement_published',
    );
    expect(item?.doneByLabel).toBe('Jo Voice');
  });

  test('each customer gets the apology on their own channel, once, and updates after it', async () => {
    const incident = await declare('Flight 212 cancelled');
    const byEmail = await open('ivy');
    const bySms = (
      await openCase(
        as(agent),
        complaint({
          channel: 'sms',
          customer: { firstName: 'Jan', contacts: [{ kind: 'phone', value: '+447700900555' }] },
        }),
      )
    ).case;
    await attachCases(as(supervisor), incident.id, {
      references: [byEmail.reference, bySms.reference],
    });
    await importCustomers(as(supervisor), incident.id, 'phone,first_name\n+447700900666,Kim');

    // The default apology quotes the statement: without one it is refused.
    await expect(sendApology(as(supervisor), incident.id, {})).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await expect(
      sendApology(as(supervisor), incident.id, { template: 'Hi {{name}}' }),
    ).rejects.toMatchObject({ issues: [{ path: 'template' }] });
    await publishStatement(as(spokesperson), incident.id, {
      body: 'We cancelled flight 212 and we are sorry.',
    });
    const { message, recipients } = await sendApology(as(supervisor), incident.id, {});
    expect(recipients).toBe(3);
    expect(jobs().filter((j) => j.name === 'incident-broadcast')).not.toHaveLength(0);
    await expect(sendApology(as(supervisor), incident.id, {})).rejects.toMatchObject({
      code: 'conflict',
    });

    const run = await runBroadcast(desk.system, message.id, mailer);
    expect(run).toEqual({ delivered: 3, pending: 0 });
    expect(await runBroadcast(desk.system, message.id, mailer)).toEqual({
      delivered: 0,
      pending: 0,
    });
    const mine = sink.received.filter((m) => m.subject === 'We are sorry: Flight 212 cancelled');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toContain('Hello Ivy,');
    expect(mine[0]!.text).toContain('We cancelled flight 212 and we are sorry.');
    expect(mine[0]!.text).toContain(`/status/incidents/${incident.slug}`);
    expect(mine[0]!.messageId).toMatch(new RegExp(`^<incident\\.${message.id}\\.`));

    const deliveries = await listBroadcastDeliveries(as(agent), incident.id, message.id, {});
    const byName = Object.fromEntries(deliveries.items.map((d) => [d.firstName, d]));
    expect(byName.Ivy).toMatchObject({ status: 'sent', route: 'email', attempts: 1 });
    expect(byName.Jan).toMatchObject({ status: 'handed_to_agent', channel: 'sms' });
    expect(byName.Kim).toMatchObject({ status: 'no_channel' });
    const smsCase = await getCase(as(agent), bySms.id);
    const handed = smsCase.timeline.find((e) => e.type === 'incident_message_for_agent');
    expect((handed?.data as { text: string }).text).toContain('Hello Jan,');
    expect(
      (await listNotifications(as(agent), false)).some((n) => n.kind === 'incident_message'),
    ).toBe(true);
    expect((await getCase(as(agent), byEmail.id)).timeline.map((e) => e.type)).toContain(
      'incident_message_sent',
    );

    // A customer attached later gets the apology too; those who had it do not get it again.
    const late = await open('lou');
    const more = await attachCases(as(supervisor), incident.id, { references: [late.reference] });
    expect(more).toMatchObject({ apologiesQueued: 1 });
    expect(await runBroadcast(desk.system, message.id, mailer)).toEqual({
      delivered: 1,
      pending: 0,
    });
    expect(sink.received.filter((m) => m.subject === message.subject)).toHaveLength(2);

    // An update says what changed.
    desk.clock.advance(60_000);
    const upd = await postIncidentUpdate(as(supervisor), incident.id, {
      body: 'Everyone on flight 212 is rebooked on flight 214 tomorrow at 09:10.',
    });
    expect(upd.broadcast?.recipients).toBe(4);
    await runBroadcast(desk.system, upd.broadcast!.message.id, mailer);
    const update = sink.received.find(
      (m) => m.subject === 'Update: Flight 212 cancelled' && m.text?.includes('Hello Lou,'),
    );
    expect(update?.text).toContain('rebooked on flight 214');

    const view = await getIncident(as(agent), incident.id);
    expect(view.broadcasts.map((b) => [b.kind, b.total, b.done])).toEqual([
      ['apology', 4, 4],
      ['update', 4, 4],
    ]);
    expect(view.timeline.filter((e) => e.type === 'broadcast_finished')).toHaveLength(2);
    expect(view.checklist.find((c) => c.key === 'apology_sent')?.doneAt).not.toBeNull();
  });

  test('a refusing mail server: the delivery waits and retries, then goes out once', async () => {
    const incident = await declare('Retry');
    const c = await open('max');
    await attachCases(as(supervisor), incident.id, { references: [c.reference] });
    await publishStatement(as(spokesperson), incident.id, { body: 'Sorry.' });
    sink.beforeAccept = () => {
      throw new Error('try later');
    };
    const { message } = await sendApology(as(supervisor), incident.id, {});
    expect((await runBroadcast(desk.system, message.id, mailer)).pending).toBe(1);
    const [d] = (await listBroadcastDeliveries(as(agent), incident.id, message.id, {})).items;
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d!.lastError).toBeTruthy();
    sink.beforeAccept = undefined;
    expect((await runBroadcast(desk.system, message.id, mailer)).pending).toBe(1); // not yet due
    desk.clock.advance(31_000);
    expect(await runBroadcast(desk.system, message.id, mailer)).toEqual({
      delivered: 1,
      pending: 0,
    });
    expect(sink.received.filter((m) => m.subject === message.subject)).toHaveLength(1);
  });
});

describe('the checklist', () => {
  test('items are ticked with who and when, and can be unticked', async () => {
    const incident = await declare('Checklist');
    const ticked = await tickChecklistItem(as(supervisor), incident.id, 'frontline_briefed', {});
    expect(ticked).toMatchObject({ doneByLabel: 'Ravi Supervisor', doneAt: desk.clock.now() });
    const unticked = await tickChecklistItem(as(supervisor), incident.id, 'frontline_briefed', {
      isDone: false,
    });
    expect(unticked?.doneAt).toBeNull();
    await expect(
      tickChecklistItem(as(supervisor), incident.id, 'no_such_item', {}),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      tickChecklistItem(as(agent), incident.id, 'frontline_briefed', {}),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
