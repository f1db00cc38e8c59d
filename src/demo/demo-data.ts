// The demo organisation: a homeware shop with a small support team. Every complaint here was
// written for Redress; none is a real customer.
import type { Channel } from '../contracts/enums.ts';

export const DEMO_STAFF = [
  { email: 'admin@demo.redress', name: 'Morgan Ellis', role: 'admin' },
  { email: 'sam@demo.redress', name: 'Sam Okafor', role: 'agent' },
  { email: 'lena@demo.redress', name: 'Lena Novak', role: 'agent' },
  { email: 'ravi@demo.redress', name: 'Ravi Menon', role: 'supervisor' },
  { email: 'jo@demo.redress', name: 'Jo Park', role: 'spokesperson' },
  { email: 'kit@demo.redress', name: 'Kit Adeyemi', role: 'manager' },
] as const;

export const DEMO_PASSWORD = 'demo-password-123';

export const DEMO_COMPLAINTS: Array<{
  channel: Channel;
  subject: string;
  account: string;
  category: string;
}> = [
  {
    channel: 'email',
    category: 'delivery',
    subject: 'Table arrived with a cracked top',
    account:
      'The oak table I ordered for my daughter’s birthday dinner came this morning with a crack right across the top. The party is on Saturday and I have twelve people coming. I am honestly panicking.',
  },
  {
    channel: 'phone',
    category: 'billing',
    subject: 'Charged twice for one order',
    account:
      'Caller says she was charged twice for the same lamp order, £64 each time. She is on a tight budget this month and the second charge pushed her account into overdraft.',
  },
  {
    channel: 'sms',
    category: 'delivery',
    subject: 'Still waiting',
    account:
      'Third day waiting in for a delivery that never comes. Nobody calls, nobody texts. Is anyone actually there?',
  },
  {
    channel: 'social',
    category: 'product quality',
    subject: 'Mention: duvet fell apart',
    account:
      '@homeware your “premium” duvet split at the seams after two washes. Feathers everywhere. Posting photos so others know what they are buying.',
  },
  {
    channel: 'web',
    category: 'returns',
    subject: 'Refund not received',
    account:
      'I returned the rug five weeks ago and the tracking shows you received it on the 3rd. I still have no refund and no reply to my two emails. I feel completely ignored.',
  },
  {
    channel: 'chat',
    category: 'staff conduct',
    subject: 'Rude staff at collection point',
    account:
      'The person at the collection desk rolled their eyes and told me to “read the email properly” when I asked where to go. I was embarrassed in front of a queue of people.',
  },
  {
    channel: 'letter',
    category: 'billing',
    subject: 'Letter about a missed refund',
    account:
      'Written letter from a customer aged 82. She paid by cheque for a replacement kettle that was never sent and cannot use the website to chase it. She asks for someone to telephone her.',
  },
  {
    channel: 'in_person',
    category: 'product quality',
    subject: 'Walk-in: chair leg snapped',
    account:
      'Customer came into the shop with a dining chair whose leg snapped while his father was sitting on it. Nobody was hurt but they are shaken and want to know the other chairs are safe.',
  },
  {
    channel: 'email',
    category: 'website',
    subject: 'Discount code rejected',
    account:
      'The code in your newsletter was rejected at checkout three times. I gave up and paid full price. I would like the difference back, it is the principle.',
  },
  {
    channel: 'email',
    category: 'delivery',
    subject: 'Delivered to the wrong address',
    account:
      'Your driver left my parcel with a house two streets away. I only found it because a neighbour posted on a local group. It had been left out in the rain.',
  },
];
