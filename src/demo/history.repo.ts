// Writes generated history in bulk: one INSERT … SELECT FROM unnest(arrays) per table and
// batch, so a million cases load in minutes rather than hours. Each batch is one transaction.
import type { Database } from '../db/client.ts';
import { DEFAULT_SLA_POLICY } from '../core/sla/sla.rules.ts';
import type { Batch } from './generate-history.ts';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export async function insertHistoryBatch(database: Database, b: Batch): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO customers (id, first_name, last_name, lifetime_value)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[])`,
      [
        b.customers.map((c) => c.id),
        b.customers.map((c) => c.firstName),
        b.customers.map((c) => c.lastName),
        b.customers.map((c) => c.lifetimeValue),
      ],
    );
    const c = b.cases;
    await client.query(
      `INSERT INTO cases (id, customer_id, channel, received_at, subject, account, category, severity,
         owner_id, status, verdict, verdict_at, first_response_target, resolution_target,
         first_response_due_at, first_response_at, resolution_due_at, resolved_at, closed_at,
         created_at, updated_at)
       SELECT id, customer_id, channel, received_at, subject, account, category, 'normal',
         owner_id, status, verdict, CASE WHEN verdict IS NOT NULL THEN resolved_at END, $16::jsonb, $17::jsonb,
         fr_due, fr_at, res_due, resolved_at, closed_at, received_at, coalesce(closed_at, received_at)
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[],
         $7::text[], $8::uuid[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[],
         $13::timestamptz[], $14::timestamptz[], $15::timestamptz[])
         AS t(id, customer_id, channel, received_at, subject, account, category, owner_id, status,
           verdict, fr_due, fr_at, res_due, resolved_at, closed_at)
       ORDER BY received_at`,
      [
        c.map((x) => x.id),
        c.map((x) => x.customerId),
        c.map((x) => x.channel),
        c.map((x) => iso(x.receivedAt)),
        c.map((x) => x.subject),
        c.map((x) => x.account),
        c.map((x) => x.category),
        c.map((x) => x.ownerId),
        c.map((x) => x.status),
        c.map((x) => x.verdict),
        c.map((x) => iso(x.firstResponseDueAt)),
        c.map((x) => iso(x.firstResponseAt)),
        c.map((x) => iso(x.resolutionDueAt)),
        c.map((x) => iso(x.resolvedAt)),
        c.map((x) => iso(x.closedAt)),
        JSON.stringify(DEFAULT_SLA_POLICY.firstResponse),
        JSON.stringify(DEFAULT_SLA_POLICY.resolution),
      ],
    );
    // The timeline of each case starts with its opening (and ends with its closure), so the
    // audit view has something true to show.
    await client.query(
      `INSERT INTO case_events (case_id, at, actor_label, type, data)
       SELECT id, received_at, 'system:demo', 'case_opened', jsonb_build_object('channel', channel)
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS t(id, received_at, channel)
       UNION ALL
       SELECT id, closed_at, 'system:demo', 'closed', '{}'::jsonb
         FROM unnest($1::uuid[], $4::timestamptz[]) AS t(id, closed_at) WHERE closed_at IS NOT NULL`,
      [
        c.map((x) => x.id),
        c.map((x) => iso(x.receivedAt)),
        c.map((x) => x.channel),
        c.map((x) => iso(x.closedAt)),
      ],
    );
    await client.query(
      `INSERT INTO promises (case_id, what, to_whom, owner_id, due_at, status, outcome_at)
       SELECT case_id, 'Call the customer back with an update', 'customer', owner_id, due_at, status,
         CASE WHEN status <> 'open' THEN due_at END
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[]) AS t(case_id, owner_id, due_at, status)`,
      [
        b.promises.map((p) => p.caseId),
        b.promises.map((p) => p.ownerId),
        b.promises.map((p) => iso(p.dueAt)),
        b.promises.map((p) => p.status),
      ],
    );
    await client.query(
      `INSERT INTO restitutions (case_id, kind, amount, currency, status, requested_at, decided_at)
       SELECT case_id, kind, amount, 'GBP', status, at, at
       FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::timestamptz[]) AS t(case_id, kind, amount, status, at)`,
      [
        b.restitutions.map((r) => r.caseId),
        b.restitutions.map((r) => r.kind),
        b.restitutions.map((r) => r.amount),
        b.restitutions.map((r) => r.status),
        b.restitutions.map((r) => iso(r.at)),
      ],
    );
    await client.query(
      `INSERT INTO customer_activity (customer_id, at, kind)
       SELECT customer_id, at, 'order' FROM unnest($1::uuid[], $2::timestamptz[]) AS t(customer_id, at)`,
      [b.activity.map((a) => a.customerId), b.activity.map((a) => iso(a.at))],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Fresh statistics and visibility map after a bulk load, so the planner uses index-only scans. */
export async function analyzeAfterLoad(database: Database): Promise<void> {
  await database.pool.query(
    'VACUUM (ANALYZE) cases, customers, promises, restitutions, customer_activity, case_events',
  );
}
