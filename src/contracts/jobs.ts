// Durable job definitions: a name and the Zod payload its handler accepts.
import { z } from 'zod';

export const JOBS = {
  acknowledge: { name: 'case-acknowledge', payload: z.object({ caseId: z.uuid() }) },
  /** Every minute: alerts for the SLA clocks due soon or breached (core/cases/sweep-sla.ts). */
  slaSweep: { name: 'sla-sweep', payload: z.object({}).loose() },
  /** One clock's check, as queued per case by earlier versions; still worked so none is lost. */
  slaCheck: {
    name: 'sla-check',
    payload: z.object({
      caseId: z.uuid(),
      clock: z.enum(['first_response', 'resolution']),
      stage: z.enum(['due_soon', 'breach']),
    }),
  },
  promiseReminder: { name: 'promise-reminder', payload: z.object({ promiseId: z.uuid() }) },
  promiseDue: { name: 'promise-due', payload: z.object({ promiseId: z.uuid() }) },
  /** `attempt` counts the mail server's refusals so far (see deliver-email.ts). */
  sendEmail: {
    name: 'email-send',
    payload: z.object({ messageId: z.uuid(), attempt: z.number().int().min(0).optional() }),
  },
  debriefAssign: { name: 'debrief-assign', payload: z.object({ caseId: z.uuid() }) },
  // A broadcast works through its deliveries in short runs, so a worker killed mid-run holds
  // back at most a few minutes of work (the job expires and is retried; a restart resumes).
  incidentBroadcast: {
    name: 'incident-broadcast',
    payload: z.object({ messageId: z.uuid() }),
    expireInSeconds: 300,
  },
  correctiveActionReminder: {
    name: 'corrective-action-reminder',
    payload: z.object({ actionId: z.uuid() }),
  },
  correctiveActionDue: { name: 'corrective-action-due', payload: z.object({ actionId: z.uuid() }) },
  sendSms: { name: 'sms-send', payload: z.object({ messageId: z.uuid() }) },
  sendSocial: { name: 'social-send', payload: z.object({ messageId: z.uuid() }) },
  /** Last week's digest to every manager; scheduled weekly (src/jobs/schedules.ts). */
  weeklyDigest: {
    name: 'weekly-digest',
    payload: z.object({}).loose(),
    expireInSeconds: 900,
  },
  /** Brings the metric rollups up to date; every minute, and on demand (POST /metrics/rollups). */
  refreshRollups: {
    name: 'metrics-rollup-refresh',
    payload: z.object({ rebuild: z.boolean().optional() }).loose(),
    // Building the rollup of a million cases from scratch takes minutes.
    expireInSeconds: 3600,
  },
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];
