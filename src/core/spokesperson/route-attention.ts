// R14 inside a case's own transaction: decide the attention a case needs and route it — once
// per level. Higher attention tells the supervisors; public-facing cases go to the least-loaded
// spokesperson (told personally), or to the supervisors when nobody holds that role.
import type { ComplainerType } from '../../contracts/enums.ts';
import type { Tx } from '../../db/client.ts';
import type { CaseRow } from '../cases/case.repo.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { findAttention, leastLoadedSpokesperson, saveAttention } from './attention.repo.ts';
import { activistReasonsOf, attentionFor, isUpgrade, type Attention } from './attention.rules.ts';

export async function routeAttention(
  ctx: Ctx,
  tx: Tx,
  row: CaseRow,
  facts: { isPublicFacing: boolean; extraReason?: string },
): Promise<Attention> {
  // Most cases show no activism: decide that without a query (intake runs this on every case).
  if (!facts.isPublicFacing && row.complainerType !== 'activist') return 'none';
  const existing = await findAttention(tx, row.id);
  const decision = attentionFor({
    complainerType: row.complainerType as ComplainerType | null,
    activistReasons: activistReasonsOf(row.analysis),
    isPublicFacing: facts.isPublicFacing || Boolean(existing?.isPublicFacing),
  });
  const current: Attention = existing
    ? existing.isPublicFacing
      ? 'spokesperson'
      : 'higher'
    : 'none';
  if (!isUpgrade(current, decision.level)) return current;
  const reasons = facts.extraReason ? [...decision.reasons, facts.extraReason] : decision.reasons;
  const now = ctx.now();
  if (decision.level === 'higher') {
    await saveAttention(tx, { caseId: row.id, isPublicFacing: false, reasons, routedAt: now });
    await record(tx, ctx, row.id, 'attention_raised', { reasons });
    await notify(tx, {
      role: 'supervisor',
      caseId: row.id,
      kind: 'attention_raised',
      message: `${row.reference}: signs of an activist complainer (${reasons.join(', ')}); give it higher attention.`,
    });
    return 'higher';
  }
  const spokesperson = await leastLoadedSpokesperson(tx);
  await saveAttention(tx, {
    caseId: row.id,
    isPublicFacing: true,
    spokespersonId: spokesperson?.id ?? null,
    reasons,
    routedAt: now,
  });
  await record(tx, ctx, row.id, 'routed_to_spokesperson', {
    spokespersonId: spokesperson?.id ?? null,
    reasons,
  });
  const message = `${row.reference} is public-facing (${reasons.join(', ')}): what we say in public is the spokesperson's call.`;
  if (spokesperson) {
    await notify(tx, {
      userId: spokesperson.id,
      caseId: row.id,
      kind: 'public_facing_case',
      message,
    });
  } else {
    await notify(tx, {
      role: 'supervisor',
      caseId: row.id,
      kind: 'public_facing_case',
      message: `${message} Nobody holds the spokesperson role: appoint one.`,
    });
  }
  return 'spokesperson';
}
