// Staff debriefs (R24): the staff involved in a failure, recorded on the case apart from its
// owner, and the blameless debrief each of them gets once the case closes. Nothing here scores
// or ranks a person: a debrief holds what happened and how to prevent it, nothing more.
import { index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
// Lazy references only: schema.ts re-exports this file, so its tables are read at call time.
import { cases, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Who was involved in the failure behind a case (not who owns its recovery). */
export const caseStaffInvolved = pgTable(
  'case_staff_involved',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** What their part was, in a few plain words (optional). */
    role: text('role'),
    addedById: uuid('added_by_id').references(() => users.id),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] })],
);

/** One debrief per case and person, assigned once when the case closes. */
export const debriefs = pgTable(
  'debriefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull(),
    howItHappened: text('how_it_happened'),
    howToPrevent: text('how_to_prevent'),
    completedAt: ts('completed_at'),
    completedById: uuid('completed_by_id').references(() => users.id),
  },
  (t) => [
    unique('debriefs_case_user').on(t.caseId, t.userId),
    index('debriefs_user').on(t.userId, t.completedAt),
    index('debriefs_assigned').on(t.assignedAt),
  ],
);
