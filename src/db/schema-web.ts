// The web desk's own tables: each person's saved inbox views and the shared reply templates.
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Lazy references only: schema.ts re-exports this file, so its tables are read at call time.
import { users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A named filter set for the inbox, one person's own (names unique per person). */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** ViewFilters (src/contracts/workspace.ts), validated on the way in. */
    filters: jsonb('filters').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_views_user_name').on(t.userId, t.name)],
);

/** Reply templates with {{placeholders}}, shared by the whole desk and kept by admins. */
export const replyTemplates = pgTable('reply_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
