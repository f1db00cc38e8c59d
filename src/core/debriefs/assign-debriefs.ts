// After closure (job `debrief-assign`, queued in the closing transaction): one debrief to each
// person recorded as involved, exactly once per case and person however often the job runs or
// the case is closed again. Each gets a notification with the news about the customer.
import { isUuid } from '../cases/case.repo.ts';
import { mutateCase } from '../cases/mutate-case.ts';
import { record } from '../cases/timeline.ts';
import { notify } from '../notifications/notification.repo.ts';
import { findSurvey } from '../portal/portal.repo.ts';
import type { Ctx } from '../shared/context.ts';
import { insertDebriefs } from './debrief.repo.ts';
import { customerOutcome } from './debrief.rules.ts';

export async function assignDebriefs(ctx: Ctx, caseId: string): Promise<{ assigned: number }> {
  if (!isUuid(caseId)) return { assigned: 0 };
  return mutateCase(
    ctx,
    caseId,
    async ({ tx, row, now }) => {
      // Reopened before the job ran: the next closure queues the job again.
      if (row.status !== 'closed') return { assigned: 0 };
      const created = await insertDebriefs(tx, row.id, now);
      if (created.length === 0) return { assigned: 0 };
      const survey = await findSurvey(tx, row.id);
      const { news } = customerOutcome({
        verdict: row.verdict,
        refusalReason: row.refusalReason,
        willStay: survey?.willStay ?? null,
      });
      for (const d of created) {
        await notify(tx, {
          userId: d.userId,
          caseId: row.id,
          kind: 'debrief_assigned',
          message: `${row.reference}: a short debrief is waiting for you (debrief ${d.id}) — how it happened and how to prevent it. No blame, no scores. ${news}`,
        });
      }
      await record(tx, ctx, row.id, 'debrief_assigned', {
        debriefs: created.map((d) => ({ id: d.id, userId: d.userId })),
      });
      return { assigned: created.length };
    },
    { allowClosed: true },
  );
}
