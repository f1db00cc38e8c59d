// Demo stories still being worked: just arrived, in progress, waiting on the customer. Every
// complaint here was written for Redress; none is a real customer.
import { DAY, listen, type DemoStory } from './story.ts';

const NEW: DemoStory[] = [
  {
    channel: 'email',
    category: 'delivery',
    subject: 'Sofa delivery window missed',
    account:
      'I took a day of unpaid leave to wait in for the corner sofa (order 48213). The window was 8 to 12. It is now nearly two and nobody has turned up or phoned. The tracking page still says "out for delivery". What am I supposed to do, sit here until midnight?',
    customer: {
      firstName: 'Nadia',
      lastName: 'Rahman',
      email: 'nadia.rahman@mail.example',
      lifetimeValue: '1240.00',
    },
    owner: 'sam',
    daysAgo: 0,
    at: '13:52',
    steps: [],
  },
  {
    channel: 'sms',
    category: 'delivery',
    subject: 'Text: marked delivered, nothing here',
    account:
      'Your text says my parcel was delivered at 10:14 but there is nothing on the step, nothing with neighbours and no card. Its a christening present for sunday.',
    customer: {
      firstName: 'Declan',
      lastName: 'Murphy',
      phone: '+447700900311',
      lifetimeValue: '86.50',
    },
    owner: 'lena',
    daysAgo: 0,
    at: '14:30',
    steps: [],
  },
  {
    channel: 'web',
    category: 'website',
    subject: 'Locked out of my account',
    account:
      'After the password reset your site now says my email is not recognised, but it is the same email you sent my order confirmation to yesterday. I cannot see my order, cannot change the delivery address and the chat bot just sends me back to the reset page.',
    customer: {
      firstName: 'Harriet',
      lastName: 'Cole',
      email: 'h.cole@post.example',
      lifetimeValue: '312.00',
    },
    owner: 'priya',
    daysAgo: 1,
    at: '17:05',
    steps: [],
  },
  {
    channel: 'social',
    category: 'product quality',
    subject: 'Public post: mould in bread bin',
    account:
      'Three weeks old and the bamboo bread bin from @WrenfieldHome has black mould growing inside the lid. Kept in a dry kitchen, wiped weekly. Sharing so nobody else puts food in one. Has anyone else had this?',
    customer: {
      firstName: 'Tobi',
      lastName: 'Adebayo',
      handle: '@tobicooks',
      lifetimeValue: '58.00',
    },
    owner: 'ravi',
    daysAgo: 0,
    at: '11:48',
    steps: [],
  },
  {
    channel: 'letter',
    category: 'billing',
    subject: 'Letter: warranty payments not agreed',
    account:
      'Letter received from Mr Ellison, 79. A monthly payment of £6.99 for an "extended care plan" has been taken from his account since March. He says he bought a fridge freezer in the Norwich shop and was never asked about a plan, and he has never signed anything. He asks for the money back and for someone to write to him, not email.',
    customer: { firstName: 'George', lastName: 'Ellison', lifetimeValue: '689.00' },
    owner: 'tomas',
    daysAgo: 0,
    at: '10:05',
    steps: [],
  },
  {
    channel: 'chat',
    category: 'returns',
    subject: 'Chat: return label will not print',
    account:
      'The returns page keeps giving me a blank PDF for the label. I have tried two browsers and my phone. The 30 days run out on Friday and I do not want to lose the refund because your label does not work.',
    customer: {
      firstName: 'Mei',
      lastName: 'Chen',
      email: 'mei.chen@inbox.example',
      lifetimeValue: '145.00',
    },
    owner: 'sam',
    daysAgo: 1,
    at: '10:20',
    steps: [],
  },
];

