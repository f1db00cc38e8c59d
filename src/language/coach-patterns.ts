// Word patterns behind the reply coach. Kept apart from the rules so they can be read
// (and argued about) on their own.
import type { Feeling } from './types.ts';

const w = (src: string): RegExp => new RegExp(`\\b(?:${src})\\b`, 'gi');

export const APOLOGY = w(
  'sorry|apologi[sz]e[sd]?|apologi[sz]ing|apolog(?:y|ies)|(?:we|i)(?: (?:truly|deeply|sincerely|really|do))? regret|regret (?:the|any|that)|please forgive|forgive us|our bad|my bad|lamentamos|lo sentimos|disculp\\w+',
);

export const CONDITIONAL_APOLOGY = w(
  '(?:sorry|apologi[sz]e|apologies)(?: (?:if|that))? you(?: may)? (?:feel|felt|think|thought|found|find|believe|perceived?|see|saw)\\b|(?:sorry|apologi[sz]e|apologies)(?: (?:if|that))? you (?:were|are|got|have been|feel|felt)(?: (?:so|very|really))? (?:unhappy|upset|dissatisfied|displeased|disappointed|not happy|annoyed|offended)|(?:sorry|apologi[sz]e|apologies)(?: (?:if|that) you(?: may)? (?:were|are|got|have been))|(?:sorry|apologi[sz]e|apologies)(?: if)|(?:sorry|apologi[sz]e|apologies) (?:for|about) any (?:inconvenience|confusion|frustration|trouble|issues?)(?: (?:this|that|it) may have caused)?|(?:may|might) have (?:caused|experienced|felt|had|suffered|faced|encountered)|if you (?:feel|felt) (?:that )?(?:upset|offended|let down)|to your liking',
);

// Blame or excuse: the cause is put outside the organisation (a third party, the customer,
// weather, infrastructure, busy lines), on "policy" or rules, on "it can happen to anyone",
// or an apology is followed by "but/however" that is not a promise ("sorry, but we will…").
const THIRD_PARTY =
  'courier|carrier|vendor|supplier|partner|contractor|manufacturer|third[- ]party|delivery company|warehouse|provider|power company|franchisee?|wholesaler|distributor|agency|travel agent|booking agent|previous (?:owner|tenant|occupant|account holder)|customs|post office|postal service|insurer|landlord';
// Another party named as the one who did it, unless the reply clears them ("our fault, not our
// supplier's"; "the provider had nothing to do with this") or they are now fixing it ("our
// courier is collecting it tomorrow").
const NOT_THEM =
  "(?! (?:had|has|have) nothing to do| (?:is|are|was|were) not (?:to blame|at fault|responsible)| (?:is|are) (?:now )?\\w+ing\\b| will\\b|'ll\\b)";
