// Demo stories that reached a fix: resolved, closed, and closed then reopened. Every complaint
// here was written for Redress; none is a real customer.
import { closeWith, DAY, listen, type DemoStory } from './story.ts';

const RESOLVED: DemoStory[] = [
  {
    channel: 'email',
    category: 'delivery',
    subject: 'Lampshade crushed in the box',
    account:
      'The linen lampshade came folded in half inside a box far too small for it. It is creased beyond saving. I ordered it to finish the spare room before my in-laws arrive next week.',
    customer: {
      firstName: 'Chloe',
      lastName: 'Fernandes',
      email: 'chloe.fernandes@mail.example',
      lifetimeValue: '233.00',
    },
    owner: 'sam',
    daysAgo: 4,
    at: '10:10',
    steps: [
      {
        do: 'reply',
        after: 30,
        body: 'Hello Chloe, thank you for telling us, and I am sorry: we packed your lampshade in a box that was too small. I know you wanted the room ready for your visitors. A replacement in a proper box will be with you on Thursday.',
      },
      ...listen(
        'The lampshade was crushed because we packed it in a box too small for it, and you need it before your in-laws arrive.',
        ['disappointed'],
      ),
      {
        do: 'offer',
        options: [
          'A replacement lampshade, packed flat-sided, by Thursday',
          'A full refund of £34',
        ],
      },
      { do: 'choose', option: 0, after: 30 },
      { do: 'deliver', after: 2 * DAY },
      { do: 'verdict', after: 3 * 60, verdict: 'meets', note: 'Arrived in time and undamaged.' },
    ],
  },
  {
    channel: 'phone',
    category: 'billing',
    subject: 'Call: price dropped a day after ordering',
    account:
      'Caller bought a coffee table for £180; the next day it was on sale at £145. Our price promise says we refund the difference within 14 days, but the shop told him it only applies online.',
    customer: {
      firstName: 'Hamid',
      lastName: 'Karimi',
      phone: '+447700900299',
      lifetimeValue: '615.00',
    },
    owner: 'tomas',
    daysAgo: 3,
    at: '14:20',
    callSeconds: 265,
    steps: [
      {
        do: 'reply',
        after: 15,
        body: 'Hello Hamid, thank you for calling, and I am sorry you were told the wrong thing in our shop: the price promise covers shop purchases too. I am refunding the £35 difference today.',
      },
      ...listen(
        'You paid £180, the price fell to £145 the next day, and our shop wrongly refused the price promise.',
        ['frustrated', 'confused'],
      ),
      { do: 'offer', options: ['Refund the £35 difference under the price promise'] },
      { do: 'choose', option: 0, after: 2 },
      { do: 'deliver', after: 4 * 60 },
    ],
  },
  {
    channel: 'web',
    category: 'product quality',
    subject: 'Duvet cover dye ran in the first wash',
    account:
      'The navy duvet cover dyed everything else in the wash blue, including a white school shirt. I followed the label exactly: 30 degrees, with similar colours.',
    customer: {
      firstName: 'Bethan',
      lastName: 'Price',
      email: 'bethan.price@post.example',
      lifetimeValue: '402.00',
    },
    owner: 'priya',
    daysAgo: 5,
    at: '09:50',
    steps: [
      {
        do: 'reply',
        after: 45,
        body: 'Hello Bethan, thank you for telling us, and I am sorry: the cover should never have run at 30 degrees. I understand how annoying it is to lose a school shirt too. I will send a replacement cover and a credit for the shirt by Friday.',
      },
      ...listen(
        'The navy duvet cover ran in a 30-degree wash as the label said, and it ruined a white school shirt.',
        ['frustrated'],
      ),
      {
        do: 'offer',
        options: ['A replacement cover from a tested batch and £15 credit for the shirt'],
        idea: 'Something for the shirt',
      },
      { do: 'choose', option: 0, after: 20 },
      { do: 'give', kind: 'credit', amount: '15.00', note: 'The school shirt ruined by the dye' },
      { do: 'deliver', after: 2 * DAY },
      {
        do: 'verdict',
        after: 5 * 60,
        verdict: 'exceeds',
        note: 'Did not expect anything for the shirt.',
      },
      { do: 'thank', after: 5 },
    ],
  },
  {
    channel: 'in_person',
    category: 'returns',
    subject: 'Visit: rug return refused after 90 days',
    account:
      'Customer brought back a wool rug bought four months ago that is shedding badly. The return window is 90 days. He does not want a credit or a repair; he wants us to know the rug is not fit to sell.',
    customer: {
      firstName: 'Ian',
      lastName: 'McAllister',
      phone: '+447700900377',
      lifetimeValue: '880.00',
    },
    owner: 'ravi',
    daysAgo: 3,
    at: '11:30',
    steps: [
      {
        do: 'reply',
        after: 60,
        body: 'Dear Ian, thank you for bringing the rug in and telling us, and I am sorry it has shed so badly. I have sent your report to our buying team today, and the offer of a full credit stays open to you.',
      },
      ...listen(
        'The wool rug has shed badly within four months, and you want us to know it is not good enough to sell.',
        ['disappointed'],
      ),
      {
        do: 'offer',
        options: ['A full credit of £149 despite the 90 days', 'A free professional clean'],
      },
      {
        do: 'refuse',
        after: 30,
        reason: 'He wants no credit or repair; he came so that we take the rug off sale.',
      },
    ],
  },
  {
    channel: 'chat',
    category: 'staff conduct',
    subject: 'Chat: conversation ended mid-question',
    account:
      'I was halfway through explaining my missing order when your chat person ended the chat. Twice. The second time they said "I have already answered this". They had not.',
    customer: {
      firstName: 'Ruth',
      lastName: 'Goldberg',
      email: 'ruth.goldberg@mail.example',
      lifetimeValue: '301.00',
    },
    owner: 'lena',
    daysAgo: 2,
    at: '15:40',
    steps: [
      {
        do: 'reply',
        after: 20,
        body: 'Hello Ruth, thank you for telling us, and I am sorry: you were cut off twice before you had finished, which is not how we want anyone treated. I have found your order and it will be delivered tomorrow before noon.',
      },
      ...listen(
        'You were cut off twice in chat before you could explain your missing order, and told it had been answered when it had not.',
        ['angry', 'frustrated'],
      ),
      { do: 'offer', options: ['Deliver the missing order tomorrow before noon'] },
      { do: 'choose', option: 0, after: 3 },
      { do: 'deliver', after: DAY },
      { do: 'verdict', after: 60, verdict: 'meets' },
      {
        do: 'promise',
        what: 'Call Ruth next week to check everything arrived',
        dueIn: 3 * DAY,
        isOpen: true,
      },
    ],
  },
  {
    channel: 'letter',
    category: 'delivery',
    subject: 'Letter: cushions left out in the rain',
    account:
      'Letter from Mrs Doyle. Her order of four velvet cushions was left on the front wall in a paper bag during a downpour; they were soaked and stained. She has kept them and asks what we intend to do.',
    customer: {
      firstName: 'Maureen',
      lastName: 'Doyle',
      phone: '+447700900488',
      lifetimeValue: '527.00',
    },
    owner: 'tomas',
    daysAgo: 6,
    at: '10:00',
    steps: [
      {
        do: 'contact',
        after: 90,
        channel: 'phone',
        seconds: 380,
        body: 'Called Mrs Doyle. The bag was on the wall, visible from the road, in heavy rain.',
      },
      {
        do: 'reply',
        after: 15,
        channel: 'letter',
        body: 'Dear Mrs Doyle, thank you for your letter, and I am sorry: your cushions should have been handed to you, not left on a wall in the rain. As we discussed on the telephone, I will write by Friday to confirm how we will put it right.',
      },
      ...listen(
        'Your cushions were left on the front wall in a paper bag in the rain and were ruined.',
        ['disappointed', 'angry'],
      ),
      {
        do: 'offer',
        options: ['Four new cushions, delivered by hand to the door', 'A full refund of £96'],
      },
      { do: 'choose', option: 0, after: 10 },
      { do: 'link', problem: 'unattended_parcels', after: 5 },
      { do: 'deliver', after: 2 * DAY },
      {
        do: 'verdict',
        after: 2 * 60,
        verdict: 'exceeds',
        note: 'Delighted the driver knocked and waited.',
      },
      { do: 'thank', after: 5 },
    ],
  },
];

