// Everything stored about one customer, as one JSON document (a subject-access request):
// identity, contacts, and every case with every row that hangs off it.
import { isUuid } from '../cases/case.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import {
  caseRows,
  caseTables,
  contactRows,
  customerRow,
  rowsForCases,
} from './personal-data.repo.ts';

export async function exportCustomer(ctx: Ctx, customerId: string) {
  authorize(ctx, 'personal_data.manage');
  // One snapshot: a case opened mid-export appears whole or not at all.
  return ctx.database.db.transaction(
    async (tx) => {
      const customer = isUuid(customerId) ? await customerRow(tx, customerId) : null;
      if (!customer) throw notFound('Customer');
      const cases = await caseRows(tx, customerId);
      const ids = cases.map((c) => String(c.id));
      const related: Record<string, unknown[]> = {};
      for (const table of await caseTables(tx)) related[table] = await rowsForCases(tx, table, ids);
      return {
        exportedAt: ctx.now().toISOString(),
        customer,
        contacts: await contactRows(tx, customerId),
        cases,
        related,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
