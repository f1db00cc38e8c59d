// Trends (R20, R25): customer activity for retention after recovery, and the indexes the
// metrics and dashboard queries need to answer within 200 ms on a million cases.
import { bigserial, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Lazy references only: schema.ts re-exports this file, so its tables are read at call time.
import { customers } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Something the customer did with the business (an order, a visit, a renewal), imported from
 * the systems that know. Retention after recovery asks whether a customer was active again
 * after their case closed.
 */
export const customerActivity = pgTable(
  'customer_activity',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    value: numeric('value', { precision: 14, scale: 2 }),
  },
  (t) => [index('customer_activity_customer_at').on(t.customerId, t.at)],
);