const IN_PROGRESS: DemoStory[] = [
  {
    channel: 'email',
    category: 'product quality',
    subject: 'Wardrobe arrived without fixings',
    account:
      'The double wardrobe came on Saturday but the bag of fixings is not in the box. No hinges, no cam locks, nothing. It is standing in pieces in my son’s room and he is sleeping in ours until it is built.',
    customer: {
      firstName: 'Marek',
      lastName: 'Nowak',
      email: 'marek.nowak@mail.example',
      lifetimeValue: '455.00',
    },
    owner: 'sam',
    daysAgo: 0,
    at: '09:15',
    steps: [
      {
        do: 'reply',
        after: 35,
        body: 'Hello Marek, thank you for letting us know, and I am sorry the fixings were missing: that is our packing mistake, not something you should have to chase. I can see how frustrating it is to have the wardrobe in pieces with your son out of his room. I am sending the full fixings pack by courier today and will email you the tracking number by 5pm.',
      },
      {
        do: 'restate',
        after: 5,
        isConfirmed: false,
        text: 'The wardrobe was delivered without its fixings bag, so it cannot be built and your son cannot use his room.',
      },
    ],
  },
  {
    channel: 'phone',
    category: 'billing',
    subject: 'Call: charged twice for the same rug',
    account:
      'Caller says her card was charged £64.00 twice for one hallway rug on Monday. The second payment took her current account overdrawn and the bank has added a £12 fee. She is worried about paying her rent on Friday and sounded close to tears.',
    customer: {
      firstName: 'Aisha',
      lastName: 'Okoro',
      phone: '+447700900422',
      lifetimeValue: '210.00',
    },
    owner: 'lena',
    daysAgo: 1,
    at: '11:40',
    callSeconds: 412,
    steps: [
      {
        do: 'reply',
        after: 10,
        body: 'Hello Aisha, thank you for calling us about this, and I am sorry we took your payment twice. I understand how worrying it is with your rent due. I have asked for the second £64 to be refunded today and I will call you before 3pm tomorrow to confirm it has left our bank.',
      },
      ...listen(
        'You were charged £64 twice for one rug, the second charge made your account overdrawn and cost you a £12 bank fee, and you need the money back before your rent on Friday.',
        ['anxious', 'frustrated'],
      ),
      {
        do: 'offer',
        options: [
          'Refund the duplicate £64 today',
          'Refund the duplicate £64 and cover the £12 bank fee',
        ],
        idea: 'The money back before Friday and the bank fee paid',
      },
      { do: 'choose', option: 1, after: 4 },
      {
        do: 'give',
        kind: 'refund',
        amount: '76.00',
        note: 'Duplicate charge plus the overdraft fee',
      },
      {
        do: 'decide',
        by: 'ravi',
        after: 25,
        approve: true,
        reason: 'Our double charge caused the fee; refund both today.',
      },
      {
        do: 'promise',
        what: 'Call Aisha to confirm the refund has left our bank',
        dueIn: 18 * 60,
        isOpen: true,
      },
    ],
  },
  {
    channel: 'web',
    category: 'product quality',
    subject: 'Mattress delivered torn',
    account:
      'The memory foam mattress arrived with a 20cm tear in the cover, right in the middle. The driver had gone before I opened it. I paid £389 for this and I am not sleeping on a torn mattress. I want a refund, not another one from the same batch.',
    customer: {
      firstName: 'Priyanka',
      lastName: 'Desai',
      email: 'priyanka.desai@mail.example',
      lifetimeValue: '389.00',
    },
    owner: 'priya',
    daysAgo: 2,
    at: '08:55',
    steps: [
      {
        do: 'reply',
        after: 50,
        body: 'Hello Priyanka, thank you for telling us, and I am sorry your new mattress arrived torn. You paid for something to sleep on and got a problem instead; I understand why you are disappointed. I have asked for a full refund of £389 and a free collection, and I will confirm both by 4pm today.',
      },
      ...listen(
        'Your new mattress has a large tear in the cover, you do not want a replacement from the same batch, and you want your £389 back.',
        ['disappointed', 'angry'],
      ),
      {
        do: 'offer',
        options: [
          'A replacement from a different batch, delivered and swapped on the same visit',
          'A full refund of £389 with free collection',
        ],
        idea: 'A full refund',
      },
      { do: 'choose', option: 1, after: 3 },
      { do: 'give', kind: 'refund', amount: '389.00', note: 'Full refund for a torn mattress' },
    ],
  },
  {
    channel: 'chat',
    category: 'website',
    subject: 'Chat: newsletter code refused',
    account:
      'The WINTER15 code from this morning’s newsletter says "expired" at checkout, but the email says it runs until Sunday. I have a basket of £122 waiting. Is the code real or not?',
    customer: {
      firstName: 'Oliver',
      lastName: 'Grant',
      email: 'oliver.grant@inbox.example',
      lifetimeValue: '530.00',
    },
    owner: 'tomas',
    daysAgo: 0,
    at: '09:40',
    steps: [
      {
        do: 'reply',
        after: 6,
        body: 'Hello Oliver, thank you for telling us, and I am sorry the code turned you away: the code is real and it should have worked. Please place the order at full price and I will refund the 15%, £18.30, to your card within two working days.',
      },
      { do: 'feelings', feelings: ['confused', 'frustrated'], after: 2 },
      { do: 'tick', step: 'apologize', after: 1 },
      { do: 'offer', options: ['Refund the 15% discount, £18.30, after the order is placed'] },
      { do: 'choose', option: 0, after: 2 },
      {
        do: 'give',
        kind: 'discount',
        amount: '18.30',
        note: 'Newsletter code refused at checkout',
      },
      { do: 'link', problem: 'code_expiry', after: 3 },
      {
        do: 'promise',
        what: 'Refund £18.30 to Oliver’s card',
        dueIn: 2 * DAY,
        isOpen: true,
      },
    ],
  },
  {
    channel: 'phone',
    category: 'delivery',
    subject: 'Call: table left at the wrong flat',
    account:
      'Caller lives at flat 4; the dining table was signed for at flat 14, whose tenant is away for a month. He has guests on Saturday and wants to speak to someone senior because this is the second time our driver has done it.',
    customer: {
      firstName: 'Samuel',
      lastName: 'Osei',
      phone: '+447700900533',
      lifetimeValue: '775.00',
    },
    owner: 'tomas',
    daysAgo: 0,
    at: '10:30',
    callSeconds: 355,
    steps: [
      {
        do: 'transfer',
        to: 'ana',
        after: 8,
        reason:
          'The customer asked for a supervisor; it is the second misdelivery to the same block.',
      },
      {
        do: 'reply',
        after: 20,
        body: 'Hello Samuel, I am Ana, a supervisor here, and I am sorry: we delivered your table to the wrong flat, and for the second time. I know how annoying that is with guests due on Saturday. A new table will be delivered to flat 4 on Friday between 8 and 10am, and I will call you on Thursday afternoon to confirm the driver.',
      },
      { do: 'feelings', feelings: ['angry'], after: 2 },
    ],
  },
  {
    channel: 'in_person',
    category: 'staff conduct',
    subject: 'Visit: dismissed at the returns counter',
    account:
      'Customer came to the Norwich shop returns counter with a faulty toaster and a receipt. She says the assistant told her "these always work if you use them properly" and served the next person. She was embarrassed in front of the queue and left without a refund.',
    customer: {
      firstName: 'Joan',
      lastName: 'Whitfield',
      phone: '+447700900644',
      lifetimeValue: '198.00',
    },
    owner: 'ravi',
    daysAgo: 1,
    at: '15:10',
    steps: [
      {
        do: 'reply',
        after: 40,
        body: 'Dear Joan, thank you for coming back to tell us, and I am sorry for how you were spoken to at our counter. You were right to bring the toaster back, and being dismissed in front of other people is embarrassing. I will call you tomorrow before noon to arrange your refund and to tell you what I have done about it.',
      },
      { do: 'feelings', feelings: ['embarrassed', 'angry'], after: 2 },
      { do: 'tick', step: 'apologize', after: 1 },
      { do: 'tick', step: 'own_it', after: 1 },
      {
        do: 'note',
        after: 10,
        body: 'Spoke to the shop manager; the counter shift is named in the rota for that afternoon.',
      },
      { do: 'promise', what: 'Call Joan about her refund', dueIn: 16 * 60, isOpen: true },
    ],
  },
  {
    channel: 'email',
    category: 'returns',
    subject: 'Refund is short by the delivery charge',
    account:
      'I returned the standing lamp because it arrived with a bent stem. Your refund was £79, but I paid £79 plus £6.95 delivery. I should not pay delivery on something that came broken. And nobody called me back on Tuesday as promised.',
    customer: {
      firstName: 'Rosa',
      lastName: 'Martínez',
      email: 'rosa.martinez@mail.example',
      lifetimeValue: '264.00',
    },
    owner: 'lena',
    daysAgo: 3,
    at: '09:05',
    steps: [
      {
        do: 'reply',
        after: 45,
        body: 'Hello Rosa, thank you for writing, and I am sorry the lamp arrived bent. I will check your refund and call you back by 4pm today.',
      },
      { do: 'promise', what: 'Call Rosa back about the refund', dueIn: 6 * 60 },
      {
        do: 'settle',
        after: 7 * 60,
        outcome: 'broken',
        note: 'The callback was not made before 4pm.',
      },
      ...listen(
        'Your lamp came damaged, the refund left out the £6.95 delivery charge, and we did not call you back when we said we would.',
        ['frustrated', 'disappointed'],
      ),
      { do: 'offer', after: 10, options: ['Refund the £79 lamp price'] },
      { do: 'choose', option: 0, after: 2 },
      { do: 'deliver', after: 30 },
      {
        do: 'verdict',
        after: DAY,
        verdict: 'falls_short',
        note: 'She still wants the delivery charge back and an apology for the missed call.',
      },
    ],
  },
  {
    channel: 'sms',
    category: 'billing',
    subject: 'Text: asked to pay a settled invoice',
    account:
      'Got a text saying my account is overdue and will go to collections. I paid the invoice on the 2nd, I have the bank reference. Please stop these, its stressing my mum out as its her number on the account.',
    customer: {
      firstName: 'Kwame',
      lastName: 'Mensah',
      phone: '+447700900755',
      lifetimeValue: '940.00',
    },
    owner: 'priya',
    daysAgo: 2,
    at: '16:45',
    steps: [
      {
        do: 'reply',
        after: 60,
        body: 'Hello Kwame, thank you for telling us, and I am sorry for the worry these texts have caused you and your mum. I have stopped the reminders on your account today. I will call you tomorrow at 10am to match your payment reference.',
      },
      { do: 'promise', what: 'Call Kwame at 10am to match the payment', dueIn: 15 * 60 },
      {
        do: 'contact',
        after: 15 * 60 - 10,
        channel: 'phone',
        body: 'Called Kwame; he read out the bank reference for the payment on the 2nd.',
        seconds: 240,
      },
      { do: 'settle', after: 5, outcome: 'kept', note: 'Called at 09:55.' },
      { do: 'feelings', feelings: ['anxious'], after: 2 },
    ],
  },
  {
    channel: 'social',
    category: 'delivery',
    subject: 'Public post: present still missing',
    account:
      '@WrenfieldHome ordered a lamp for my gran’s 90th, paid for next day, 6 days later still "processing". Two emails, zero replies. Do you actually deliver anything or just take money?? #customerservice',
    customer: {
      firstName: 'Ellie',
      lastName: 'Barnes',
      handle: '@elliebwrites',
      lifetimeValue: '74.00',
    },
    owner: 'sam',
    daysAgo: 1,
    at: '12:20',
    steps: [
      {
        do: 'transfer',
        to: 'jo',
        after: 15,
        reason: 'A public post with a growing thread; the spokesperson answers public posts.',
      },
      {
        do: 'reply',
        after: 20,
        body: 'Hi Ellie, I am Jo from Wrenfield. Thank you for telling us, and I am sorry: you paid for next-day delivery for your gran’s birthday and we let you down. I understand how upsetting that is. Your lamp leaves our warehouse today by courier and I will send you the tracking link by 6pm.',
      },
      { do: 'feelings', feelings: ['angry', 'sad'], after: 2 },
      { do: 'give', kind: 'gift_card', amount: '25.00', note: 'For the missed birthday delivery' },
    ],
  },
  {
    channel: 'letter',
    category: 'product quality',
    subject: 'Letter: kettle switch sticks',
    account:
      'Letter from Mrs Patel. The kettle she bought in September does not switch itself off; it keeps boiling until she pulls the plug. She lives alone, is nervous about it and has stopped using it. She has enclosed the receipt and asks us to telephone her in the mornings.',
    customer: {
      firstName: 'Kamala',
      lastName: 'Patel',
      phone: '+447700900866',
      lifetimeValue: '41.99',
    },
    owner: 'lena',
    daysAgo: 1,
    at: '09:30',
    steps: [
      {
        do: 'contact',
        after: 60,
        channel: 'phone',
        seconds: 530,
        body: 'Called Mrs Patel as she asked. The kettle keeps boiling with the lid shut; she has unplugged it and is using a pan.',
      },
      {
        do: 'restate',
        after: 2,
        isConfirmed: true,
        text: 'Your kettle does not switch off by itself, so you are not safe using it, and you would like us to phone rather than write.',
      },
      { do: 'feelings', feelings: ['anxious'], after: 1 },
      {
        do: 'reply',
        after: 10,
        channel: 'letter',
        body: 'Dear Mrs Patel, thank you for your letter, and I am sorry the kettle has worried you: please keep it unplugged. A new kettle of a different model will reach you by Thursday, and our courier will take the old one away at the same time.',
      },
    ],
  },
];

