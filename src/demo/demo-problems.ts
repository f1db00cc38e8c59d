// The problems behind the demo's complaints (R21): one known error with a change planned, one
// fixed and being measured, one still under investigation.
import type { ProblemKey, StaffKey } from './story.ts';

interface DemoProblem {
  title: string;
  category: string;
  analysis: string;
  whys: Array<{ why: string; answer: string }>;
  owner: StaffKey;
  daysAgo: number;
  workaround?: string;
  action?: {
    what: string;
    customerFacingChange: string;
    daysAgo: number;
    dueInDays: number;
    shippedDaysAgo?: number;
  };
}

export const DEMO_PROBLEMS: Record<ProblemKey, DemoProblem> = {
  unattended_parcels: {
    title: 'Couriers leave parcels outside instead of the safe place the customer named',
    category: 'carrier',
    analysis:
      'The courier app lets a driver mark a parcel delivered with any photo, so the safe place in the order notes is optional in practice.',
    whys: [
      {
        why: 'Why was the parcel left on the step?',
        answer: 'The driver did not read the safe-place note.',
      },
      {
        why: 'Why did the driver not read it?',
        answer: 'The note sits on a second screen that drivers rarely open.',
      },
      {
        why: 'Why can a delivery be completed without it?',
        answer: 'Our contract asks for a photo, not a photo of the named place.',
      },
    ],
    owner: 'kit',
    daysAgo: 20,
    workaround:
      'Agents copy the safe place into the first line of the courier notes for any customer who has complained.',
    action: {
      what: 'Change the courier contract: no parcel is marked delivered without a photo of the named safe place.',
      customerFacingChange:
        'Our couriers can no longer mark a parcel delivered without a photo of the safe place you chose.',
      daysAgo: 12,
      dueInDays: 21,
    },
  },
  refund_queue: {
    title: 'Return refunds wait in a manual check queue that nobody owns',
    category: 'returns process',
    analysis:
      'Returns over £50 need a second check before the refund is released; the queue had no owner and no alert, so refunds waited for weeks.',
    whys: [
      {
        why: 'Why did the refund take five weeks?',
        answer: 'It waited in the manual check queue.',
      },
      {
        why: 'Why did it wait?',
        answer: 'Nobody was named to work the queue after the returns team was reorganised.',
      },
    ],
    owner: 'dana',
    daysAgo: 24,
    action: {
      what: 'Name a daily owner for the refund check queue and alert them when a refund waits two working days.',
      customerFacingChange:
        'Refunds are now checked within two working days of your return arriving.',
      daysAgo: 22,
      dueInDays: 14,
      shippedDaysAgo: 10,
    },
  },
  code_expiry: {
    title: 'Newsletter discount codes stop working before their end date',
    category: 'software',
    analysis:
      'Codes seem to end at the start of their last day rather than at its end; still confirming where the end date is set.',
    whys: [],
    owner: 'ravi',
    daysAgo: 8,
  },
};
