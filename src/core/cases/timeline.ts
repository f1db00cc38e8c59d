// Every change to a case writes one timeline event, inside the change's own transaction.
import type { DbOrTx } from '../../db/client.ts';
import { actorId, actorLabel, type Ctx } from '../shared/context.ts';
import { insertEvent } from './case.repo.ts';

export type EventType =
  | 'case_opened'
  | 'acknowledged'
  | 'status_changed'
  | 'reopened'
  | 'owner_transferred'
  | 'reply_recorded'
  | 'step_completed'
  | 'restatement_recorded'
  | 'restatement_confirmed'
  | 'feelings_confirmed'
  | 'classified'
  | 'solutions_offered'
  | 'nudge'
  | 'option_chosen'
  | 'verdict_recorded'
  | 'refusal_recorded'
  | 'resolution_delivered'
  | 'restitution_granted'
  | 'approval_requested'
  | 'approval_decided'
  | 'promise_made'
  | 'promise_reminder'
  | 'promise_kept'
  | 'promise_broken'
  | 'thanked'
  | 'root_cause_recorded'
  | 'sla_due_soon'
  | 'sla_breached'
  | 'customer_message'
  | 'delivery_failed'
  | 'email_sent'
  | 'email_delayed'
  | 'sms_sent'
  | 'sms_delayed'
  | 'sms_failed'
  | 'social_sent'
  | 'social_delayed'
  | 'social_failed'
  | 'attachment_added'
  | 'attachment_refused'
  | 'portal_link_sent'
  | 'problem_linked'
  | 'repeat_apology_risk'
  | 'portal_link_requested'
  | 'survey_answered'
  | 'staff_involved_added'
  | 'staff_involved_removed'
  | 'debrief_assigned'
  | 'debrief_completed'
  | 'incident_linked'
  | 'incident_message_sent'
  | 'incident_message_for_agent'
  | 'attention_raised'
  | 'routed_to_spokesperson'
  | 'customer_erased'
  | 'closed';

export async function record(
  tx: DbOrTx,
  ctx: Ctx,
  caseId: string,
  type: EventType,
  data: Record<string, unknown> = {},
): Promise<void> {
  await insertEvent(tx, {
    caseId,
    at: ctx.now(),
    actorId: actorId(ctx),
    actorLabel: actorLabel(ctx),
    type,
    data,
  });
}