const CLOSED: DemoStory[] = [
  {
    channel: 'email',
    category: 'delivery',
    subject: 'Parcel left on the doorstep and stolen',
    account:
      'Your courier left my blender on the doorstep in full view of the street and took a photo of it there. By the time I got home an hour later it was gone. I had asked for it to go to the parcel box.',
    customer: {
      firstName: 'Hannah',
      lastName: 'Price',
      email: 'hannah.price@mail.example',
      phone: '+447700900511',
      lifetimeValue: '695.00',
    },
    owner: 'sam',
    daysAgo: 15,
    at: '09:20',
    steps: [
      {
        do: 'reply',
        after: 30,
        body: 'Hello Hannah, thank you for telling us, and I am sorry: our courier ignored your instructions and left the blender where anyone could take it. I understand how annoying that is. A replacement goes out today, and I will email the tracking by 5pm.',
      },
      ...listen(
        'The courier left your blender on the doorstep instead of the parcel box you asked for, and it was stolen.',
        ['angry', 'frustrated'],
      ),
      { do: 'offer', options: ['A replacement blender, signed-for delivery', 'A full refund'] },
      { do: 'choose', option: 0, after: 5 },
      { do: 'give', kind: 'credit', amount: '15.00', note: 'For the wasted afternoon' },
      { do: 'promise', what: 'Email Hannah the tracking number', dueIn: 5 * 60 },
      { do: 'settle', after: 3 * 60, outcome: 'kept' },
      { do: 'link', problem: 'unattended_parcels', after: 5 },
      { do: 'deliver', after: DAY },
      { do: 'verdict', after: 4 * 60, verdict: 'meets' },
      ...closeWith({ do: 'cause', category: 'carrier' }),
    ],
  },
  {
    channel: 'sms',
    category: 'delivery',
    subject: 'Text: left outside again',
    account:
      'Its happened AGAIN. Second parcel this month left on the step not in the box. This one was the replacement for the one that was stolen. Luckily my neighbour saw it.',
    customer: {
      firstName: 'Hannah',
      lastName: 'Price',
      phone: '+447700900511',
      lifetimeValue: '695.00',
    },
    owner: 'sam',
    daysAgo: 6,
    at: '16:05',
    steps: [
      { do: 'link', problem: 'unattended_parcels', after: 10 },
      {
        do: 'reply',
        after: 10,
        body: 'Hello Hannah, thank you for telling us, and I am truly sorry: this is the second time, and a second apology is not enough. From Monday our couriers cannot mark a parcel delivered without a photo of the safe place you named. I have added that instruction to your account myself.',
      },
      ...listen(
        'A second parcel was left on the step instead of the parcel box, just after the first was stolen.',
        ['angry'],
      ),
      {
        do: 'offer',
        options: [
          'Your delivery instruction set on the account and checked on every order',
          'A year of free delivery',
        ],
      },
      { do: 'choose', option: 0, after: 10 },
      { do: 'give', kind: 'goodwill', amount: '20.00', note: 'Second failure of the same kind' },
      { do: 'deliver', after: 60 },
      { do: 'verdict', after: DAY, verdict: 'meets', note: 'Will give us one more chance.' },
      ...closeWith({ do: 'cause', category: 'carrier' }),
    ],
  },
  {
    channel: 'phone',
    category: 'returns',
    subject: 'Call: refund for returned chairs after five weeks',
    account:
      'Caller returned two dining chairs five weeks ago; the courier confirmed collection, but no refund has arrived. She has called three times and been told "it is with the returns team" each time.',
    customer: {
      firstName: 'Imogen',
      lastName: 'Ashby',
      phone: '+447700900622',
      lifetimeValue: '1510.00',
    },
    owner: 'lena',
    daysAgo: 12,
    at: '12:15',
    callSeconds: 610,
    steps: [
      {
        do: 'reply',
        after: 20,
        body: 'Hello Imogen, thank you for your patience, and I am sorry: five weeks and three calls is far too long. I have found your chairs in our warehouse and authorised the £238 refund myself today.',
      },
      ...listen(
        'You returned two chairs five weeks ago and still have no refund after three calls.',
        ['frustrated', 'angry'],
      ),
      { do: 'offer', options: ['The £238 refund today, with the confirmation emailed'] },
      { do: 'choose', option: 0, after: 2 },
      { do: 'link', problem: 'refund_queue', after: 3 },
      { do: 'give', kind: 'flowers', amount: '25.00', note: 'For the three wasted calls' },
      { do: 'deliver', after: 3 * 60 },
      {
        do: 'verdict',
        after: DAY,
        verdict: 'exceeds',
        note: 'The flowers were a lovely surprise.',
      },
      ...closeWith({ do: 'cause', category: 'returns process' }),
    ],
  },
  {
    channel: 'web',
    category: 'returns',
    subject: 'Curtains returned, no refund after three weeks',
    account:
      'I returned a pair of blackout curtains three weeks ago with the prepaid label. Tracking shows you signed for them. No refund, and no reply to my message through your returns page. I am starting to think I will never see that £89.',
    customer: {
      firstName: 'Daniel',
      lastName: 'Kowalski',
      email: 'daniel.kowalski@inbox.example',
      lifetimeValue: '340.00',
    },
    owner: 'priya',
    daysAgo: 10,
    at: '08:45',
    steps: [
      {
        do: 'reply',
        after: 40,
        body: 'Hello Daniel, thank you for telling us, and I am sorry we kept you waiting three weeks with no word. Your £89 refund is approved today; you will see it on your card within three working days.',
      },
      ...listen(
        'You returned the curtains three weeks ago, we signed for them, and you have had neither a refund nor a reply.',
        ['frustrated', 'anxious'],
      ),
      {
        do: 'offer',
        options: ['The £89 refund today', 'The £89 refund and a £40 credit for the wait'],
      },
      { do: 'choose', option: 1, after: 10 },
      { do: 'link', problem: 'refund_queue', after: 3 },
      {
        do: 'give',
        kind: 'goodwill',
        amount: '150.00',
        note: 'Asked for a larger goodwill credit for the wait',
      },
      {
        do: 'decide',
        by: 'ana',
        after: 45,
        approve: false,
        reason:
          'The refund plus the £40 we offered is fair for the wait; keep to the offer he chose.',
      },
      {
        do: 'give',
        after: 10,
        kind: 'credit',
        amount: '40.00',
        note: 'The credit he chose for the wait',
      },
      { do: 'deliver', after: 2 * 60 },
      { do: 'verdict', after: DAY, verdict: 'meets' },
      ...closeWith({ do: 'cause', category: 'returns process' }),
    ],
  },
  {
    channel: 'social',
    category: 'product quality',
    subject: 'Public post: glass shelf shattered',
    account:
      'The glass shelf in my @WrenfieldHome bathroom cabinet shattered on its own this morning. Glass all over the sink and the floor, my toddler was in the next room. This could have been so much worse. Product recall needed?',
    customer: {
      firstName: 'Zoe',
      lastName: 'Walker',
      handle: '@zoewalkerhome',
      lifetimeValue: '212.00',
    },
    owner: 'ravi',
    daysAgo: 9,
    at: '08:10',
    severity: 'high',
    steps: [
      {
        do: 'transfer',
        to: 'jo',
        after: 10,
        reason: 'A safety claim in a public post: the spokesperson answers it.',
      },
      {
        do: 'reply',
        after: 15,
        body: 'Hi Zoe, I am Jo from Wrenfield. Thank you for telling us, and I am so sorry; a shelf shattering with your child nearby must have been frightening. Please do not use the cabinet. Our technician will collect it tomorrow morning and I will call you tonight before 7pm.',
      },
      ...listen(
        'A glass shelf in your cabinet shattered by itself with your toddler close by, and you want to know whether it is safe.',
        ['anxious', 'angry'],
      ),
      {
        do: 'offer',
        options: ['Collect the cabinet, full refund, and the lab result shared with you'],
        idea: 'Tell me what caused it',
      },
      { do: 'choose', option: 0, after: 20 },
      { do: 'give', kind: 'gift_card', amount: '50.00', note: 'For the fright and the clear-up' },
      { do: 'deliver', after: DAY },
      {
        do: 'verdict',
        after: 2 * DAY,
        verdict: 'exceeds',
        note: 'Posted that we handled it well.',
      },
      ...closeWith({ do: 'cause', category: 'supplier quality' }),
    ],
  },
  {
    channel: 'chat',
    category: 'website',
    subject: 'Chat: autumn code expired early',
    account:
      'Your AUTUMN12 code should run until midnight tonight but it already says expired, and it is only five o’clock. Bit cheeky.',
    customer: {
      firstName: 'Yusuf',
      lastName: 'Demir',
      email: 'yusuf.demir@mail.example',
      lifetimeValue: '188.00',
    },
    owner: 'tomas',
    daysAgo: 5,
    at: '17:05',
    steps: [
      {
        do: 'reply',
        after: 3,
        body: 'Hello Yusuf, thank you for telling us, and I am sorry: the code should have worked until midnight. Place the order now and I will refund the 12%, £9.60, tomorrow morning.',
      },
      ...listen('The AUTUMN12 code stopped working hours before it should have.', ['frustrated']),
      { do: 'offer', options: ['Refund the 12% discount, £9.60, after the order'] },
      { do: 'choose', option: 0, after: 2 },
      { do: 'link', problem: 'code_expiry', after: 2 },
      { do: 'give', kind: 'discount', amount: '9.60', note: 'Code expired before its end date' },
      { do: 'deliver', after: 14 * 60 },
      { do: 'verdict', after: 60, verdict: 'meets' },
      ...closeWith({ do: 'cause', category: 'software' }),
    ],
  },
  {
    channel: 'letter',
    category: 'billing',
    subject: 'Letter: delivery charged on a collect order',
    account:
      'Letter from Mr Achebe enclosing his receipt: he chose click-and-collect at the Ipswich shop and collected the order himself, but was charged £7.50 for delivery. He asks for a cheque, as he does not use online banking.',
    customer: { firstName: 'Chinedu', lastName: 'Achebe', lifetimeValue: '455.00' },
    owner: 'lena',
    daysAgo: 14,
    at: '09:40',
    steps: [
      {
        do: 'reply',
        after: 2 * 60,
        channel: 'letter',
        body: 'Dear Mr Achebe, thank you for your letter and for sending the receipt, and I am sorry you were charged for a delivery we never made. A cheque for £7.50 is in the post to you today.',
      },
      ...listen(
        'You collected your order yourself but were charged £7.50 for delivery, and you would like the money back by cheque.',
        ['confused'],
      ),
      { do: 'offer', options: ['A cheque for £7.50 by post'] },
      { do: 'choose', option: 0, after: 2 },
      { do: 'deliver', after: 3 * DAY },
      {
        do: 'verdict',
        after: 2 * DAY,
        verdict: 'meets',
        note: 'Telephoned to say the cheque arrived.',
      },
      ...closeWith({
        do: 'oneOff',
        reason:
          'A till keyed the order as home delivery by hand; the till now takes collect orders only from the scanner.',
      }),
    ],
  },
  {
    channel: 'in_person',
    category: 'staff conduct',
    subject: 'Visit: told to leave the pushchair outside',
    account:
      'Customer says a member of staff at the Norwich shop told her to leave her baby’s pushchair outside the door "for safety" while she shopped. She felt singled out, as other customers had trolleys inside, and left without buying.',
    customer: {
      firstName: 'Leah',
      lastName: 'Thompson',
      phone: '+447700900733',
      lifetimeValue: '265.00',
    },
    owner: 'ravi',
    daysAgo: 11,
    at: '13:25',
    steps: [
      {
        do: 'reply',
        after: 50,
        body: 'Dear Leah, thank you for telling us, and I am sorry: you were wrongly asked to leave your pushchair outside, and you were right to feel singled out. Pushchairs are welcome in all our shops. I will call you on Friday to tell you what we have changed.',
      },
      ...listen(
        'A colleague asked you to leave your pushchair outside while others kept their trolleys, and you left feeling singled out.',
        ['embarrassed', 'angry'],
      ),
      { do: 'involve', staff: 'tomas', role: 'Covering the shop floor that afternoon' },
      { do: 'offer', options: ['A personal apology from the shop manager and a £20 voucher'] },
      { do: 'choose', option: 0, after: 5 },
      { do: 'give', kind: 'gift_card', amount: '20.00', note: 'With the shop manager’s apology' },
      { do: 'deliver', after: DAY },
      { do: 'verdict', after: DAY, verdict: 'meets' },
      ...closeWith({ do: 'cause', category: 'training' }),
    ],
  },
  {
    channel: 'email',
    category: 'billing',
    subject: 'Charged for a cancelled order',
    account:
      'I cancelled the garden furniture set within an hour of ordering and got a cancellation email, but the £420 has still been taken. I have the email. I need that money for my son’s school trip.',
    customer: {
      firstName: 'Paul',
      lastName: 'Robertson',
      email: 'paul.robertson@post.example',
      lifetimeValue: '980.00',
    },
    owner: 'priya',
    daysAgo: 18,
    at: '10:30',
    steps: [
      {
        do: 'reply',
        after: 40,
        body: 'Hello Paul, thank you for sending the cancellation email, and I am sorry we took the payment anyway. I will email you by Friday to confirm when the £420 is back with you.',
      },
      { do: 'promise', what: 'Email Paul to confirm the refund date', dueIn: 2 * DAY },
      {
        do: 'settle',
        after: 2 * DAY + 120,
        outcome: 'broken',
        note: 'The email went out on Monday, not Friday.',
      },
      ...listen(
        'You cancelled the furniture within an hour and were charged £420 anyway, money you need for a school trip.',
        ['anxious', 'angry'],
      ),
      { do: 'offer', options: ['A £30 credit for the delay'] },
      { do: 'choose', option: 0, after: 5 },
      { do: 'deliver', after: 60 },
      {
        do: 'verdict',
        after: 3 * 60,
        verdict: 'falls_short',
        note: 'He wants the £420 back, not credit.',
      },
      {
        do: 'offer',
        after: 20,
        options: ['The £420 refunded today by faster payment'],
        idea: 'My money back, today',
      },
      { do: 'choose', option: 1, after: 2 },
      { do: 'give', kind: 'refund', amount: '30.00', note: 'For the broken promise of an email' },
      { do: 'deliver', after: 3 * 60 },
      { do: 'verdict', after: DAY, verdict: 'exceeds', note: 'Money arrived the same afternoon.' },
      ...closeWith({ do: 'cause', category: 'payments' }),
    ],
  },
  {
    channel: 'phone',
    category: 'product quality',
    subject: 'Call: bed frame instructions wrong',
    account:
      'Caller spent four hours on the king-size bed frame because step 6 of the instructions shows the slats upside down. He had to take it apart twice. He does not want anything; he wants the instructions fixed before someone else goes through it.',
    customer: {
      firstName: 'Tom',
      lastName: 'Brennan',
      phone: '+447700900844',
      lifetimeValue: '720.00',
    },
    owner: 'sam',
    daysAgo: 8,
    at: '17:10',
    callSeconds: 455,
    steps: [
      {
        do: 'reply',
        after: 15 * 60,
        body: 'Hello Tom, thank you for telling us about step 6, and I am sorry it cost you an evening. You have done the next customer a favour: our product team is correcting the instructions now.',
      },
      ...listen(
        'Step 6 of the bed frame instructions shows the slats upside down, which cost you four hours, and you want it corrected for others.',
        ['frustrated'],
      ),
      { do: 'offer', options: ['A £25 credit for the wasted evening'] },
      {
        do: 'refuse',
        after: 30,
        reason: 'He wants no compensation; only the instructions corrected.',
      },
      ...closeWith({ do: 'cause', category: 'documentation' }, DAY),
    ],
  },
  {
    channel: 'web',
    category: 'delivery',
    subject: 'Garden bench missed twice',
    account:
      'Two booked deliveries for the garden bench, two days off work, and both times a text at 6pm saying "unable to deliver today". No reason given. I need a date you will actually keep.',
    customer: {
      firstName: 'Gemma',
      lastName: 'Sullivan',
      email: 'gemma.sullivan@mail.example',
      lifetimeValue: '360.00',
    },
    owner: 'priya',
    daysAgo: 7,
    at: '08:30',
    steps: [
      {
        do: 'reply',
        after: 35,
        body: 'Hello Gemma, thank you for telling us, and I am sorry: two lost days off is a real cost to you. I have booked the first slot on Friday, 8 to 10am, with our own van, and I will call you on Thursday by 3pm to confirm.',
      },
      ...listen(
        'You took two days off for the bench and both deliveries were cancelled at the end of the day without a reason.',
        ['frustrated', 'angry'],
      ),
      { do: 'offer', options: ['A guaranteed first slot with our own van and a £20 gift card'] },
      { do: 'choose', option: 0, after: 5 },
      { do: 'give', kind: 'gift_card', amount: '20.00', note: 'Two wasted days off' },
      { do: 'promise', what: 'Call Gemma to confirm Friday’s slot', dueIn: DAY + 4 * 60 },
      { do: 'settle', after: DAY + 3 * 60, outcome: 'kept' },
      { do: 'deliver', after: DAY },
      { do: 'verdict', after: 4 * 60, verdict: 'meets' },
      ...closeWith({ do: 'cause', category: 'carrier' }),
    ],
  },
];

