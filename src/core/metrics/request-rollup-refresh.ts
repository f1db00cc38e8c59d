// On demand: queue a refresh of the metric rollups (the same job the minute schedule runs), for
// instance after importing a batch of customer activity. `rebuild` builds them from scratch.
import { JOBS } from '../../contracts/jobs.ts';
import { RollupRefreshInput } from '../../contracts/metrics.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';

export async function requestRollupRefresh(ctx: Ctx, raw: unknown): Promise<{ queued: true }> {
  authorize(ctx, 'metrics.read');
  const input = parseInput(RollupRefreshInput, raw ?? {});
  await ctx.database.db.transaction((tx) =>
    ctx.jobs.send(tx, [
      { name: JOBS.refreshRollups.name, data: input.rebuild ? { rebuild: true } : {} },
    ]),
  );
  return { queued: true };
}
