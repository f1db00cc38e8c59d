// The Redress tables. Current state lives in rows for speed; every change to a case also
// appends to case_events in the same transaction, so the timeline is the audit trail.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => ts('created_at').notNull().defaultNow();

/** One row (id = 1): the organisation's settings, each part validated by its Zod schema. */
export const orgSettings = pgTable('org_settings', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  calendar: jsonb('calendar').notNull(),
  slaPolicy: jsonb('sla_policy').notNull(),
  playbook: jsonb('playbook').notNull(),
  compensation: jsonb('compensation').notNull(),
  promiseReminderMinutes: integer('promise_reminder_minutes').notNull().default(60),
  dueSoonMinutes: integer('due_soon_minutes').notNull().default(60),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// Staff accounts. Signing in and sessions are better-auth's (src/core/users/staff-auth.ts): these
// four tables are its user, session, account and verification models, in Redress's names.
export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  /** Staff are created by an admin with a known address, so it counts as verified. */
  emailVerified: boolean('email_verified').notNull().default(true),
  image: text('image'),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A signed-in browser. The cookie carries the token with an HMAC signature over it. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: id(),
    token: text('token').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_sessions_user').on(t.userId)],
);

/** How a user proves who they are: for staff, one `credential` row with the argon2id hash. */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: id(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: ts('access_token_expires_at'),
    refreshTokenExpiresAt: ts('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('auth_accounts_provider').on(t.providerId, t.accountId),
    index('auth_accounts_user').on(t.userId),
  ],
);

/** better-auth's one-time values (unused by Redress's sign-in today, required by the library). */
export const authVerifications = pgTable('auth_verifications', {
  id: id(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  createdAt: createdAt(),
  revokedAt: ts('revoked_at'),
});

/** One-time links that let the first admin be created from a browser. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const customers = pgTable('customers', {
  id: id(),
  firstName: text('first_name'),
  lastName: text('last_name'),
  lifetimeValue: numeric('lifetime_value', { precision: 14, scale: 2 }).notNull().default('0'),
  currency: text('currency').notNull().default('GBP'),
  createdAt: createdAt(),
});

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: id(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    uniqueIndex('customer_contacts_kind_value').on(t.kind, t.value),
    // A customer's contacts are read by customer (routing a reply, the customer page, export
    // and erasure): without this every such read scanned every contact of every customer.
    index('customer_contacts_customer').on(t.customerId),
  ],
);

export const caseReferenceSeq = pgSequence('case_reference_seq', { startWith: 1001 });

export const cases = pgTable(
  'cases',
  {
    id: id(),
    // Human-readable and sequential: RD-1001, RD-1002 … (assigned by the database).
    reference: text('reference')
      .notNull()
      .unique()
      .default(sql`'RD-' || nextval('case_reference_seq')`),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel').notNull(),
    receivedAt: ts('received_at').notNull(),
    subject: text('subject'),
    account: text('account').notNull(),
    category: text('category'),
    severity: text('severity').notNull(),
    complainerType: text('complainer_type'),
    ownerId: uuid('owner_id').references(() => users.id),
    status: text('status').notNull(),
    restatement: text('restatement'),
    restatementConfirmedAt: ts('restatement_confirmed_at'),
    suggestedFeelings: jsonb('suggested_feelings')
      .notNull()
      .default(sql`'[]'::jsonb`),
    confirmedFeelings: text('confirmed_feelings').array(),
    /** The language module's reading of the account at intake: suggestions the agent confirms. */
    analysis: jsonb('analysis'),
    customerIdea: text('customer_idea'),
    verdict: text('verdict'),
    verdictAt: ts('verdict_at'),
    refusalReason: text('refusal_reason'),
    thankedAt: ts('thanked_at'),
    rootCauseCategory: text('root_cause_category'),
    oneOffReason: text('one_off_reason'),
    firstResponseTarget: jsonb('first_response_target').notNull(),
    resolutionTarget: jsonb('resolution_target').notNull(),
    firstResponseDueAt: ts('first_response_due_at'),
    resolutionDueAt: ts('resolution_due_at'),
    firstResponseAt: ts('first_response_at'),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cases_status').on(t.status),
    index('cases_owner').on(t.ownerId),
    index('cases_customer').on(t.customerId),
    index('cases_received').on(t.receivedAt),
    index('cases_first_due').on(t.firstResponseDueAt),
    // Metrics (src/core/metrics): a period's cases read from the index alone, the repeat check
    // per customer, and the closure cohort of retention after recovery.
    index('cases_metrics').on(
      t.receivedAt,
      t.channel,
      t.category,
      t.ownerId,
      t.customerId,
      t.verdict,
      t.firstResponseDueAt,
      t.firstResponseAt,
      t.resolutionDueAt,
      t.resolvedAt,
      t.closedAt,
      t.id,
    ),
    index('cases_customer_received').on(t.customerId, t.receivedAt),
    index('cases_closed').on(t.closedAt),
    // The SLA sweep (src/core/cases/sweep-sla.ts): open cases by their earliest running due
    // time. The expression must match `earliestRunningDue` there.
    index('cases_sla_open')
      .on(
        sql`least(case when ${t.firstResponseAt} is null then ${t.firstResponseDueAt} end, case when ${t.resolvedAt} is null then ${t.resolutionDueAt} end)`,
      )
      .where(sql`${t.closedAt} is null`),
  ],
);

