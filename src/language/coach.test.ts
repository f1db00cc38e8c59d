import { describe, expect, test } from 'vitest';
import { coach, type CoachContext, type CoachDetections } from './coach.ts';

type Flag = keyof CoachDetections;

describe('coach detections', () => {
  test.each<[Flag, string, boolean, CoachContext?]>([
    ['apology', 'I am so sorry we missed your delivery.', true],
    ['apology', 'Your delivery is booked for Monday.', false],
    ['apologyEarly', 'Sorry about the delay. I have rebooked you.', true],
    [
      'apologyEarly',
      `${'We checked the order history and the depot records and the route plan and the van log in detail today. '.repeat(2)}Sorry.`,
      false,
    ],
    ['conditionalApology', 'We are sorry if you feel let down.', true],
    ['conditionalApology', 'Apologies for any inconvenience this may have caused.', true],
    ['conditionalApology', 'We are sorry we let you down.', false],
    ['blameShift', 'Sorry, but the courier lost it.', true],
    ['blameShift', 'Our policy does not allow refunds.', true],
    ['blameShift', 'You should have read the terms.', true],
    ['blameShift', 'We lost it, and that is on us.', false],
    ['thanks', 'Thank you for telling us.', true],
    ['thanks', 'We will fix it.', false],
    ['usesFirstName', 'Hi Ana, I have fixed it.', true, { customerFirstName: 'Ana' }],
    [
      'usesFirstName',
      'Hi there, I have fixed it. Banana bread for all.',
      false,
      { customerFirstName: 'Ana' },
    ],
    [
      'acknowledgesFeeling',
      'I can see how frustrating this is.',
      true,
      { confirmedFeelings: ['frustrated'] },
    ],
    ['acknowledgesFeeling', 'I have fixed it.', false, { confirmedFeelings: ['frustrated'] }],
    ['concreteNextTime', 'I will call you by 4 pm tomorrow.', true],
    ['concreteNextTime', 'You will hear from us within 2 business days.', true],
    ['concreteNextTime', 'We will get back to you soon.', false],
    ['vagueTime', 'We will get back to you soon.', true],
    ['offersAction', 'I have refunded the delivery fee.', true],
    ['offersAction', "I'll send a replacement today.", true],
    ['offersAction', 'We value your feedback.', false],
    ['deflectsChannel', 'Please DM us your order number.', true],
    ['deflectsChannel', 'I have refunded the fee; DM us if anything else comes up.', false],
    [
      'statesChange',
      'We have added a second check so this does not happen again.',
      true,
      { isClosing: true },
    ],
    ['statesChange', 'Glad it is sorted.', false, { isClosing: true }],
    [
      'beyondAuthority',
      'I can offer a $80 credit.',
      true,
      { remainingAuthority: { amount: 50, currency: 'USD' } },
    ],
    [
      'beyondAuthority',
      'I can offer a $30 credit.',
      false,
      { remainingAuthority: { amount: 50, currency: 'USD' } },
    ],
    ['beyondAuthority', 'I can offer a $30 credit.', true, { remainingAuthority: null }],
    ['beyondAuthority', 'I guarantee it will never happen again.', true, {}],
    ['evasivePassive', 'Mistakes were made.', true],
    ['evasivePassive', 'Your parcel was lost in transit.', true],
    ['evasivePassive', 'We lost your parcel.', false],
    // apology and thanks: "regret", "TY", "appreciated"
    ['apology', 'I truly regret the trouble this caused.', true],
    ['apology', 'We regularly review delivery routes.', false],
    ['thanks', 'All sorted now. TY - Sam', true],
    ['thanks', 'Your patience is appreciated.', true],
    ['thanks', 'Type your order number into the form.', false],
    // feelings: "concern(s)" is the issue, not a feeling; the agent's own feeling does not count
    ['acknowledgesFeeling', 'I understand your concerns. Please DM us.', false],
    ['acknowledgesFeeling', 'That is concerning. Tell us more.', false],
    ['acknowledgesFeeling', 'No worries, we can help with that.', false],
    ['acknowledgesFeeling', "We're disappointed to hear the flight was late.", false],
    ['acknowledgesFeeling', 'I can see how worrying this must be.', true],
    ['acknowledgesFeeling', 'We never like to hear you are disappointed.', true],
    ['acknowledgesFeeling', 'My apologies for any frustration.', true],
    // concrete times vs vague ones
    ['concreteNextTime', 'The replacement will reach you by 4pm.', true],
    ['concreteNextTime', 'Expect our call tomorrow morning.', true],
    ['concreteNextTime', 'I will update you by Friday.', true],
    ['concreteNextTime', 'Please allow 24 to 72 hours for the miles to return.', true],
    ['concreteNextTime', 'It may take up to 10 minutes to reload.', true],
    ['concreteNextTime', 'We will refund the fee today.', true],
    ['concreteNextTime', 'The store closes at 10 p.m. tonight.', true],
    ['concreteNextTime', 'We will sort this out as soon as possible.', false],
    ['concreteNextTime', 'Our team will be in touch shortly.', false],
    ['concreteNextTime', 'Enjoy the ride with us today!', false],
    ['concreteNextTime', 'Is there anything I can help with today?', false],
    ['vagueTime', 'We are working to restore it as quickly as possible.', true],
    // actions stated without "I will": done, on its way, offered, or an instruction to try
    ['offersAction', "We've refunded the delivery charge.", true],
    ['offersAction', 'A replacement is on its way to you.', true],
    ['offersAction', 'Replacement road transport is in place.', true],
    ['offersAction', 'An issue has been reported to our faults team.', true],
    ['offersAction', 'DM us your order number and we will refund the postage.', true],
    ['offersAction', "I'd be happy to query this charge for you.", true],
    ['offersAction', 'Please power cycle your router and try again.', true],
    ['offersAction', 'Have you tried clearing your cookies?', true],
    ['offersAction', 'We have sent you a Direct Message with further instructions.', false],
    ['offersAction', 'DM us your order number and we will look into it.', false],
    ['offersAction', "We'll pass your comments on to our team.", false],
    ['offersAction', 'We have updated our terms, send us a DM.', false],
    ['offersAction', "I'm glad this has been resolved.", false],
    ['deflectsChannel', 'Please tell us more here: https://example.com/help', true],
    ['deflectsChannel', 'You would need to contact our Holidays team on 0344 555 0000.', true],
    ['deflectsChannel', 'I have sent the refund today. ^AB https://example.com/card', false],
    // blame and excuses
    ['blameShift', 'Due to our privacy policy we cannot discuss the account here.', true],
    ['blameShift', 'The airport is experiencing air traffic congestion.', true],
    ['blameShift', 'The service was delayed due to a fault on the line.', true],
    ['blameShift', 'Seats may change for operational reasons.', true],
    ['blameShift', 'This is the version we get from the content provider.', true],
    ['blameShift', 'The lines are very busy tonight.', true],
    ['blameShift', 'My apologies for any frustration, but it will be back on tomorrow.', false],
    ['blameShift', 'Would it be okay to pass your details onto our supplier?', false],
    ['blameShift', 'You should have that option in the menu.', false],
    ['blameShift', "We're sorry you didn't receive an update.", false],
    // evasive passive
    ['evasivePassive', 'We are so sorry the call was disconnected.', true],
    ['evasivePassive', 'Your package has not been delivered.', true],
    ['evasivePassive', 'Your account was closed in error.', true],
    ['evasivePassive', 'Your seat was changed as you requested.', false],
    ['evasivePassive', 'Your replacement was sent this morning.', false],
    // widened patterns: a passive with an error marker, "the wrong X was…", agent named = not evasive
    ['evasivePassive', 'The payment was taken twice.', true],
    ['evasivePassive', 'Your prescription was sent to the wrong pharmacy.', true],
    ['evasivePassive', 'The wrong meter reading was used on your bill.', true],
    ['evasivePassive', 'Your complaint was never logged.', true],
    ['evasivePassive', 'Your bag was damaged by the handling agent.', false],
    ['evasivePassive', 'The train was delayed by twenty minutes.', false],
    // perception apologies are conditional; an apology for a fact is not
    ['conditionalApology', 'Sorry you feel that way.', true],
    ['conditionalApology', "I'm sorry you found the process difficult.", true],
    ['conditionalApology', "I'm sorry you were charged twice.", false],
    // excuses in more words, and replies that clear the other party or own it
    ['blameShift', "It's down to high demand this week.", true],
    ['blameShift', 'Sorry, the airline changed the schedule, not us.', true],
    ['blameShift', 'Those prices are set by the regulator.', true],
    ['blameShift', 'The strike by port workers has held up every shipment.', true],
    ['blameShift', "The outage was our fault, not our supplier's.", false],
    ['blameShift', "I'm chasing the courier myself now.", false],
    ['blameShift', 'Our courier is collecting the parcel tomorrow.', false],
    ['blameShift', 'The policy on returns does not apply here, so I have refunded you.', false],
    // actions in more words; a general change made counts as one unless the reply deflects
    ['offersAction', "I'm putting a replacement in the post today.", true],
    ['offersAction', 'Your repair is booked for 14 March.', true],
    ['offersAction', 'I have asked the restaurant to refund you.', true],
    ['offersAction', 'We have trained the night team so this will not happen again.', true],
    ['offersAction', 'Our team is aware of it.', false],
    // someone else doing the fix, the fix reported done, an instruction opening the reply
    ['offersAction', 'Our engineer will fit the new part on Tuesday.', true],
    ['offersAction', 'The airline has agreed to refund you in full.', true],
    ['offersAction', "I've asked my colleague in returns to call you by 3pm.", true],
    ['offersAction', "Sorry, Ian. It's fixed in today's update.", true],
    ['offersAction', "I've extended your trial by a week.", true],
    ['offersAction', '@AcmeHelp pre-order it on the UK site instead.', true],
    ['offersAction', 'Could you try a different browser?', true],
    ['offersAction', "Great to hear it's sorted now!", false],
    ['offersAction', "Once it's fixed we will let you know.", false],
    ['offersAction', 'We extend our apologies for the wait.', false],
    ['offersAction', "We'll pop on a refund for the missing item.", true],
    ['offersAction', "I'll follow up with our kitchen team today.", true],
    ['offersAction', 'Are you able to test using a wired connection?', true],
    ['offersAction', 'Please check your DM for our reply.', false],
    ['offersAction', 'I will forward this feedback to the team.', false],
    ['offersAction', "We'll pass on your lovely comments.", false],
    ['offersAction', 'Let us know if anything else comes up in the future.', false],
    ['offersAction', 'Please meet me back in DM. We will work on this together.', false],
    ['deflectsChannel', 'Can I have your booking number? *AFC https://t.co/abc', false],
    ['offersAction', 'Have you tried signing in from a different browser?', true],
    ['offersAction', 'Please navigate to Settings, then General.', true],
    ['offersAction', "I'll go ahead and follow up with our team there.", true],
    ['offersAction', 'Can you try calling back and asking for the manager?', false],
    ['offersAction', 'Click https://t.co/abc to send me a message.', false],
    ['offersAction', 'Please send me a private message so I can send you the link.', false],
    ['offersAction', 'I dig it. Thanks for stopping by!', false],
    // advice, a step said to help, a fix reported done in few words, a hand-off
    ['offersAction', "I'd advise taking the receipt back to the branch.", true],
    ['offersAction', 'We would recommend using a shorter cable.', true],
    ['offersAction', 'Restarting the tablet can help with this.', true],
    ['offersAction', 'Nothing can help more than patience.', false],
    ['offersAction', 'All updated, your seat is already confirmed.', true],
    ['offersAction', 'Name change done, see you on board.', true],
    ['offersAction', "Let's get this sorted for you.", true],
    ['offersAction', 'Please disregard the reminder letter.', true],
    ['offersAction', 'You may check the order date under My Orders.', true],
    ['offersAction', 'Did you update the firmware first?', true],
    ['offersAction', 'We look forward to your next visit!', false],
    ['offersAction', "We'd recommend keeping an eye on your inbox.", false],
    ['offersAction', 'I advise going in store to speak with the manager.', false],
    ['offersAction', 'Let me look into it. Please DM us your postcode.', false],
    ['offersAction', 'Please make sure you follow us so we can DM you.', false],
    ['blameShift', 'For future reference, always check the size guide first.', true],
    ['blameShift', 'We have to be fair to everyone, so booking rules apply.', true],
    ['blameShift', 'What is the supplier code on the label?', false],
    ['offersAction', 'Once you navigate to Settings, make sure captions are on.', true],
    ['offersAction', 'You can change your account email through Settings > Profile.', true],
    ['offersAction', "We'll work on having you back online by noon.", true],
    ['offersAction', 'Log the details for an agent to check and refund you.', true],
    ['offersAction', 'Could you send me the file so I can try to replicate?', true],
    ['offersAction', 'You must have missed the email we sent.', false],
    ['statesChange', "We'll aim to do better in future.", false],
    ['statesChange', 'Going forward, every order will be checked before it leaves.', true],
    ['statesChange', 'I hope we can serve you better in the future.', false],
    ['statesChange', 'Let us know if anything else comes up in future.', false],
    ['statesChange', "We've moved every delivery in your area to a new courier.", true],
    ['statesChange', "From next month we're moving all customers onto smart meters.", true],
    ['blameShift', 'Your bill came out much higher than usual.', false],
    ['blameShift', 'Call volumes have been much higher than usual this week.', true],
    ['blameShift', 'Sorry for any trouble caused by the app outage this morning.', false],
    ['blameShift', 'The excess on your policy is £250.', false],
    ['blameShift', "I've checked with the warehouse and it is booked for Monday.", false],
    ['blameShift', "I'll raise a claim with the courier and send a new one.", false],
    ['blameShift', 'Sale items can only be exchanged, as stated on the signs in store.', true],
    ['offersAction', 'Thanks for the feedback, we will pass it on to the team!', false],
    ['offersAction', "I've reversed the £12 fee.", true],
    ['offersAction', "I've emailed you a corrected schedule.", true],
    ['offersAction', "I'll ring you tomorrow to book a new date.", true],
    ['offersAction', "I've asked for a meter reader to visit you.", true],
    ['offersAction', 'Your payment of £1,240 was released this morning.', true],
    ['offersAction', 'You arrived after the gate closed, so the seat was released.', false],
    ['offersAction', "It's been reported to our faults team.", true],
    ['offersAction', 'Our engineers are on site and we expect power back by 4pm.', true],
    ['offersAction', 'Your claim is now with an assessor.', true],
    ['deflectsChannel', 'Please message them from your order page.', true],
    ['deflectsChannel', 'Please pop into your nearest store with the receipt.', true],
    ['deflectsChannel', 'Please keep an eye on the app for updates.', true],
    ['deflectsChannel', 'Thank you for taking the time to write to us.', false],
    ['evasivePassive', "Your bin wasn't emptied on Tuesday.", true],
    [
      'deflectsChannel',
      'If you have time to chat securely with me, I would be happy to review.',
      true,
    ],
    ['deflectsChannel', 'The steps are here https://t.co/abc', true],
    // channels: e-mail addresses, UK numbers, forms
    ['deflectsChannel', 'Please email complaints@example.com with the receipt.', true],
    ['deflectsChannel', "That's one for our lost property office, on 020 7000 1234.", true],
    ['deflectsChannel', 'Please fill in the form on our contact page.', true],
    ['deflectsChannel', "We'll pass your comments to the management team, thanks.", false],
    // statesChange: for everyone, not this customer alone
    ['statesChange', 'The team now checks the fridge every two hours.', true],
    ['statesChange', 'From next month, late trains trigger an automatic refund.', true],
    ['statesChange', "I've updated your address.", false],
    ['statesChange', "I'm chasing the courier myself now.", false],
    ['statesChange', 'Every order with glassware is now double-boxed.', true],
    ['statesChange', 'We have taken on two extra pharmacists for weekends.', true],
    ['statesChange', "We'll make sure it doesn't happen again.", true],
    ['statesChange', "I've added a note to your account so you won't be called again.", false],
    ['statesChange', 'In future, please send your reading through the app.', false],
    // our own people named in the apology own the failure; an outsider does not
    ['blameShift', "I'm sorry our engineer didn't turn up.", false],
    ['blameShift', 'The right jacket left our warehouse this morning.', false],
    ['blameShift', 'Sorry, your meal was delivered to the wrong flat by the rider.', true],
    ['blameShift', 'Our team did everything we could to find it.', true],
    // the customer on the receiving end of a failure nobody is named for
    ['evasivePassive', 'I’m sorry you were charged twice for one bag.', true],
    ['evasivePassive', 'Your order was marked as delivered when it had not arrived.', true],
    ['evasivePassive', 'Your parcel was sent to the wrong address by the courier.', false],
    // actions in more words
    ['offersAction', "I've added £20 to your account for the trouble.", true],
    ['offersAction', 'Right-click the game > Properties > Verify files.', true],
    ['offersAction', 'The duplicate has been reversed.', true],
    ['offersAction', "We're unable to offer a refund for the night.", false],
    ['concreteNextTime', "I've arranged a replacement for Friday.", true],
    ['concreteNextTime', "It'll reach you by the 20th.", true],
    ['concreteNextTime', 'This is the 3rd time you have called.', false],
    ['concreteNextTime', "We've moved your delivery to Saturday as requested.", true],
    ['statesChange', 'Restaurants in your area now have to seal every bag.', true],
    ['statesChange', 'The checkout bug has now been fixed for all customers.', true],
    ['statesChange', 'Your results were not passed on, so nobody called you.', false],
    ['evasivePassive', 'Your delivery could not be completed.', true],
    ['evasivePassive', 'Your direct debit was taken early this month.', true],
    ['evasivePassive', 'I can see why you were annoyed that we had to move you twice.', false],
    ['offersAction', "I'd like to offer you dinner for two on us.", true],
    ['offersAction', 'Dr Malik will phone you tomorrow before 11am.', true],
    ['offersAction', "For account changes you'll need to use the form at https://t.co/x", false],
    [
      'deflectsChannel',
      'Please use the Returns Centre link in your email and follow the steps there.',
      true,
    ],
    ['thanks', 'Cheers, Phil', true],
  ])('%s in %j is %s', (flag, draft, expected, context) => {
    expect(coach(draft, context ?? {}).has[flag]).toBe(expected);
  });
});