const REOPENED: DemoStory[] = [
  {
    channel: 'email',
    category: 'product quality',
    subject: 'Blender jug leaks from the base',
    account:
      'The blender jug leaks from the base as soon as it starts. Smoothie all over the counter and into the motor. It is two weeks old.',
    customer: {
      firstName: 'Anika',
      lastName: 'Sharma',
      email: 'anika.sharma@inbox.example',
      lifetimeValue: '143.00',
    },
    owner: 'sam',
    daysAgo: 9,
    at: '08:50',
    steps: [
      {
        do: 'reply',
        after: 40,
        body: 'Hello Anika, thank you for telling us, and I am sorry: a two-week-old blender should not leak. A new jug and seal will reach you on Wednesday.',
      },
      ...listen('The blender jug leaks from its base and has soaked the motor after two weeks.', [
        'frustrated',
      ]),
      {
        do: 'offer',
        options: ['A replacement jug and seal by Wednesday', 'A replacement blender'],
      },
      { do: 'choose', option: 0, after: 5 },
      { do: 'deliver', after: 2 * DAY },
      { do: 'verdict', after: 60, verdict: 'meets' },
      ...closeWith({ do: 'cause', category: 'supplier quality' }),
      {
        do: 'reopen',
        after: 3 * DAY,
        reason: 'The customer wrote that the new jug leaks in the same way.',
      },
      {
        do: 'promise',
        what: 'Send Anika a whole new blender and confirm the delivery day',
        dueIn: DAY,
        isOpen: true,
      },
    ],
  },
  {
    channel: 'phone',
    category: 'delivery',
    subject: 'Call: refund for an undelivered parcel',
    account:
      'Caller’s parcel of kitchen towels was lost by the courier; we agreed a refund of £32 ten days ago. He says he has checked his card every day and nothing has arrived.',
    customer: {
      firstName: 'Viktor',
      lastName: 'Petrov',
      phone: '+447700900955',
      lifetimeValue: '505.00',
    },
    owner: 'lena',
    daysAgo: 16,
    at: '11:00',
    callSeconds: 300,
    steps: [
      {
        do: 'reply',
        after: 20,
        body: 'Hello Viktor, thank you for calling, and I am sorry the courier lost your parcel. I am refunding the £32 today.',
      },
      ...listen('The courier lost your parcel of kitchen towels and you would like the £32 back.', [
        'disappointed',
      ]),
      { do: 'offer', options: ['Refund £32 to the card'] },
      { do: 'choose', option: 0, after: 2 },
      { do: 'deliver', after: 60 },
      { do: 'verdict', after: DAY, verdict: 'meets' },
      ...closeWith({ do: 'cause', category: 'carrier' }),
      { do: 'reopen', after: 9 * DAY, reason: 'He called: the refund never reached his card.' },
      { do: 'link', problem: 'refund_queue', after: 5 },
      {
        do: 'note',
        after: 10,
        body: 'The refund is stuck in the manual check queue; chased with finance.',
      },
    ],
  },
];

export const DONE_STORIES: DemoStory[] = [...RESOLVED, ...CLOSED, ...REOPENED];