/** Periods when the SLA clocks stood still because the case waited on the customer. */
export const casePauses = pgTable(
  'case_pauses',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    pausedAt: ts('paused_at').notNull(),
    resumedAt: ts('resumed_at'),
  },
  (t) => [index('case_pauses_case').on(t.caseId)],
);

/** The append-only timeline. Never updated, never deleted. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    type: text('type').notNull(),
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('case_events_case').on(t.caseId, t.id)],
);

export const caseSteps = pgTable(
  'case_steps',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    stepKey: text('step_key').notNull(),
    doneBy: uuid('done_by'),
    doneAt: ts('done_at').notNull(),
    notes: text('notes'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.stepKey] })],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    direction: text('direction').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id'),
    createdAt: createdAt(),
  },
  (t) => [index('messages_case').on(t.caseId)],
);

export const resolutionOptions = pgTable(
  'resolution_options',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    description: text('description').notNull(),
    offeredBy: uuid('offered_by'),
    offeredAt: ts('offered_at').notNull(),
    isChosen: boolean('is_chosen').notNull().default(false),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [index('resolution_options_case').on(t.caseId)],
);

export const restitutions = pgTable(
  'restitutions',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
    status: text('status').notNull(),
    requestedBy: uuid('requested_by'),
    requestedAt: ts('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('restitutions_case').on(t.caseId), index('restitutions_status').on(t.status)],
);

export const promises = pgTable(
  'promises',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    what: text('what').notNull(),
    toWhom: text('to_whom').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull(),
    outcomeAt: ts('outcome_at'),
    createdAt: createdAt(),
  },
  (t) => [index('promises_case').on(t.caseId), index('promises_due').on(t.status, t.dueAt)],
);

/** Alerts for staff: breaches, broken promises, approvals waiting. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id'),
    role: text('role'),
    caseId: uuid('case_id'),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    createdAt: createdAt(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId), index('notifications_role').on(t.role)],
);

/** Each time-based effect happens once: its key is claimed here in the effect's transaction. */
export const effects = pgTable('effects', {
  key: text('key').primaryKey(),
  at: ts('at').notNull(),
});

/** A retried case submission with the same Idempotency-Key returns the first case. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
  createdAt: createdAt(),
});
export * from './schema-problems.ts';
export * from './schema-portal.ts';
export * from './schema-debriefs.ts';
export * from './schema-incidents.ts';
export * from './schema-attachments.ts';
export * from './schema-web.ts';
export * from './schema-metrics.ts';
export * from './schema-rollups.ts';
