// Staff mark a case public-facing (the customer posted it publicly, the press called): it goes
// to the spokesperson (R14).
import { PublicFacingInput } from '../../contracts/incidents.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import type { Ctx } from '../shared/context.ts';
import { parseInput } from '../shared/parse.ts';
import { findAttention } from './attention.repo.ts';
import { routeAttention } from './route-attention.ts';

export async function markPublicFacing(ctx: Ctx, caseId: string, raw: unknown) {
  const input = parseInput(PublicFacingInput, raw);
  return mutateCase(ctx, caseId, async ({ tx, row }) => {
    const level = await routeAttention(ctx, tx, row, {
      isPublicFacing: true,
      extraReason: input.reason,
    });
    return { level, attention: await findAttention(tx, row.id) };
  });
}
