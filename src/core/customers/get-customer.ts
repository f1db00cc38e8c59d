// A customer with every contact, case, restitution given and open promise.
import { isUuid } from '../cases/case.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { customerHistory } from './customer-history.repo.ts';
import { contactsOf, findCustomer } from './customer.repo.ts';

export async function getCustomer(ctx: Ctx, id: string) {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const customer = isUuid(id) ? await findCustomer(db, id) : null;
  if (!customer) throw notFound('Customer');
  const contacts = await contactsOf(db, [customer.id]);
  const history = await customerHistory(db, customer.id);
  return {
    ...customer,
    contacts: contacts.map((c) => ({ kind: c.kind, value: c.value })),
    ...history,
  };
}