export const BLAME_SHIFT = w(
  [
    "(?:sorry|apologi[sz]e|apologies)[^.!?]{0,40}?,? (?:but|however)(?!,? (?:we|i|it|this|that)(?:'ll| will| would be happy| can))",
    // "our courier lost it" — but not when the reply hands it to them ("pass it to our supplier")
    `(?<!(?:pass|passed|passing|forward|forwarded|send|sent|escalate|escalated)\\b[^.!?]{0,30}\\b(?:on)?to )(?<!\\b(?:chas\\w*|contact\\w*|call\\w*|ask\\w*|told|tell\\w*|remind\\w*|instruct\\w*|spoken? (?:to|with)|speaking (?:to|with)|sits with|one for) )(?<!\\bnot )(?:our|the)(?: [\\w-]+)? (?:${THIRD_PARTY})\\b${NOT_THEM}`,
    // the customer's own bank, provider or agent as the one who did it
    `your (?:bank|card issuer|card provider|email provider|internet provider|broadband provider|network provider|isp|travel agent|booking agent|insurer|landlord|employer)(?: (?:probably|may have|might have|must have|has|have|had))? (?:\\w+ed|on (?:their|its) (?:side|end))\\b`,
    // natural events and strikes as the cause
    '(?:the|a|this) (?:strike|industrial action|heat ?wave|storm|flood(?:ing)?|snow(?:fall)?|ice|fog|hurricane|gales?)\\b[^.!?]{0,30}?\\b(?:has|have|had|caused|held|closed|delayed|stopped|meant|grounded|forced)\\b|the weather\\b(?=[^.!?]{0,20}\\b(?:caused|meant|grounded|closed|delayed|stopped|held|forced|made|has|had|was|were))',
    // "it's not ours to answer for"
    "(?:isn't|is not|not|wasn't|was not) (?:our|my) (?:responsibility|fault|doing|problem)|can(?:'t|not) be held (?:responsible|liable)|(?:outside|beyond) (?:anything|what|the things?) we (?:handle|control|manage|do)|nothing we can do|handles? (?:its|their) own|(?:runs?|operates?) [\\w ]{1,20}? independently|independently (?:owned|run|operated)|(?:industry|standard|common) (?:standard|practice)|(?:all|every|most|other) (?:airlines|companies|retailers|banks|providers|operators|shops|stores) (?:do|have|overbook|charge|are)|happening (?:across|all over) the (?:whole )?(?:country|industry|network)|non-?refundable|(?:that's|that is|it's|it is) (?:simply |just )?how (?:the|it|this|that)\\b",
    // the customer's own doing
    "you (?:entered|gave|provided|supplied|typed|chose|selected|used)[^.!?]{0,20}? (?:was|were|is|are) (?:incomplete|wrong|incorrect|invalid|out of date|not valid)|if your [\\w ]{1,25}? had been|(?:if|had) you(?:'d| had) (?!not\\b)\\w+ed|you arrived (?:after|late)|after the (?:gate|check-in|desk|doors?) (?:had )?closed",
    'third[- ]party|weather (?:conditions|delays)|power company|commercial power|air traffic (?:control|congestion|delays?)|\\batc\\b|network rail|a fault on the line|licensing (?:agreements?|restrictions?)',
    '(?:due to|down to|because of|caused by|owing to|the result of) (?:the |a |an |our |no |non-?)?(?:weather|storms?|snow|fog|high (?:volume|demand)|circumstances|a system|technical|payment|lack of|missing|late|incorrect|commercial|power|fault|signal|outage|air traffic|atc|strikes?|traffic|congestion|signal\\w*|road ?works|road closures?|demand|licens\\w*|privacy|polic(?:y|ies)|regulations?|operational|safety|security|restrictions?)',
    "(?:beyond|out of) our (?:control|hands)|out of our hands|(?:which|that|something|things?) we (?:don't|do not|can't|cannot|couldn't|could not) (?:control|manage|change|influence)|nothing we could (?:do|have done)|(?:isn't|is not|wasn't|was not|not) (?:really )?(?:down to|up to) us|, not us\\b|rather than (?:us|ours)|(?:though|but|and|yet),? to be fair|to be fair,|in (?:all )?fairness,|(?:those|these) are the rules|(?:rules?|polic(?:y|ies)|prices?|fees?|price caps?|restrictions?|limits?|terms)(?: (?:is|are|were|was))? (?:set|decided|imposed|controlled) by|(?:sets|set|decides|controls) the (?:price|rules?|fees?|limits?)|operational (?:reasons|needs|requirements)|(?:safety|security) reasons|schedule changes? (?:occur|happen)|(?:can|could|may|does) happen (?:with|to) (?:any|every|all)\\w*|sometimes (?:that|this|it) (?:is not|isn't)",
    "(?:our|company|the)(?: [\\w-]+)? polic(?:y|ies)(?![^.!?]{0,20}?\\b(?:doesn't|does not|don't|won't) apply)|per (?:our )?policy|(?:as stated in|per|under|according to) (?:our|the) (?:terms|conditions|t&cs|rules)|" +
      'policy (?:states|says|is)|(?:eu |uk |government )?regulations',
    "you (?:should(?: have|'ve) (?!received|got|gotten|that|the|a|an)\\w+|didn't (?:read|follow|check|tell|pay|call|report|contact|select|enter|cancel|book)|did not (?:read|follow|check|tell|pay|call|report|contact|select|enter|cancel|book)|failed to|forgot to|must have(?! been))|you did (?:agree|accept|sign)|your (?:fault|mistake|error)|not our fault",
    "my colleague|another (?:agent|department|team)|the other (?:agent|department|team)|the system (?:did|didn't|failed|made|won't|doesn't)",
    '(?:we|lines|phones|stores?|it) (?:were|are|was|is) (?:very |extremely |really |incredibly |so )?busy',
  ].join('|'),
);

