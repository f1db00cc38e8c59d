// Records what customers did (an order, a visit, a renewal), as reported by the systems that
// know, so retention after recovery can ask whether a recovered customer came back. All or
// nothing: an unknown customer refuses the whole batch, naming the item.
import { CustomerActivityInput } from '../../contracts/metrics.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { parseInput } from '../shared/parse.ts';
import { existingCustomerIds, insertActivity } from './activity.repo.ts';

export async function recordCustomerActivity(ctx: Ctx, raw: unknown) {
  authorize(ctx, 'case.write');
  const { items } = parseInput(CustomerActivityInput, raw);
  const known = await existingCustomerIds(ctx.database.db, [
    ...new Set(items.map((i) => i.customerId)),
  ]);
  const issues = items.flatMap((item, i) =>
    known.has(item.customerId)
      ? []
      : [{ path: `items.${i}.customerId`, message: 'No customer has this id.' }],
  );
  if (issues.length > 0) throw new DomainError('validation', 'Some fields are not valid.', issues);
  await insertActivity(
    ctx.database.db,
    items.map((i) => ({
      customerId: i.customerId,
      at: new Date(i.at),
      kind: i.kind,
      value: i.value ?? null,
    })),
  );
  return { recorded: items.length };
}
