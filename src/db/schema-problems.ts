// Fix the system (R21, R22): problems are the shared causes behind cases, corrective actions the
// specific changes, case_problems the links (with the repeat-apology flag), problem_events the
// problem's own append-only timeline.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
// Lazy references only: schema.ts re-exports this file, so its tables are read at call time.
import { cases, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => ts('created_at').notNull().defaultNow();

/** Written once by PostgreSQL (to_tsvector) and only read back through SQL. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const problems = pgTable(
  'problems',
  {
    id: id(),
    title: text('title').notNull(),
    category: text('category'),
    analysis: text('analysis'),
    /** 5-whys: [{ why, answer }], in order. */
    whys: jsonb('whys')
      .notNull()
      .default(sql`'[]'::jsonb`),
    workaround: text('workaround'),
    status: text('status').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    statusChangedAt: ts('status_changed_at').notNull(),
    verifiedAt: ts('verified_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('problems_status').on(t.status),
    index('problems_search').using(
      'gin',
      sql`to_tsvector('english', ${t.title} || ' ' || coalesce(${t.analysis}, ''))`,
    ),
  ],
);

export const correctiveActions = pgTable(
  'corrective_actions',
  {
    id: id(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    what: text('what').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueAt: ts('due_at').notNull(),
    /** The sentence a closing message uses to tell the customer what changed. */
    customerFacingChange: text('customer_facing_change').notNull(),
    status: text('status').notNull(),
    shippedAt: ts('shipped_at'),
    createdAt: createdAt(),
  },
  (t) => [index('corrective_actions_problem').on(t.problemId)],
);

export const caseProblems = pgTable(
  'case_problems',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    linkedBy: uuid('linked_by'),
    linkedAt: ts('linked_at').notNull(),
    /** R22: the same customer already complained about this problem on another case. */
    isRepeatForCustomer: boolean('is_repeat_for_customer').notNull().default(false),
    /** The case's words at link time, for matching new cases against this problem. */
    search: tsvector('search').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.problemId] }),
    index('case_problems_problem').on(t.problemId),
    index('case_problems_search').using('gin', t.search),
  ],
);

/** The problem's own append-only timeline. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    type: text('type').notNull(),
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('problem_events_problem').on(t.problemId, t.id)],
);
