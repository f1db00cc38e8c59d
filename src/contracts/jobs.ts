// Durable job definitions: a name and the Zod payload its handler accepts.
import { z } from 'zod';

export const JOBS = {
  acknowledge: { name: 'case-acknowledge', payload: z.object({ caseId: z.uuid() }) },
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
  sendEmail: { name: 'email-send', payload: z.object({ messageId: z.uuid() }) },
  sendSms: { name: 'sms-send', payload: z.object({ messageId: z.uuid() }) },
  sendSocial: { name: 'social-send', payload: z.object({ messageId: z.uuid() }) },
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];