export const THANKS = w('thanks?|thank you|thanking you|thx|ty|appreciated?|grateful|gratitude');

// A failure told in the passive with nobody doing it ("mistakes were made", "your parcel was
// lost", "the call was disconnected"). Delays and cancellations of a service are not counted.
const BE = '(?:was|were|has been|have been|had been|got|get|is being|are being)';
const NOT_BEEN =
  "(?:was never|were never|has never been|have never been|was not|wasn't|were not|weren't|has not been|hasn't been|have not been|haven't been|had not been)";
export const EVASIVE_PASSIVE = w(
  [
    '(?:mistakes?|errors?) (?:was|were|have been|has been) made',
    `${BE} (?:\\w+ly )?(?!delayed|cancel)\\w+(?:ed|en|wn|t) (?:[^.!?]{0,25}? )?(?:in error|by mistake|by accident|wrongly|incorrectly|twice|(?:to|with|at|on|for|from|into) (?:the |a )?wrong|without (?:your|any|warning|notice|consent|permission|asking|telling))`,
    `the wrong [\\w -]{1,30}? ${BE} \\w+(?:ed|en|t)\\b`,
    `${BE} (?:lost|misplaced|mislaid|damaged|mishandled|overlooked|missed|dropped|broken|ignored|forgotten|mis-?sent|misdirected|disconnected|cut off|overcharged|double[- ]charged|mixed up|misspelt|misspelled|mis-?routed|mis-?labell?ed|deleted|wiped|erased|skipped|rejected|refused|declined|blocked|passed around|mixed up|scratched|dented|stolen|left out)(?! by (?!mistake|error|accident))`,
    `${BE} (?:changed|moved|removed|deleted|closed|suspended|downgraded|charged|sent|applied|cancel+ed) (?:in error|by mistake|incorrectly|wrongly|twice|without)`,
    `${BE} changed because`,
    `${BE} delivered (?:early|late|to the wrong|damaged)`,
    `(?:${BE} not|${NOT_BEEN}) (?:processed|sent|delivered|actioned|completed|received|updated|applied|followed|logged|recorded|refunded|credited|passed on)`,
  ].join('|'),
);

// Pointing the customer to another channel: DM, a link, a phone line, another team or company.
// A link right after an agent's "^AB" signature is only the signature's card, not a pointer.
export const CHANNEL = w(
  [
    'dm|dms|pm|direct message|mensajes? directos?|call(?:ing)? (?:us )?back|private message|send us a (?:dm|note|message)|message us|tweet us|(?:call|phone|ring|email|e-mail|contact) us',
    '(?:call|contact|email|speak (?:to|with)|reach out to|report (?:it|this|the matter) to) (?:our|the|their|your)(?: local)? [\\w-]+',
    "(?:you(?:'d| would| will)?|please) (?:need to )?(?:contact|call|speak (?:to|with)|reach out to|write to|visit) [\\w-]+",
    "reach out to (?:us|our|the)|visit (?:our|the) (?:website|site|help|support|store)|follow (?:us|and dm)|click (?:here|'?message'?|the link)",
    'live chat|chat team|(?:our|the) forum|in-app|help page|(?:secure|secured) (?:web )?(?:link|browser)|(?:at|use|via) (?:the|this) link|(?:telephone|phone) number is|\\d{3,4}[ .-]\\d{3}[ .-]\\d{3,4}',
    '(?:via|at|on) (?:https?://\\S+|[\\w.]+\\.(?:com|co\\.uk|net|org)\\S*)',
    '[\\w.+-]+@[\\w-]+\\.[\\w.]*\\w|0\\d{2,4}[ .-]?\\d{3,4}[ .-]?\\d{3,4}|[\\w-]+\\.(?:com|co\\.uk|net|org)/\\S*',
    '(?<!\\b(?:pass\\w*|sent|send|forward\\w*|shared?|given|escalat\\w*|rais\\w*|feedback|comments)\\b[^.!?]{0,40})(?:our|the|their)(?: [\\w-]+){0,2} (?:forum|portal|help ?cent(?:re|er)|faq|contact page|webchat|web chat|website|head office|office|team|department|desk)\\b(?= (?:can|will|handles?|is|are|at|on|who|that|where)\\b|[,.;:—-])',
    "web ?chat|(?:fill|filling) (?:in|out) (?:the|our|a|this) (?:[\\w-]+ )?form|write to (?:our|the|us)|report (?:it|this|that) to|take (?:it|that|this) up with|(?:you(?:'ll| will|'d| would)?) (?:need|have) to (?:call|contact|visit|ring|email|write|speak|go)|the (?:best|right) (?:place|people|team|person) (?:for|to)|(?:that's|this is|it's) (?:one|a question|a matter) for|(?:sits|lies) with (?:our|the|their|your)|(?:reach|contact) (?:them|they)|(?:please )?(?:visit|ring) (?:your|the|our)",
  ].join('|'),
);
/** A bare link counts as a pointer unless it follows a "^AB" signature. */
export const LINK = /(?<!\^\w{1,12}\s{0,3})https?:\/\/\S+/gi;

