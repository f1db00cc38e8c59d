// Erasing a customer (the right to be forgotten): names and contacts removed, the free text of
// every case, message, promise, note and timeline event overwritten — while counts, dates,
// statuses, amounts and categories stay, so reports and aggregates still add up. Refused while a
// case is open (its clocks and replies need a way to reach the person). The erasure itself is
// recorded on each case's timeline, with who did it and why.
import { EraseCustomerInput } from '../../contracts/personal-data.ts';
import { isUuid } from '../cases/case.repo.ts';
import { record } from '../cases/timeline.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import {
  caseRows,
  ERASED,
  eraseIdentity,
  eventRows,
  lockCustomer,
  redactCases,
  rewriteEventData,
} from './personal-data.repo.ts';

/** Event fields that hold codes, ids, amounts or dates — never a person's words. */
const KEPT_KEYS =
  /^(id|\w*Id|\w*Ids|status|from|to|step|stepKey|kind|channel|category|severity|complainerType|verdict|clock|stage|amount|currency|feelings|confirmed|suggested|reference|type|outcome|at|\w*At|dueAt|scopes|count|minutes)$/;

function redactEventData(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return KEPT_KEYS.test(key) ? value : ERASED;
  if (Array.isArray(value)) return value.map((v) => redactEventData(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactEventData(v, k)]),
    );
  return value;
}

export async function eraseCustomer(ctx: Ctx, customerId: string, raw: unknown) {
  authorize(ctx, 'personal_data.manage');
  const input = parseInput(EraseCustomerInput, raw);
  return ctx.database.db.transaction(async (tx) => {
    const customer = isUuid(customerId) ? await lockCustomer(tx, customerId) : null;
    if (!customer) throw notFound('Customer');
    const cases = await caseRows(tx, customerId);
    const open = cases.filter((c) => c.status !== 'closed').map((c) => String(c.reference));
    if (open.length > 0)
      throw new DomainError(
        'precondition_failed',
        `Close the customer's open cases first: ${open.join(', ')}.`,
        [{ path: 'cases', message: `Still open: ${open.join(', ')}.` }],
      );
    const ids = cases.map((c) => String(c.id));
    await redactCases(tx, ids);
    let events = 0;
    for (const e of await eventRows(tx, ids)) {
      await rewriteEventData(tx, e.id, redactEventData(e.data) as object);
      events++;
    }
    const contactsRemoved = await eraseIdentity(tx, customerId);
    const summary = { cases: ids.length, contactsRemoved, eventsRedacted: events };
    for (const id of ids)
      await record(tx, ctx, id, 'customer_erased', { reason: input.reason, ...summary });
    ctx.log.info({ customerId, ...summary, requestId: ctx.requestId }, 'customer erased');
    return { customerId, erasedAt: ctx.now().toISOString(), ...summary };
  });
}