const AWAITING: DemoStory[] = [
  {
    channel: 'email',
    category: 'returns',
    subject: 'Desk arrived with a smashed corner',
    account:
      'The oak desk arrived with the front left corner smashed in, the packaging was fine which makes me think it was packed like that. I have a return collection booked but I would rather keep the desk if you can sort a discount.',
    customer: {
      firstName: 'Liam',
      lastName: 'O’Connor',
      email: 'liam.oconnor@post.example',
      lifetimeValue: '329.00',
    },
    owner: 'sam',
    daysAgo: 2,
    at: '11:05',
    steps: [
      {
        do: 'reply',
        after: 40,
        body: 'Hello Liam, thank you for getting in touch, and I am sorry the desk arrived damaged. Could you send two photos of the corner? As soon as I have them I will offer you a discount to keep it, the same day.',
      },
      { do: 'wait', reason: 'Asked for two photos of the damaged corner.', after: 2 },
    ],
  },
  {
    channel: 'web',
    category: 'billing',
    subject: 'Gift card balance vanished',
    account:
      'My £50 gift card shows a balance of £0 but I have never used it. It was a leaving present from my colleagues and I feel awful telling them it is gone. The card number ends 7741.',
    customer: {
      firstName: 'Sophie',
      lastName: 'Lambert',
      email: 'sophie.lambert@mail.example',
      lifetimeValue: '50.00',
    },
    owner: 'priya',
    daysAgo: 1,
    at: '14:15',
    steps: [
      {
        do: 'reply',
        after: 30,
        body: 'Hello Sophie, thank you for telling us, and I am sorry: a present from your colleagues should not simply disappear. Could you reply with the full card number from the back? I will trace the balance the same day I receive it.',
      },
      { do: 'feelings', feelings: ['sad', 'embarrassed'], after: 2 },
      { do: 'wait', reason: 'Waiting for the full gift card number.', after: 2 },
    ],
  },
  {
    channel: 'chat',
    category: 'delivery',
    subject: 'Chat: redelivery date needed',
    account:
      'Your courier tried to deliver the bookcase while I was at work and now says I must rebook but the link does not offer any dates. I work shifts, so I need to pick a day.',
    customer: {
      firstName: 'Fatima',
      lastName: 'Zahra',
      email: 'fatima.zahra@inbox.example',
      lifetimeValue: '119.00',
    },
    owner: 'tomas',
    daysAgo: 0,
    at: '10:55',
    steps: [
      {
        do: 'reply',
        after: 4,
        body: 'Hello Fatima, thank you for telling us, and I am sorry the rebooking link gave you no dates. I can book it for you here: which of Tuesday, Wednesday or Saturday morning suits your shifts?',
      },
      { do: 'wait', reason: 'Asked which redelivery day suits her shifts.', after: 1 },
    ],
  },
  {
    channel: 'phone',
    category: 'product quality',
    subject: 'Call: heater cuts out',
    account:
      'Caller says the oil-filled radiator bought last month cuts out after ten minutes and will not come back on until it cools. It is the only heating in his mother’s bedroom. He did not have the serial number to hand.',
    customer: {
      firstName: 'Arjun',
      lastName: 'Singh',
      phone: '+447700900977',
      lifetimeValue: '92.00',
    },
    owner: 'lena',
    daysAgo: 0,
    at: '09:25',
    callSeconds: 298,
    steps: [
      {
        do: 'reply',
        after: 12,
        body: 'Hello Arjun, thank you for calling, and I am sorry the radiator is letting your mother down in this cold. Please text me the serial number from the label on its base; I will arrange a replacement the same day.',
      },
      { do: 'feelings', feelings: ['anxious', 'frustrated'], after: 2 },
      { do: 'wait', reason: 'Waiting for the serial number from the radiator.', after: 2 },
      {
        do: 'promise',
        what: 'Text Arjun a reminder about the serial number',
        dueIn: 20 * 60,
        isOpen: true,
      },
    ],
  },
  {
    channel: 'sms',
    category: 'website',
    subject: 'Text: order confirmation to an old address',
    account:
      'Your site sent my order confirmation to an email I closed years ago, even though I changed it in my account. Can you check which email you have?',
    customer: {
      firstName: 'Gareth',
      lastName: 'Hughes',
      phone: '+447700900188',
      lifetimeValue: '167.00',
    },
    owner: 'ravi',
    daysAgo: 2,
    at: '13:35',
    steps: [
      {
        do: 'reply',
        after: 25,
        body: 'Hello Gareth, thank you for letting us know, and I am sorry your confirmation went astray. Please reply with the email address you want us to use and I will update the order and your account straight away.',
      },
      { do: 'wait', reason: 'Asked for the email address he wants us to use.', after: 2 },
    ],
  },
];

export const OPEN_STORIES: DemoStory[] = [...NEW, ...IN_PROGRESS, ...AWAITING];