// A specific action or solution (see README for the rule). Four kinds:
// the agent does or did it ("I've refunded", "we can offer"), it is stated as done or on its
// way in any voice ("a replacement is on its way", "has been reported to our faults team"),
// an offer of a named fix ("happy to query this for you"), or a concrete instruction to try
// ("please power cycle…", "have you tried clearing…"). A DM sent "with further instructions"
// is not an action; it is the channel.
const STRONG_VERB =
  'refund(?:ed)?|replac(?:e|ed)|credit(?:ed)?|reissu(?:e|ed)|rebook(?:ed)?|re-?book(?:ed)?|arrang(?:e|ed)|escalat(?:e|ed)|fix(?:ed)?|ship(?:ped)?|waiv(?:e|ed)|upgrad(?:e|ed)|reimburs(?:e|ed)|compensat(?:e|ed)|restor(?:e|ed)|reconnect(?:ed)?|reactivat(?:e|ed)|deactivat(?:e|ed)|unlock(?:ed)?|reset|resen[dt]|sen[dt](?! (?:you |u |us )?(?:a |an )?(?:dm|direct message|private message|message|note|link))|call(?:ed)? you|put (?:a|in)|open(?:ed)? (?:a|an)|authori[sz]e|deposit(?:ed)?|contact(?:ed)? (?:the|our|your)|spoke(?:n)? (?:to|with)|emailed (?:the|our)';
const OBJECT_VERB =
  'updat(?:e|ed)|chang(?:e|ed)|add(?:ed)?|appl(?:y|ied)|log(?:ged)?|report(?:ed)?|rais(?:e|ed)|forward(?:ed)?|process(?:ed)?|book(?:ed)?|cancel(?:l?ed)?|issu(?:e|ed)|remov(?:e|ed)|mov(?:e|ed)|plac(?:e|ed)|reserv(?:e|ed)|reopen(?:ed)?|request(?:ed)?|honou?r(?:ed)?|disabl(?:e|ed)|enabl(?:e|ed)|order(?:ed)?|schedul(?:e|ed)|pa(?:y|id)|correct(?:ed)?|repair(?:ed)?|unblock(?:ed)?|unfr(?:eeze|oze)|sort(?:ed)?|organi[sz](?:e|ed)|rewr(?:ite|itten|ote)|retrain(?:ed)?|put|post(?:ed)?|chas(?:e|ed)';
// what "we are doing" right now ("I'm chasing the courier", "we're putting a new one in the post")
const DOING =
  'chasing|putting|sending|arranging|refunding|replacing|booking|rebooking|processing|escalating|fixing|sorting|organi[sz]ing|paying|crediting|posting|ordering|cancelling|removing|repairing|reissuing|resending|issuing';
