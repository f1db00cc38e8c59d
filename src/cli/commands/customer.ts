// `redress customer export <id>` and `redress customer erase <id> --reason R`: a customer's
// personal data, as the API offers it, for operators (manager or admin with --as).
import { parseArgs } from 'node:util';
import { eraseCustomer } from '../../core/customers/erase-customer.ts';
import { exportCustomer } from '../../core/customers/export-customer.ts';
import { UsageError, withDesk, type Io } from '../io.ts';

const USAGE =
  'Usage: redress customer export <customer-id> [--as E]\n       redress customer erase <customer-id> --reason R [--as E]';

export async function customerCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, reason: { type: 'string' } },
  });
  const [sub, id, ...extra] = positionals;
  if (!id || extra.length > 0 || (sub !== 'export' && sub !== 'erase')) throw new UsageError(USAGE);
  const result = await withDesk<object>(values.as, (ctx) =>
    sub === 'export'
      ? exportCustomer(ctx, id)
      : eraseCustomer(ctx, id, { reason: values.reason ?? '' }),
  );
  io.out(JSON.stringify(result, null, sub === 'export' ? 2 : 0));
  return 0;
}
