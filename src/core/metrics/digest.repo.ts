// What the weekly digest reads besides the metrics: its recipients, problem costs, broken promises.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { BrokenPromise, ProblemCost } from './digest.rules.ts';

/** Active managers with their email address: the digest's recipients. */
export async function digestRecipients(db: DbOrTx) {
  const res = await db.execute<{ id: string; name: string; email: string }>(
    sql`SELECT id, name, email FROM users WHERE role = 'manager' AND is_active ORDER BY email`,
  );
  return res.rows;
}

/** Per problem: cases received in [from, to) linked to it, and restitution granted on them. */
export async function problemCosts(db: DbOrTx, from: Date, to: Date): Promise<ProblemCost[]> {
  const res = await db.execute<{ title: string; cases: number; cost: string }>(sql`
    SELECT p.title, count(*)::int AS cases,
      coalesce(sum((SELECT coalesce(sum(r.amount), 0) FROM restitutions r
        WHERE r.case_id = c.id AND r.status = 'granted')), 0) AS cost
    FROM case_problems cp
      JOIN cases c ON c.id = cp.case_id
      JOIN problems p ON p.id = cp.problem_id
    WHERE c.received_at >= ${from} AND c.received_at < ${to}
    GROUP BY p.id, p.title`);
  return res.rows.map((r) => ({ title: r.title, cases: Number(r.cases), cost: Number(r.cost) }));
}

/** Promises that fell due in [from, to) and were broken. */
export async function brokenPromises(db: DbOrTx, from: Date, to: Date): Promise<BrokenPromise[]> {
  const res = await db.execute<{
    reference: string;
    what: string;
    owner: string | null;
    due_at: string | Date;
  }>(sql`
    SELECT c.reference, p.what, u.name AS owner, p.due_at
    FROM promises p
      JOIN cases c ON c.id = p.case_id
      LEFT JOIN users u ON u.id = p.owner_id
    WHERE p.status = 'broken' AND p.due_at >= ${from} AND p.due_at < ${to}
    ORDER BY p.due_at, c.reference`);
  return res.rows.map((r) => ({
    reference: r.reference,
    what: r.what,
    owner: r.owner,
    dueAt: new Date(r.due_at),
  }));
}