const INSTRUCTION =
  'turn(?:ing)? (?:it )?off|power[- ]?cycl\\w*|restart\\w*|reboot\\w*|re-?install\\w*|uninstall\\w*|updat\\w*|clear\\w*|import\\w*|reset\\w*|sign(?:ing)? (?:in|out)|log(?:ging)? (?:in|out)|disconnect\\w*|unplug\\w*|delet\\w*|return\\w*|check(?:ing)? (?:in|your|that|if)|perform\\w*|run(?:ning)? a|creat\\w* a new|purchas\\w*|select\\w*|go(?:ing)? to (?:settings|the app|your)|tap\\w*|download\\w*|import\\w*';
export const ACTION = w(
  [
    `(?:i|we)(?:'ll|'ve|'re|'m|'d| will| have| had| am| are| just| can| could)?(?: (?:gone ahead and|now|already|personally|just|also|happily|immediately|be able to))? (?:${STRONG_VERB}|(?:${OBJECT_VERB}) (?:your|yours|you|the|this|it|that|them|a|an)\\b)`,
    `(?:i|we)(?:'m|'re| am| are)(?: (?:now|personally|also|already|just))? (?:${DOING})\\b`,
    '(?:asked|told|instructed|requested|arranged for) (?:the|our|your|a) [\\w -]{1,30}? to (?:refund|replace|call|ring|contact|redeliver|repair|fix|collect|deliver|send|re-?\\w+)',
    "(?:i|we)(?:'ll| will) (?:have|get) (?:your|the|it|this|that|them)\\b[^.!?]{0,30}?\\b(?:back|fixed|sorted|replaced|repaired|resolved|refunded|to you|with you)",
    '(?:is|are|has been|have been) (?:now )?(?:booked|scheduled|confirmed|reserved) (?:for|in|on)|(?:is|are) (?:now )?being (?:printed|prepared|processed|sent|posted|shipped|dispatched|repaired|replaced|fixed|refunded|made|rebuilt)',
    "(?:will|should|'ll) (?:arrive|reach you|be with you|be (?:delivered|ready|back with you|in your account))|(?:was|were) (?:dispatched|posted|shipped|approved|unlocked|unfrozen|unblocked|reopened|restored|corrected|repaired|paid back|refunded|credited)(?! (?:in error|by mistake|twice|wrongly|incorrectly))",
    '(?:has|have|had) been (?:re-?sent|unfrozen|unblocked|unlocked|reopened|corrected|approved|cleared|paid|refunded|credited|escalated|reported to|raised with|processed|arranged|issued|reissued|rebooked|replaced|reset|fixed|restored|reconnected|deactivated|reactivated|unlocked|waived|reimbursed|sent out|dispatched|upgraded|cancell?ed as requested)',
    "(?:it's|it is|that's|this is) now (?:fixed|sorted|working again|back up)|" +
      '(?:is|are) (?:now )?(?:in place|on (?:its|their|the) way)|will be (?:arranged|refunded|credited|sent|replaced|redeposited|deposited|fixed|restored|resolved|reimbursed|processed|rebooked)',
    '(?:a|your|the) (?:full )?(?:refund|replacement|credit|voucher|reimbursement) (?:of|for|has|is|will|was)',
    "you(?:'ll| will) (?:receive|get) (?:a|an|your|the)|you(?:'ll| will) be (?:refunded|credited|reimbursed)",
    '(?:i|we) can (?:offer|provide|quote)|(?:happy|glad) to (?:query|refund|replace|rebook|arrange|cancel|credit|send|quote|add|change|issue|waive)',
    "let me (?:look|check|fix|sort|take|request|raise|escalate)|(?:team|we|i) (?:is|are|am|'re|'m) (?:aware (?:of this )?and )?looking into|working (?:to (?:get|fix|restore|resolve)|on (?:it|this|that|your|the (?:issue|problem|fault)|a fix|fixing|getting))",
    "(?:i|we)(?:'ll| will) (?:get in touch|speak|talk) with (?:the|our)|(?:i|we)(?:'ll| will|'ve| have) pass(?:ed)? (?!(?:on )?(?:your |the |these |those )?(?:comments|feedback))|pass(?:ed)? (?:this|it|your (?:details|case|complaint|claim|info\\w*)) (?:on)?to|get (?:your|the) \\w+ back to you",
    `(?:please|pls|kindly|could you(?: please)?|can you(?: please)?|are you able to|you can|you could|(?:we|i)(?:'d| would)? (?:recommend|suggest)|recommend|have you tried|try)(?: try)? (?:${INSTRUCTION})`,
    `(?:^@\\w+\\s+|[.!?]\\s+)(?:${INSTRUCTION}|try (?:again|\\w+ing))`,
    '\\band (?:then )?(?:restart|reboot|re-?install|power[- ]?cycle|sign in|log in|reset|update|try again)\\b',
    "proceed with (?:a |the )?new|you(?:'ll| will)? need to (?:click|purchase|buy|update|restart|reinstall|select|use|cancel)|(?:perform|run|do) a (?:speed test|power cycle|reset|restart)",
  ].join('|'),
);

