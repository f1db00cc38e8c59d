// The customer portal (R15, R19): the signing secret shared by every instance when
// REDRESS_SECRET is not set, and the one follow-up survey per case.
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Lazy references only: schema.ts re-exports this file, so its tables are read at call time.
import { cases } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row ('portal'), written once by whichever instance needs it first. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const surveys = pgTable('surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .unique()
    .references(() => cases.id),
  outcomeFair: integer('outcome_fair').notNull(),
  processFair: integer('process_fair').notNull(),
  treatedWell: integer('treated_well').notNull(),
  /** yes | no | unsure */
  willStay: text('will_stay').notNull(),
  comment: text('comment'),
  submittedAt: ts('submitted_at').notNull(),
});
