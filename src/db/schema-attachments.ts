// Files kept with a case: attachments of the customer's emails and files staff add (a scanned
// letter, a photo handed over at the counter). The bytes live in PostgreSQL with the case, so
// every stateless instance can serve them and a backup of the database is a backup of the files.
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Lazy references only: schema.ts re-exports this file, so its tables are read at call time.
import { cases, messages, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The customer message it came with; null for the opening email and for staff uploads. */
    messageId: uuid('message_id').references(() => messages.id),
    /** email | staff */
    source: text('source').notNull(),
    /** file | letter_scan | call_recording */
    purpose: text('purpose').notNull().default('file'),
    filename: text('filename').notNull(),
    /** Checked against the file's first bytes, never only what the sender claimed. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('attachments_case').on(t.caseId, t.createdAt)],
);
