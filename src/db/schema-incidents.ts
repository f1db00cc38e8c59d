// Mass incidents (R23) and the spokesperson (R14): one failure hitting many customers, its public
// updates and statements, the customers and cases it touched, each broadcast message and its
// delivery to every affected customer (one row per message × customer, unique), the
// damage-control checklist, the incident's own timeline, and cases routed to a spokesperson.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// Lazy references only: schema.ts re-exports this file, so its tables are read at call time.
import { cases, customers, users } from './schema.ts';
import { problems } from './schema-problems.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();

export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    /** The public page's address: /status/incidents/<slug>. */
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    whatFailed: text('what_failed').notNull(),
    startedAt: ts('started_at').notNull(),
    scope: text('scope').notNull(),
    /** open → monitoring → resolved */
    status: text('status').notNull(),
    problemId: uuid('problem_id').references(() => problems.id),
    declaredBy: uuid('declared_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [index('incidents_status').on(t.status)],
);

/** Timestamped, public progress updates (the incident page lists them). */
export const incidentUpdates = pgTable(
  'incident_updates',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    body: text('body').notNull(),
    /** The status the incident moved to with this update, if it moved. */
    status: text('status'),
    authorId: uuid('author_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('incident_updates_incident').on(t.incidentId, t.createdAt)],
);

/** The spokesperson's public statements; the latest one is the current statement. */
export const incidentStatements = pgTable(
  'incident_statements',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    body: text('body').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [index('incident_statements_incident').on(t.incidentId, t.publishedAt)],
);

export const incidentCustomers = pgTable(
  'incident_customers',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** case | import */
    source: text('source').notNull(),
    addedBy: uuid('added_by'),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.customerId] }),
    index('incident_customers_customer').on(t.customerId),
  ],
);

export const incidentCases = pgTable(
  'incident_cases',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    addedBy: uuid('added_by'),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.caseId] }),
    index('incident_cases_case').on(t.caseId),
  ],
);

/** One broadcast: the apology (once per incident) or an update, with its text frozen. */
export const incidentMessages = pgTable(
  'incident_messages',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    /** apology | update */
    kind: text('kind').notNull(),
    updateId: uuid('update_id').references(() => incidentUpdates.id),
    subject: text('subject').notNull(),
    template: text('template').notNull(),
    /** Placeholder values fixed when the message was published (all but the first name). */
    values: jsonb('values').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('incident_messages_incident').on(t.incidentId, t.createdAt),
    uniqueIndex('incident_messages_one_apology')
      .on(t.incidentId)
      .where(sql`${t.kind} = 'apology'`),
  ],
);

/** One incident message to one customer: the unique key that makes every copy happen once. */
export const incidentDeliveries = pgTable(
  'incident_deliveries',
  {
    id: id(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => incidentMessages.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** email | agent (a channel with no outbound adapter: handed to the case owner) | none */
    route: text('route').notNull(),
    channel: text('channel').notNull(),
    address: text('address'),
    caseId: uuid('case_id').references(() => cases.id),
    /** pending → sent | handed_to_agent | no_channel | failed */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    retryAfter: ts('retry_after'),
    doneAt: ts('done_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('incident_deliveries_message_customer').on(t.messageId, t.customerId),
    index('incident_deliveries_pending').on(t.messageId, t.status),
  ],
);

/** Damage control: items ticked with who and when. */
export const incidentChecklist = pgTable(
  'incident_checklist',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
    doneBy: uuid('done_by'),
    doneByLabel: text('done_by_label'),
    doneAt: ts('done_at'),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.key] })],
);

/** The incident's own append-only timeline. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    type: text('type').notNull(),
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('incident_events_incident').on(t.incidentId, t.id)],
);

/** R14: a case routed for higher attention, and to which spokesperson when it is public. */
export const caseAttention = pgTable('case_attention', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  isPublicFacing: boolean('is_public_facing').notNull(),
  spokespersonId: uuid('spokesperson_id').references(() => users.id),
  reasons: jsonb('reasons')
    .notNull()
    .default(sql`'[]'::jsonb`),
  routedAt: ts('routed_at').notNull(),
});
