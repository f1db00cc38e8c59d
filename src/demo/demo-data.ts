// The demo organisation: Wrenfield Home, a homeware retailer with two shops and a web store,
// and its support team. Every complaint was written for Redress; none is a real customer.
import { RESTITUTION_KINDS, type Channel } from '../contracts/enums.ts';
import type { Settings } from '../contracts/settings.ts';
import { DEFAULT_PLAYBOOK } from '../core/playbook/playbook.rules.ts';
import { DONE_STORIES } from './stories-done.ts';
import { OPEN_STORIES } from './stories-open.ts';
import type { DemoStory, StaffKey } from './story.ts';

export const DEMO_ORGANISATION = 'Wrenfield Home';

export const DEMO_STAFF: ReadonlyArray<{
  key: StaffKey;
  email: string;
  name: string;
  role: 'agent' | 'supervisor' | 'spokesperson' | 'manager' | 'admin';
}> = [
  { key: 'morgan', email: 'admin@demo.redress', name: 'Morgan Ellis', role: 'admin' },
  { key: 'sam', email: 'sam@demo.redress', name: 'Sam Okafor', role: 'agent' },
  { key: 'lena', email: 'lena@demo.redress', name: 'Lena Novak', role: 'agent' },
  { key: 'tomas', email: 'tomas@demo.redress', name: 'Tomás Reyes', role: 'agent' },
  { key: 'priya', email: 'priya@demo.redress', name: 'Priya Nair', role: 'agent' },
  { key: 'ravi', email: 'ravi@demo.redress', name: 'Ravi Menon', role: 'supervisor' },
  { key: 'ana', email: 'ana@demo.redress', name: 'Ana Lindqvist', role: 'supervisor' },
  { key: 'jo', email: 'jo@demo.redress', name: 'Jo Park', role: 'spokesperson' },
  { key: 'kit', email: 'kit@demo.redress', name: 'Kit Adeyemi', role: 'manager' },
  { key: 'dana', email: 'dana@demo.redress', name: 'Dana Whitlock', role: 'manager' },
];

export const DEMO_PASSWORD = 'demo-password-123';

const WEEKDAY = [{ start: '08:30', end: '18:00' }];
// England's bank holidays, so the clocks skip them.
const HOLIDAYS = [
  ...['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25'],
  ...['2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04'],
  ...['2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26'],
  ...['2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
];
/** A business day here is 9½ hours (08:30–18:00). */
const BUSINESS_DAY_MINUTES = 570;

/** Everything but the name, which is saved last: a desk with the demo's name holds the whole demo. */
export const DEMO_SETTINGS: Omit<Settings, 'name'> = {
  calendar: {
    timeZone: 'Europe/London',
    weeklyHours: {
      mon: WEEKDAY,
      tue: WEEKDAY,
      wed: WEEKDAY,
      thu: WEEKDAY,
      fri: WEEKDAY,
      sat: [{ start: '09:00', end: '13:00' }],
    },
    holidays: HOLIDAYS,
    closures: [],
  },
  slaPolicy: {
    firstResponse: { kind: 'same_business_day', cutoff: '16:00' },
    resolution: { kind: 'business_minutes', minutes: 5 * BUSINESS_DAY_MINUTES },
    overrides: [
      // Live channels and public posts are answered within the hour or two, not the day.
      { channel: 'chat', firstResponse: { kind: 'business_minutes', minutes: 30 } },
      { channel: 'social', firstResponse: { kind: 'business_minutes', minutes: 120 } },
      {
        severity: 'critical',
        firstResponse: { kind: 'business_minutes', minutes: 60 },
        resolution: { kind: 'business_minutes', minutes: 2 * BUSINESS_DAY_MINUTES },
      },
    ],
    pauseWhileAwaitingCustomer: true,
  },
  playbook: DEFAULT_PLAYBOOK,
  compensation: {
    currency: 'GBP',
    byRole: {
      agent: {
        kinds: [...RESTITUTION_KINDS],
        maxPerCase: '40',
      },
      spokesperson: { kinds: ['credit', 'gift_card', 'flowers', 'goodwill'], maxPerCase: '75' },
      supervisor: {
        kinds: [...RESTITUTION_KINDS],
        maxPerCase: '300',
      },
      manager: {
        kinds: [...RESTITUTION_KINDS],
        maxPerCase: '1500',
      },
      admin: {
        kinds: [...RESTITUTION_KINDS],
        maxPerCase: null,
      },
    },
  },
  promiseReminderMinutes: 60,
  dueSoonMinutes: 90,
};

/** The recent cases, played through the core actions. */
export const DEMO_STORIES: readonly DemoStory[] = [...OPEN_STORIES, ...DONE_STORIES];

/** The complaints alone (the screenshots and the bulk history reuse their words). */
export const DEMO_COMPLAINTS: Array<{
  channel: Channel;
  subject: string;
  account: string;
  category: string;
}> = DEMO_STORIES.map(({ channel, subject, account, category }) => ({
  channel,
  subject,
  account,
  category,
}));
