// The spokesperson's queue: open public-facing cases (their own, or all for other roles).
import { authorize, type Ctx } from '../shared/context.ts';
import { routedCases } from './attention.repo.ts';

export async function listRoutedCases(ctx: Ctx, opts: { mine?: boolean } = {}) {
  authorize(ctx, 'case.read');
  const mine = opts.mine && ctx.actor.kind === 'user' ? ctx.actor.id : undefined;
  return routedCases(ctx.database.db, mine);
}