/** Looking into it, checking, assisting: an action only when the reply does not send the
 * customer elsewhere first ("DM us so we can look into it" is a deflection). */
export const GENERIC_ACTION = w(
  "(?:i|we)(?:'ll| will|'d| would| can)?(?: be (?:happy|glad) to| like to| love to)? (?:look|check|take a (?:closer |deeper )?look|investigate|dig|dive|get (?:it|this) checked|have a look)|look(?:ed|ing)? (?:in)?to (?:it|this|that)|check(?:ed|ing)? (?:on|with|into)|investigat(?:e|ed|ing)|(?:can|will|'ll) (?:have|take) a look",
);

export const VAGUE_TIME = w(
  'soon|shortly|asap|as soon as (?:possible|we can|we know)|as quickly as (?:possible|we can)|in due course|at some point|in the (?:coming|next few) (?:days|weeks)|when(?:ever)? possible|at (?:our|the) earliest|eventually|before long|a while|straight ?away|right away',
);

const DAY =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';
const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const NUM = '\\d+|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight';
// A clock time, a named day or date, "tomorrow", or a bounded span ("within 24 hours", "up to
// 10 minutes"). "today"/"tonight" count only in a future clause ("we will refund it today"),
// not in "enjoy the ride today". Vague words ("soon", "shortly") never count.
export const CONCRETE_TIME = w(
  [
    `(?:by|before|until|till|at|on|this|next|from|coming|either) (?:${DAY})`,
    '\\d{1,2}(?:[:.]\\d{2})? ?(?:am|pm|a\\.m|p\\.m)|\\d{1,2}:\\d{2}',
    `(?:within|in|up to|allow|for up to|takes?)(?: the)?(?: next)? (?:${NUM})(?: ?(?:to|-) ?(?:${NUM}))? (?:business |working )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)`,
    '(?:by|before|until|till) (?:the )?(?:end of (?:the )?(?:day|today|week|business)|eod|cob|close of business|noon|midday|tonight|tomorrow|today)',
    "tomorrow|(?:later|by|before) (?:today|tonight)|(?:will|'ll|going to|be back|be open)\\b[^.!?]{0,40}?\\b(?:today|tonight)",
    `(?:${MONTH}) \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTH})\\b|\\d{1,2}/\\d{1,2}/\\d{2,4}`,
  ].join('|'),
);