describe('coach findings', () => {
  test.each([
    ['We are sorry if you feel upset.', 'apology.conditional', 'sorry if you feel'],
    ['Our courier lost it.', 'apology.excuse', 'courier'],
    ['Mistakes were made.', 'passive.evasive', 'Mistakes were made'],
    ['We will be in touch shortly.', 'time.vague', 'shortly'],
    ['Please DM us.', 'channel.deflect', 'DM'],
  ])('%j gives %s pointing at %j', (draft, rule, words) => {
    const f = coach(draft, {}).findings.find((x) => x.rule === rule);
    expect(f?.span).not.toBeNull();
    expect(f?.span?.text).toContain(words);
    expect(draft.slice(f?.span?.start, f?.span?.end)).toBe(f?.span?.text);
    expect(f?.explanation.length).toBeGreaterThan(10);
    expect(f?.suggestion.length).toBeGreaterThan(10);
  });

  test('one excuse found by several patterns gives one finding', () => {
    const r = coach('Sorry, but the courier never delivered it, so it is out of our hands.');
    const spans = r.findings.filter((f) => f.rule === 'apology.excuse').map((f) => f.span);
    expect(spans.length).toBeGreaterThan(0);
    for (const [i, a] of spans.entries()) {
      for (const b of spans.slice(i + 1)) expect((a?.end ?? 0) <= (b?.start ?? 0)).toBe(true);
    }
  });

  test('a good closing reply draws no warnings or errors', () => {
    const draft =
      'Hi Ana, I am sorry we sent the wrong size, and I can see how frustrating that was. Thank you for telling us. ' +
      'I have sent the right size today and refunded the postage. We have added a size check at packing so this does not happen again.';
    const r = coach(draft, {
      customerFirstName: 'Ana',
      confirmedFeelings: ['frustrated'],
      isClosing: true,
    });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('closing without a change and money above authority are flagged', () => {
    const r = coach('Here is a $500 voucher.', {
      isClosing: true,
      remainingAuthority: { amount: 100, currency: 'USD' },
    });
    const rules = r.findings.map((f) => f.rule);
    expect(rules).toContain('closing.no-change');
    expect(rules).toContain('authority.exceeded');
    expect(r.findings.find((f) => f.rule === 'authority.exceeded')?.severity).toBe('error');
  });

  test.each([
    ['an apology alone to a repeat complainer', 'I am so sorry this happened again, Priya.', true],
    [
      'saying what changed since last time',
      'I am sorry, Priya. Since your last message we have replaced the courier on your route.',
      false,
    ],
  ])('repeat complaint (R22): %s', (_name, draft, flagged) => {
    const rules = coach(draft, { isRepeat: true, customerFirstName: 'Priya' }).findings.map(
      (f) => f.rule,
    );
    expect(rules.includes('repeat.no-change')).toBe(flagged);
    expect(
      coach(draft, { customerFirstName: 'Priya' }).findings.some(
        (f) => f.rule === 'repeat.no-change',
      ),
    ).toBe(false);
  });

  test('open promises are surfaced', () => {
    const r = coach('Thanks.', {
      openPromises: [{ what: 'call back', dueAt: '2025-01-03T16:00:00Z' }],
    });
    expect(r.findings.some((f) => f.rule === 'promise.open')).toBe(true);
  });
});

describe('blame and excuses, by kind', () => {
  test.each<[string, string, boolean]>([
    // an outsider as the subject of a failure, named or not
    ['outsider', 'Sorry, the seller never sent the tracking number.', true],
    ['outsider', 'Yodel have damaged the box on the way to you.', true],
    ['outsider', 'The warehouse in Derby is running two days behind.', true],
    ['outsider', 'The delivery firm we use had a breakdown yesterday.', true],
    ['outsider', 'Your order was cancelled by the marketplace.', true],
    ['outsider', 'Gatwick grounded every departure for an hour.', true],
    ['outsider', 'Our app is hosted by an outside company.', true],
    ['outsider', 'The hold-up was a backlog at the sorting office.', true],
    ['outsider', "The fault sits on the network operator's side.", true],
    ['outsider', 'We depend on the port for every container, and it was shut.', true],
    ['outsider', "I've contacted the seller and they'll refund you today.", false],
    ['outsider', 'The supplier has now dispatched the part.', false],
    ['outsider', 'I spoke with the hotel and they will keep the room for you.', false],
    ['outsider', 'The bank holiday opening hours are on our website.', false],
    // a colleague singled out, or "not my shift"
    ['colleague', 'The advisor you spoke to on Monday promised something we cannot do.', true],
    ['colleague', 'Our weekend staff forgot to lock the unit.', true],
    ['colleague', "I wasn't on duty when it happened.", true],
    ['colleague', 'The technician was off sick, so the visit was moved.', true],
    ['colleague', "I've asked my colleague in billing to ring you.", false],
    ['colleague', "There's no excuse for how our technician spoke to you.", false],
    // the customer's own doing
    ['customer', 'The label on the box does say hand wash only.', true],
    ['customer', 'The listing clearly states the size in centimetres.', true],
    ['customer', 'Your postcode was entered incorrectly.', true],
    ['customer', 'As you ticked the no-refund fare, we cannot refund it.', true],
    ['customer', 'The voucher had expired by the time you used it.', true],
    ['customer', 'Next time, please check the date before booking.', true],
    ['customer', 'Lots of customers mix up the two dates.', true],
    ['customer', 'As you selected express delivery, it arrives tomorrow.', false],
    // weather, seasons, busy days
    ['weather', 'Heavy snow kept the drivers off the roads.', true],
    ['weather', 'The rain flooded the car park, so we closed early.', true],
    ['weather', 'The summer rush means orders are slower.', true],
    ['weather', "It's been a hectic weekend in the shop.", true],
    ['weather', 'The kitchen was snowed under with orders.', true],
    ['weather', 'The weather has improved, so the ferry sails at 9am.', false],
    // policy, rules and cover
    ['policy', "I'm afraid I'm not permitted to change the name on the ticket.", true],
    ['policy', 'Your plan does not cover water damage.', true],
    ['policy', 'By law we must keep the item for 30 days.', true],
    ['policy', 'The terms say no refunds after the event.', true],
    ['policy', 'Tickets cannot be exchanged once printed.', true],
    ['policy', 'Our policy is to refund any cancelled booking, so yours is refunded.', false],
    // "sorry, but…" and "that said"
    ['sorry-but', "I'm sorry, but the offer ended last week.", true],
    ['sorry-but', "We're sorry. Having said that, the sign was on the door.", true],
    ['sorry-but', 'Sorry, but we are unable to move the booking.', true],
    ['sorry-but', "Apologies, but we don't price-match online offers.", true],
    ['sorry-but', "Sorry, but you can't bring pets on board.", true],
    ['sorry-but', 'Sorry, but the model is now discontinued.', true],
    ['sorry-but', "Sorry, but I've already cancelled the order.", false],
    ['sorry-but', 'Sorry, but we have refunded you in full.', false],
    ['sorry-but', 'Sorry, but the charge has been reversed.', false],
    ['sorry-but', "Sorry, but good news: it's in stock again.", false],
    ['sorry-but', "Sorry, but there's nothing to pay, as the charge has been refunded.", false],
    // minimising and excuses
    ['excuse', 'Errors happen from time to time.', true],
    ['excuse', 'We tried everything we could.', true],
    ['excuse', 'Delays like this are normal in winter.', true],
    ['excuse', "It isn't something we can change, I'm afraid.", true],
    ['excuse', 'Nobody was home when the driver called.', true],
    ['excuse', 'We were not told the venue had changed.', true],
    ['excuse', 'Our site relies on the payment gateway, which was down.', true],
    ['excuse', 'You can rely on your feedback reaching the team.', false],
    // someone else's product or partner, the customer's own contractor, "I'm only the…"
    ['excuse', 'The bakery we work with sent the wrong cake.', true],
    ['excuse', 'The plumber you hired yourself damaged the pipe.', true],
    ['excuse', 'The surgery moved your slot without telling us.', true],
    ['excuse', "I'm just the messenger on this one.", true],
    ['excuse', 'It failed because your subscription had lapsed.', true],
    ['excuse', 'The screen froze because of an Android bug.', true],
    ['excuse', 'Your mobile provider blocks that kind of text.', true],
    ['excuse', "The landlord's repairs are finished, so the hall reopens on Monday.", false],
    ['excuse', "Sorry, but your card expired, so I've sent you a new one.", false],
    ['excuse', 'The screen froze because of a bug in our app.', false],
    // a sentence that owns the failure is not an excuse, even naming a cause
    ['owned', 'The courier was late, but that is no excuse: we should have called you.', false],
    ['owned', 'The mistake was ours, not the warehouse team.', false],
    ['owned', 'Sorry; the storm held us up, but we should still have kept you posted.', false],
  ])('%s: %j is %s', (_kind, draft, expected) => {
    const r = coach(draft);
    expect(r.has.blameShift).toBe(expected);
    // every excuse found shows the words it rests on
    for (const f of r.findings.filter((x) => x.rule === 'apology.excuse')) {
      expect(f.span).not.toBeNull();
      expect(draft.slice(f.span?.start, f.span?.end)).toBe(f.span?.text);
      expect(f.span?.text.length).toBeGreaterThan(2);
    }
  });
});