export const CHANGE = w(
  "(?:we(?:'ve| have)?|i(?:'ve| have)?|the team(?: has)?) (?:rewritten|redesigned|removed|moved|replaced|made|reworked|rebuilt|simplified|extended|installed|hired|switched|doubled|started|begun|stopped|added|changed|updated|fixed|put)(?! (?:your|yours|you|it for you)\\b)[^.!?]{0,60}?\\b(?:so (?:that )?|to (?:stop|prevent|make sure|ensure)|which means)|(?:we(?:'ve| have)?|the team has) (?:started|begun) \\w+ing|(?:so|to make sure|to ensure) (?:that )?(?:nobody|no one|none|no other|other customers|others|anyone else|everyone)\\b|(?:won't|shouldn't|will not|should not|can't|cannot|never) (?:happen|recur)(?: again| any ?more)|(?:prevent|stop|avoid) (?:this|it|that|the same)(?: thing)? (?:from )?happening (?:again|to (?:anyone|others|other))|\\b(?:the|our|all) [\\w-]+s now (?!\\w+ing\\b|on\\b|in\\b|at\\b)\\w+|\\b(?:we|they) now (?!\\w+ing\\b|on\\b|in\\b|at\\b|know\\b|have a\\b)\\w+|\\b(?:the|our|each|every|all) [\\w-]+(?: [\\w-]+)? (?:now (?!\\w+ing\\b)(?:\\w+(?:s|ed)|has|have)\\b|(?:are|is) now (?:\\w+ed|done|made|given|taken|shown|sent)\\b)|(?:has|have) been (?:changed|updated|corrected|replaced|retrained|rewritten|redesigned|improved) (?:so|to|on (?:every|all)|across)|put [\\w ]{1,30}? in place|(?:starting|from|as of|beginning) (?:\\d{1,2}(?:st|nd|rd|th)? \\w+|\\w+ \\d{1,2}|next (?:week|month|year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:you(?:'ll| will)|we(?:'ll| will)|every|all|each|the|late)|so (?:that )?(?:this|it) (?:doesn't|does not|won't|will not|can't|cannot|never) happen again|(?:to )?(?:prevent|stop|avoid) (?:this|it|the same) (?:from )?happening again|going forward|from now on|in (?:the )?future|(?:we(?:'ve| have)?|i(?:'ve| have)?) (?:changed|updated|fixed|retrained|trained|introduced|added|improved|corrected|amended|put in place|rolled out|replaced)(?! (?:your|yours|you|it for you)\\b)|will no longer|no longer (?:happen|be)|new (?:process|procedure|check|policy|system)",
);

export const GUARANTEE = w(
  '(?:i|we) (?:guarantee|promise)(?: you)? (?:that )?(?:this|it) will never|will never happen again|(?:100|one hundred) ?% (?:guarantee|sure|certain)|i (?:can )?guarantee|(?:lifetime|free for life|for free forever|unlimited)',
);

export const MONEY =
  /(?:([$£€])\s?(\d[\d,]*(?:\.\d{1,2})?))|(?:\b(\d[\d,]*(?:\.\d{1,2})?)\s?(usd|gbp|eur|dollars?|pounds?|euros?)\b)/gi;

export const CURRENCY_OF: Record<string, string> = {
  $: 'USD',
  '£': 'GBP',
  '€': 'EUR',
  usd: 'USD',
  gbp: 'GBP',
  eur: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
  pound: 'GBP',
  pounds: 'GBP',
  euro: 'EUR',
  euros: 'EUR',
};

export const FEELING_WORDS: Record<Feeling, RegExp> = {
  angry: w('angry|anger|furious|mad|livid|outraged|upset'),
  frustrated: w(
    'frustrat\\w*|annoy\\w*|exasperat\\w*|fed up|irritat\\w*|aggravat\\w*|tiresome|maddening',
  ),
  anxious: w(
    // not "concern(s)": in replies it nearly always means "your issue" ("I understand your concerns")
    '(?<!no )worr(?:y|ied|ying|ies|isome)|anxious|anxiety|stress\\w*|nervous|scared|scary|frighten\\w*|uneasy|unsettl\\w*|afraid|fear(?:ful|ed|s)?|alarming',
  ),
  disappointed: w(
    'disappoint\\w*|let (?:you|u) down|(?:feel|felt|feeling|been) let down|unhappy|dissatisfied|displeased|letdown|not what you expected|fell short|below (?:the |what )?(?:standard|expect\\w*)',
  ),
  confused: w('confus\\w*|puzzl\\w*|baffl\\w*|bewilder\\w*|unclear to you|not clear to you'),
  sad: w('sad|saddened|heartbreak\\w*|heartbroken|upset\\w*|distress\\w*|devastat\\w*|hurt'),
  embarrassed: w('embarrass\\w*|awkward|humiliat\\w*|uncomfortable position|put you on the spot'),
};
