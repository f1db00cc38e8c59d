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
// a colleague, weather, infrastructure, busy lines), on "policy" or rules, on "it can happen to
// anyone", or an apology is followed by "but/however" that is not a promise ("sorry, but we will…").
// A sentence that owns the failure ("that's on us", "no excuse", "we should have") is not an
// excuse even when it names the cause (see OWNED, applied in coach.ts).
const THIRD_PARTY =
  'courier|carrier|vendor|supplier|partner|contractor|manufacturer|third[- ]party|delivery company|warehouse|provider|power company|franchisee?|wholesaler|distributor|agency|travel agent|booking agent|(?:previous|former|old) (?:owners?|management|managers?|tenants?|occupants?|account holders?|provider|supplier|company)|customs|post office|postal service|insurer|landlord';
// Someone outside the organisation who can be made the subject of a failure ("the seller
// didn't…", "Evri have lost…", "the council closed…"). Named carriers and platforms included.
const OUTSIDER =
  '(?:(?:the|our|your|their|a|an|this|that)(?: [\\w-]+){0,2} (?:courier|carrier|vendor|supplier|seller|retailer|merchant|marketplace|partner|contractor|sub-?contractor|subcontractor|manufacturer|factory|maker|third[- ]party|delivery (?:company|firm|partner|service)|driver|warehouse|provider|processor|power company|utility company|franchisee?|wholesaler|distributor|agency|(?:travel|booking|letting|estate) agent|customs|post office|postal service|sorting office|insurer|landlord|airport|airline|hotel|venue|organi[sz]ers?|promoter|council|local authority|government|authorities|border (?:force|staff)|ground (?:staff|crew|handlers?)|baggage handlers?|bank|card issuer|lender|installer|app ?store|play store|exam board|police|restaurant|rider|sender|pharmacy|(?:delivery|courier|shipping|haulage|removal|cleaning|security|outside|external|energy|water|phone|broadband|rail|bus|ferry|taxi|hire|rental) (?:firm|company|companies|operator))s?(?! holiday)|royal mail|parcelforce|evri|hermes|dpd|dhl|fedex|usps|yodel|network rail|paypal|klarna)';
// The first word of an OUTSIDER, checked before the (slower) look-behinds run.
const OUTSIDER_START =
  '(?:the|our|your|their|a|an|this|that|royal|parcelforce|evri|hermes|dpd|dhl|fedex|usps|yodel|network|paypal|klarna)\\b';
// What an outsider is said to have done wrong.
const FAILED =
  "throttl\\w*|slows?(?: down)?|limits|restricts|blocks|charges (?:a|an|extra|for)|(?:delivered|sent|took|went|posted|shipped)(?: it| them| your [\\w-]+)? to the wrong|lost|mislaid|missed|delayed|failed|forgot|forgotten|didn't|did not|never|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|can't|cannot|couldn't|won't|wouldn't|doesn't|don't|broke|damaged|declined|refused|rejected|blocked|filtered|overbooked|oversold|closed|cancell?ed|changed|raised|put up|increased|held (?:up|back|on to|onto)|(?:holds?|keeps?) (?:the|your|it|onto|on to)|mixed up|messed up|sent (?:us |you )?(?:a |the )?(?:wrong|faulty|damaged|broken|incorrect|defective)|gave (?:you |us )?(?:the |a )?(?:wrong|incorrect)|should(?: have|'ve)|had (?:an? )?(?:outage|problem|fault|issue|glitch|error|delay|strike|shortage|breakdown)s?|(?:is|are|was|were) (?:running )?(?:late|behind|down|out of stock|short)|running (?:\\w+ )?behind|went down|ran out|told (?:us|our|the)|made (?:that|this|the|a) (?:promise|mistake|error|change)|(?:has been|have been|is|are|was|were) (?:having|experiencing|suffering) (?:problems|issues|difficulties|trouble|delays|outages?|an outage)|had (?:problems|issues|difficulties|trouble)|(?:decides?|sets?|controls?|determines?) (?:the|all|its|their|what|how|whether)|comes? from|caused";
// The failure verbs strong enough after a bare "they" ("they've missed the delivery twice").
const THEY_FAILED =
  "lost|missed|failed|forgot|damaged|declined|refused|rejected|blocked|overbooked|oversold|mixed up|messed up|should(?: have|'ve)|gave (?:you |us )?(?:the )?wrong|sent (?:you |us )?(?:the )?wrong|didn't (?:tell|inform|let|send|deliver|pass|update|notify|show|turn up|arrive|call)|never (?:told|informed|sent|delivered|passed|updated|notified|showed|turned up|arrived|called)";
// Another party named as the one who did it, unless the reply clears them ("our fault, not our
// supplier's"; "the provider had nothing to do with this") or they are now fixing it ("our
// courier is collecting it tomorrow").
const NOT_THEM =
  "(?!(?: [\\w-]+)? (?:repaired|fixed|replaced|refunded|delivered|collected|rebooked|restored|reconnected|sorted|resolved|returned|found|located|emptied|installed|fitted)\\b| (?:had|has|have) nothing to do|(?:'s [\\w-]+)? (?:is|are|has been|have been|was|were) (?:now )?(?:finished|done|complete|completed|over|fixed|sorted|resolved|back)\\b| (?:is|are|was|were) not (?:to blame|at fault|responsible)| (?:is|are) (?:now )?\\w+ing\\b| will\\b|'ll\\b|(?: [\\w-]+)? (?:has|have) (?:now |just |already )?(?:sent|agreed|confirmed|dispatched|delivered|refunded|replaced|collected|fixed|arranged|booked|approved|found|located|returned)\\b)";
// The reply hands the case to them rather than blaming them ("I've asked the courier to…").
const HANDED =
  '(?<!(?:pass|passed|passing|forward|forwarded|send|sent|escalate|escalated)\\b[^.!?]{0,30}\\b(?:on)?to )(?<!\\b(?:chas\\w*|contact\\w*|call\\w*|ask\\w*|told|tell\\w*|remind\\w*|instruct\\w*|spoken? (?:to|with)|speaking (?:to|with)|check(?:ed|ing)? with|(?:claim|complaint|case|query|ticket) with|sits with|one for';
const HANDED_TO = `${HANDED}) )(?<!\\bnot )`;
// …and, for an outsider as the subject, not the object of something else ("with the hotel").
const HANDED_TO_OR_OBJECT = `${HANDED}|with|from|by|at|for|and|to) )(?<!\\bnot )`;
// What may stand between the outsider and the verb: "the factory in Portugal is running behind".
const BETWEEN =
  '(?: (?:(?:in|at|on|from|for|of|who|that|before|after|over|near)(?: [\\w-]+){1,2}|we use|you (?:used|chose|booked with)))?(?: (?:has|have|had|is|are|was|were|just|also|then|simply|probably|clearly|must have|may have|might have|obviously|themselves))?';
// A colleague singled out ("the agent you spoke to gave you the wrong information").
const COLLEAGUE =
  '(?:(?:the|my|our|that|a|another|one of (?:my|our)) (?:colleagues?|agents?|advis[eo]rs?|person|rep|representatives?|staff members?|members? of (?:staff|the team)|team members?|cashiers?|operators?|engineers?|technicians?|drivers?|crew|chefs?|waiters?|waitress)|(?:the|our|my|a) (?:night|day|weekend|morning|evening|late|early|other|previous|former|last|new|temp|temporary|relief|covering|agency|store|branch|warehouse|kitchen|sales|ground|cabin) (?:team|shift|staff|crew|colleagues?|agents?|drivers?|managers?|supervisors?|advis[eo]rs?|engineers?|employees?|person|rep))';
/** One regex per kind: a single alternation of them all is ten times slower (no alternative
 * could use its own quick first-character check). */
export const BLAME_SHIFT: readonly RegExp[] = [
  // "sorry, but…" / "sorry. Still, …" unless what follows is a promise or good news
  '(?:sorry|apologi[sz]e|apologies)[^!?]{0,60}?[.,;:—–-]\\s*(?:still|that said|having said that|then again|mind you|in (?:our|my) defen[cs]e)(?=,)',
  '(?:that said|having said that|in (?:our|my) defen[cs]e)(?=,)',
  // "our courier lost it" — but not when the reply hands it to them ("pass it to our supplier")
  `(?=(?:our|the) )(?<!\\b(?:leaves?|left|leaving|from|at|in|into|through|via|by) )${HANDED_TO}(?:our|the)(?: [\\w-]+)? (?:${THIRD_PARTY})\\b(?! ?(?:code|number|name|reference|ref|details|id|portal|website|site|page|app)\\b)${NOT_THEM}`,
  // an outsider as the subject of a failure: "the seller didn't…", "Evri have lost…"
  `(?=${OUTSIDER_START})(?!our (?:[\\w-]+ )?(?:drivers?|warehouse|ground (?:staff|crew)|installers?|riders?)\\b)${HANDED_TO_OR_OBJECT}\\b${OUTSIDER}${BETWEEN} (?:${FAILED})\\b(?!(?: [\\w-]+)? (?:nothing to do|to blame))`,
  `\\bthey(?:'ve|'d| have| had| just| then| simply| also| probably| must have)? (?:${THEY_FAILED})\\b`,
  // someone else's firm runs it: "run by an outside company", "belongs to another operator"
  '(?:run|operated|managed|owned|provided|handled|supplied|hosted|maintained|controlled) by (?:a|an|the|another|other)(?: [\\w-]+)? (?:company|firm|provider|supplier|business|contractor|operator|partner|third[- ]party)|belongs? to (?:another|a different|the other|an outside|a separate|an external|a third)',
  // a delay or fault placed with an outsider: "a backlog at the warehouse", "back order from the maker"
  `(?=delay|problem|issue|fault|shortage|backlog|back|hold|outage|error|mistake)(?<!(?:raised|logged|reported|opened|chasing|chased)(?: (?:a|the|this|an))? )(?:delays?|problems?|issues?|faults?|shortages?|backlogs?|back ?orders?|hold-?ups?|outages?|errors?|mistakes?) (?:from|with|at|by|on the part of) ${OUTSIDER}`,
  // someone at the customer's address, or the customer's lecture: "next time, please…"
  "(?:neighbou?r|housemate|flatmate|concierge|receptionist|reception|family member)s? (?:\\w+ )?(?:signed|took|accepted|collected|received|has it|must have|may have)\\b|(?:next time|in future|in the future|for (?:future|your) reference),? (?:please |call|always|you(?:'ll| will)? (?:need|have|should|must)|make sure|remember|try to|be sure)|(?:please|so) (?:\\w+ )?(?:check|read|make sure|remember)[^.!?]{0,30}? next time|you(?:'d| would)? (?:need|have) to have (?:read|checked|booked|told|called|cancelled|selected|chosen|paid|entered|arrived)",
  // staff not trained, busy weeks, the law
  "(?:wasn't|weren't|isn't|aren't|not) (?:yet |fully |properly |been )?trained|(?:never|wasn't|isn't|not) (?:our|an official|a valid) (?:offer|promise|policy|decision)|(?:it's|it has|it's been|it has been|it was|it is|we've had|we have had|we've been|we have been) (?:a |an )?(?:very |extremely |really |incredibly |so |exceptionally |particularly )?(?:busy|hectic|mad|crazy|manic|challenging) (?:week|day|night|morning|afternoon|evening|time|period|month|weekend|few days|season|spell|shift|service|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:were|was|are|is|been) (?:really |very |so )?(?:stretched|overstretched|short-handed)|(?:legally|by law|under (?:the )?(?:law|regulations?|gdpr|data protection(?: law)?)),? (?:we|i) (?:have to|must|can't|cannot|are (?:not )?(?:allowed|required|obliged)|need to)|legally (?:required|obliged|bound)|(?:required|obliged) by law|(?:terms|conditions|t&cs|rules|policy|regulations|contract|agreement|small print) (?:say|says|state|states|said|stated|are clear)(?: that)? (?:no|you (?:can't|cannot|must|need|have to|should)|we (?:can't|cannot|don't))|(?:terms|conditions|t&cs|rules|policy|regulations|contract|agreement) (?:don't|do not|doesn't|does not|only) allow",
  // failed by someone who is not us: "held by the FAA", "declined by your bank"
  '(?:sent|delivered|taken|left|posted|given|handed) to the wrong [\\w-]+ by (?!(?:us|our|me|my|mistake|error|accident)\\b)|(?:did|done|tried) (?:everything|all) (?:we|i|they|he|she) (?:could|can)|(?:had|has) (?:already )?(?:expired|run out|ran out|lapsed|ended) (?:before|by the time) you',
  '(?:held|delayed|cancell?ed|declined|blocked|closed|stopped|grounded|rejected|refused|limited|restricted|suspended|withheld|frozen|flagged|diverted|postponed|overbooked|lost|damaged|mislaid|misdirected|held up) by (?!(?:us|our|me|my|mistake|error|accident|the time|then)\\b)(?:the |a |an |your |their )?[\\w-]+',
  // late word from someone else, our reliance on them, nobody in, absence, being swamped
  "(?:only|just) (?:received|got|heard back|been given|been sent)\\b[^.!?]{0,40}?\\b(?:from|by) (?:your|the|their)\\b|(?:we|i) (?:rely|depend|are reliant|are dependent|relied|depended) on (?:the|a|an|our|their|your)\\b|(?:nobody|no one|no-one) (?:was|were) (?:in|home|there|available|at home|around|answering)|(?:couldn't|could not|wasn't able to|weren't able to|were unable to|was unable to) (?:get access|gain access|get in|access the)|(?:was|were|is|are|has been|have been) (?:off sick|off ill|on (?:holiday|leave|annual leave|strike)|off work|absent)|(?:swamped|snowed under|inundated|overwhelmed|rushed off (?:our|their|my) feet)",
  // the customer's details or forms, other customers' mistakes, "please double-check next time"
  "(?:address|postcode|details|card (?:number|details)|form|application|email address|phone number)(?: (?:on|in|you|that|which)(?: [\\w-]+){1,3})? (?:was|were) (?:missing|incomplete|wrong|incorrect|invalid|out of date|not (?:fully )?(?:filled|completed|signed))|(?:wasn't|weren't|was not|were not|hadn't been|had not been) (?:fully |properly |correctly )?(?:filled|completed|signed|submitted)(?: in| out)?\\b|(?:many|most|some|other|lots of|a lot of) (?:customers|people|passengers|users|guests) (?:\\w+ )?(?:book|choose|select|enter|forget|miss|make|get|type|order|confuse|mix)|please (?:double-check|check carefully|read carefully|make sure you)[^.!?]{0,30}?\\b(?:before|next time|in future)",
  // dependence on others, wider outages and shortages, roadworks, the customer's timing or account
  "\\brel(?:y|ies|ied) on (?!(?:us|me|our|my)\\b|your (?:feedback|support|patience|help|custom|business|loyalty|understanding)\\b)(?:the|a|an|their|your|[\\w-]+'s)\\b|(?:are|is|were|was) (?:entirely |completely )?(?:dependent|reliant) on (?!(?:us|me|our|my)\\b)|(?:affected|impacted|hit|caused|disrupted) by (?!(?:us|our|me|my)\\b)(?:a|an|the) (?!(?:app|website|site|online|system|systems|card|payments?)\\b)(?:[\\w-]+ ){0,2}(?:outage|issue|problem|fault|strike|shortage|storm|weather|failure|incident|disruption)s?\\b(?![^.!?]{0,25}\\b(?:our|us|we)\\b)|(?:wider|nationwide|national|widespread|industry-wide|global|regional|countrywide) (?:shortage|strike|supply (?:issue|problem))s?|(?:roadworks|road works|road closures?|traffic|congestion|an accident|a crash|diversions?)\\b[^.!?]{0,30}?\\b(?:added|caused|meant|delayed|held up|slowed|blocked|stopped)\\b|\\blate from (?:the|your|their)\\b|(?:expired|closed|ended|sold out|finished) (?:before|by the time) you\\b|(?:made|booked|registered|placed|set up) (?:under|with|using|on) (?:a )?(?:different|another|the wrong|an old|a second|a separate) (?:email|account|name|card|address|number)|which is why you (?:didn't|did not|haven't|have not|weren't|couldn't)|down to (?:your|their|the [\\w-]+'s)\\b(?! own)",
  // "the florist we partner with…", "the engineer you booked privately…", "without telling us"
  `(?:the|our|a|your) [\\w-]+(?: [\\w-]+)? (?:that )?(?:we (?:use|partner with|work with|deal with|rely on)|you(?:'d)? (?:booked|hired|chose|used|found|arranged|bought)(?: [\\w-]+)?)\\b[^.!?]{0,30}?\\b(?:${FAILED})\\b`,
  "without (?:telling|warning|informing|notifying|asking|consulting) (?:us|anyone|anybody)\\b|(?:i'm|i am) (?:only|just) (?:the|a|an) [\\w -]{0,25}?(?:,? so (?:i|we) can(?:'t|not)|messenger)|(?:because|as|since) your [\\w ]{1,20}? (?:had|has|was|were|is|are) (?:expired|lapsed|out of date|incorrect|wrong|invalid|full|blocked|switched off|turned off|disabled)\\b",
  // a colleague blamed, or "not my shift" (not the failure an apology or thanks names: "sorry
  // our engineer didn't turn up", "thanks for telling us the crew missed your bins")
  `(?<!\\b(?:sorry|apologi[sz]e|apologies|regret|telling us|letting us know)(?: (?:that|for how))? )${COLLEAGUE}(?: (?:you (?:spoke|talked|dealt) (?:to|with)|who (?:served|helped|dealt with|spoke (?:to|with)|answered|took)(?: you| your [\\w-]+)?|on the (?:phone|desk|line|day)|in (?:store|branch|the shop)|at the (?:desk|counter|store|branch|airport|gate)))?(?: [\\w-]+){0,3}? (?:gave|told you|said|misinformed|misled|quoted|promised|didn't|did not|forgot|failed|should(?: have|'ve)|(?:was|is|were|are) (?:new|still (?:learning|in training|training))|wasn't|was not|weren't|were not|hadn't|had not|never|got (?:it|this|that) wrong|made (?:a|an|the|that|this) (?:mistake|error|promise))\\b`,
  "\\bi (?:wasn't|was not) (?:on shift|working|on duty|in|there|the one)|(?:not|isn't|wasn't) (?:my|our) (?:department|area|team|shift|remit)",
  // the customer's own bank, provider or agent as the one who did it
  `your (?:bank|card issuer|card provider|email provider|internet provider|broadband provider|network provider|isp|travel agent|booking agent|insurer|landlord|employer)(?: (?:probably|may have|might have|must have|has|have|had))? (?:\\w+ed|on (?:their|its) (?:side|end))\\b`,
  // the customer's own device or settings as the cause
  "your (?:phone|device|browser|router|settings|computer|laptop|spam filter|email|inbox|firewall|antivirus|ad ?blocker|vpn)(?:'s)?(?: [\\w-]+){0,2} (?:(?:is|are|was|were|may be|might be|must be|could be) )?(?:blocking|filtering|stopping|preventing|the (?:problem|cause))",
  // natural events, strikes and seasons as the cause
  '(?:the|a|this|that|all the) (?:strikes?|industrial action|heat ?wave|heat|storms?|thunderstorms?|flood(?:s|ing)?|snow(?:fall)?|ice|fog|hurricane|gales?|rain(?:fall)?|winds?|frost|lightning)\\b[^.!?]{0,30}?\\b(?:has|have|had|caused|held|closed|delayed|stopped|meant|grounded|forced|cancell?ed|disrupted|affected|hit|kept|prevented|made|melted|froze|flooded|damaged|broke)\\b|the weather\\b(?! (?:has |is |was )?(?:now )?(?:cleared|improved|eased|lifted|better|fine|good))(?=[^.!?]{0,20}\\b(?:caused|meant|grounded|closed|delayed|stopped|held|forced|made|has|had|was|were))',
  '(?:(?:high|strong|heavy|severe|extreme|adverse|bad|poor|freezing|torrential|icy|wintry) (?:winds?|gales?|rain(?:fall)?|snow(?:fall)?|ice|fog|storms?|weather|flooding|heat)|thunderstorms?|lightning|leaves on the (?:line|tracks?)|(?:a )?trees? (?:on|across) the (?:line|tracks?|road))\\b[^.!?]{0,40}?\\b(?:meant|mean|caused|held|grounded|closed|delayed|slowed|stopped|forced|cancell?ed|kept|prevented|made|left|disrupted|affected|hit|hampered|has|have|had)\\b',
  '(?:christmas|holiday|festive|summer|easter|black friday|peak|seasonal) (?:rush|period|season|peak|demand|volumes?)\\b[^.!?]{0,20}?\\b(?:means?|meant|has|have|had|caused|is causing|are causing|slowed|delayed|is|are)\\b|short[- ]staffed|under-?staffed|staff(?:ing)? (?:shortages?|sickness)|(?:covid|coronavirus|pandemic|lockdown)(?: [\\w-]+)? (?:rules|restrictions|measures|means|meant|has|have|caused)|unprecedented (?:demand|volumes?|numbers)|(?:demand|volumes?|calls|numbers|traffic|queues?|orders|bookings)(?: [\\w-]+){0,3} (?:much |far |a lot |significantly )?higher than (?:usual|normal|expected)|busier than (?:usual|normal|expected)',
  "(?:we|i) (?:were|weren't|was not|were not|wasn't|had not been|hadn't been)(?: never)? (?:told|informed|notified|made aware|warned|given notice|advised)|(?:nobody|no one|no-one) (?:told|informed|warned|notified) us|(?:we|i) (?:were|got|have been|was) let down by",
  // "it's not ours to answer for"
  "(?:isn't|is not|not|wasn't|was not) (?:our|my) (?:responsibility|fault|doing|problem)|can(?:'t|not) be held (?:responsible|liable)|(?:outside|beyond) (?:anything|what|the things?) we (?:handle|control|manage|do)|nothing we can do|handles? (?:its|their) own|(?:runs?|operates?) [\\w ]{1,20}? independently|independently (?:owned|run|operated)|(?:industry|standard|common) (?:standard|practice)|(?:all|every|most|other) (?:airlines|companies|retailers|banks|providers|operators|shops|stores) (?:do|have|overbook|charge|are)|happening (?:across|all over) the (?:whole )?(?:country|industry|network)|non-?refundable|(?:that's|that is|it's|it is) (?:simply |just )?how (?:the|it|this|that)\\b",
  "(?:on|at) (?:their|its|the(?: [\\w-]+){1,2}'s|(?!our\\b|your\\b)[\\w-]+'s) (?:side|end)\\b|(?:their|its) (?:fault|error|mistake|responsibility|doing)|(?:that's|that is|it's|it is|this is|which is) (?:up to|down to) them|(?:they|they're|they are|royal mail|the [\\w-]+) (?:are|is|were|was)? ?(?:solely |fully |entirely )?(?:responsible|to blame|at fault|liable)\\b(?! for (?:this|it|that)[,.]? (?:and|so) (?:we|i))",
  '(?:comes?|came|stems?|stemmed|originat(?:es|ed)) from (?:the|a|an|their|your)\\b(?! (?:our|same)\\b)|[,;—–-] not (?:from |with |by |on |at )?(?:us|ours|our (?:app|side|end|system|site|website|store|shop|team|staff|software|network|doing))\\b',
  "(?:isn't|is not|not) something (?:we|i)(?: can| could| are able to)? (?:do|did|control|handle|manage|fix|change|influence|solve|resolve|help with)\\b|(?:spammers|scammers|fraudsters|hackers|criminals|thieves|bots) (?:have|had|may|might|can|could|got|use|used|are|were)\\b|(?:must|may|might|could) have been (?:taken|stolen|removed|moved|picked up|signed for)\\b",
  // the customer's own doing
  "you (?:entered|gave|provided|supplied|typed|chose|selected|used)[^.!?]{0,20}? (?:was|were|is|are) (?:incomplete|wrong|incorrect|invalid|out of date|not valid)|if your [\\w ]{1,25}? had been|(?:if|had) you(?:'d| had) (?!not\\b)\\w+ed|you arrived (?:after|late)|after the (?:gate|check-in|desk|doors?) (?:had )?closed",
  "(?:was|were) (?:typed|entered|keyed|filled|put|selected|chosen|given|provided)(?: in| out)? (?:wrong|wrongly|incorrectly|incomplete|by mistake)|(?:as|since|because) you (?:picked|chose|selected|opted for|ticked|entered|typed|agreed to|accepted|signed)[^.!?]{0,60}?\\b(?:can't|cannot|won't|isn't|aren't|not|no|unable)\\b|(?:as|since|because) you (?:didn't|did not|missed|forgot|arrived late)\\b|(?:we|i) did (?:send|tell|say|explain|inform|email|text|call|warn|mention|let you know|notify|make (?:it )?clear)",
  '(?:clearly|plainly|explicitly) (?:states?|stated|says?|said|shows?|shown|marked|labell?ed|displayed|listed|advertised|explained|signposted|mentioned)|(?:instructions|terms|label|labelling|menu|website|site|listing|description|product page|confirmation|booking confirmation|signs?|signage|manual|guide|small print|ticket|receipt|packaging|box)(?: [\\w-]+){0,2} (?:do|does|did) (?:say|state|show|list|mention|warn|explain|tell)|(?:as|which (?:is|was)) (?:stated|explained|shown|listed|mentioned|noted|outlined|set out|advertised|displayed) (?:on|in) (?:the|our) (?:website|site|terms|t&cs|conditions|listing|product page|booking|confirmation|ticket|menu|label|box|packaging|instructions|app|page|small print)',
  // rules, cover and procedure as the reason
  "(?:i'm|i am|we're|we are|staff are|agents are|drivers are) not (?:allowed|permitted|authori[sz]ed|in a position) to|(?:our|my) hands are tied|rules are rules|(?:i|we) don't make the rules|(?:standard|normal|usual|company|our) (?:procedure|protocol|practice)\\b|(?:warranty|guarantee|insurance|cover|plan|terms) (?:doesn't|does not|won't|will not|can't|cannot) (?:cover|include|allow|extend)|(?:isn't|is not|aren't|are not|not) covered (?:by|under|in)|(?:rules|regulations|law|legislation|requirements) (?:at [\\w ]{1,20} )?(?:mean|meant|require|say|state|prevent|stop|don't allow|do not allow|won't let)|can(?:'t|not) be (?:changed|refunded|cancell?ed|amended|transferred|exchanged|returned) (?:once|after)",
  // "these things happen", "we did everything we could"
  "(?:these|such|those) things (?:do |can |will |sometimes )?happen|(?:mistakes|accidents|errors|delays|glitches|problems|issues|faults|hiccups) (?:do |can |will )?happen\\b|(?:it|this|that) (?:hardly ever|rarely|seldom|almost never|very rarely) happens|(?:just|simply) (?:bad luck|unlucky|one of those)|one of those things|(?:we|i) did (?:everything|all|what(?:ever)?) (?:we|i) (?:could|can)|(?:we|i) did (?:our|my) (?:very )?best|(?:we|i) tried (?:everything|our best|my best)|(?:nobody|no one|no-one)(?:'s| is) perfect|(?:we're|we are) only human|(?:delays|mistakes|errors|problems|issues|faults|hiccups|glitches|queues|waits)(?: like this| of this kind)? (?:are|is) (?:quite |very |fairly |pretty )?(?:common|normal|usual|to be expected|unavoidable|inevitable|typical)|it can be (?:difficult|hard|tricky|challenging) to (?:\\w+ )?(?:assign|guarantee|keep|seat|get|offer|provide|find|accommodate|honou?r|meet)|(?:isn't|is not|not) always possible|(?:i'm|i am|we're|we are) (?:unable|not able) to [^.!?]{0,40}? (?:since|because|as) ",
  'third[- ]party|weather (?:conditions|delays)|power company|commercial power|air traffic (?:control|congestion|delays?)|\\batc\\b|network rail|a fault on the line|licensing (?:agreements?|restrictions?)',
  '(?:due to|down to|because of|caused by|owing to|the result of|thanks to) (?:the |a |an |our |no |non-?)?(?:weather|storms?|thunderstorms?|snow|ice|fog|rain|wind|high (?:volume|demand)|circumstances|a system|technical|payment|lack of|missing|late|incorrect|commercial|power|fault|signal|outage|air traffic|atc|strikes?|traffic|congestion|signal\\w*|road ?works|road closures?|demand|licens\\w*|privacy|polic(?:y|ies)|regulations?|operational|safety|security|restrictions?|covid|pandemic|flu|illness|sickness|staff shortages?)',
  "(?:beyond|out of) our (?:control|hands)|out of our hands|(?:which|that|something|things?) we (?:don't|do not|can't|cannot|couldn't|could not) (?:control|manage|change|influence)|nothing we could (?:do|have done)|(?:isn't|is not|wasn't|was not|not) (?:really )?(?:down to|up to) us|, not us\\b|rather than (?:us|ours|our [\\w-]+|anything (?:we|on our))|(?:though|but|and|yet),? to be fair|to be fair(?=,)|in (?:all )?fairness(?=,)|(?:those|these) are the rules|(?:rules?|polic(?:y|ies)|prices?|fees?|price caps?|restrictions?|limits?|terms)(?: (?:is|are|were|was))? (?:set|decided|imposed|controlled) by|(?:sets|set|decides|controls) the (?:price|rules?|fees?|limits?)|operational (?:reasons|needs|requirements)|(?:safety|security) reasons|schedule changes? (?:occur|happen)|(?:can|could|may|does) happen (?:with|to) (?:any|every|all)\\w*|sometimes (?:that|this|it) (?:is not|isn't)",
  "(?<!\\b(?:changed|updated|amended|rewritten|reviewed|scrapped|removed|dropped|relaxed) )(?:our|company|the)(?: [\\w-]+)? polic(?:y|ies)(?! (?:is|was) to (?:refund|replace|help|offer|always))(?![^.!?]{0,20}?\\b(?:doesn't|does not|don't|won't) apply)|per (?:our )?policy|as (?:stated|shown|set out|explained) (?:on|in) (?:the|our|your)\\b|(?:as stated in|per|under|according to) (?:our|the) (?:terms|conditions|t&cs|rules)|" +
    'policy (?:states|says|is)(?! to (?:refund|replace|help|offer|always))(?! [£$€\\d])|(?:eu |uk |government )?regulations',
  "you (?:should(?: have|'ve) (?!received|got|gotten|that|the|a|an)\\w+|didn't (?:read|follow|check|tell|pay|call|report|contact|select|enter|cancel|book)|did not (?:read|follow|check|tell|pay|call|report|contact|select|enter|cancel|book)|failed to|forgot to|must have(?! been))|you did (?:agree|accept|sign)|your (?:fault|mistake|error)|not our fault",
  `(?=my colleague)(?<!\\b(?:ask\\w*|spoke(?:n)? (?:to|with)|contact\\w*|pass\\w* (?:it |this )?(?:on )?to|with|and) )my colleague(?! (?:will|is going to|can|has (?:now|just|already)|'ll)\\b)|another (?:agent|department|team)|the other (?:agent|department|team)|the system (?:did|didn't|failed|made|won't|doesn't)`,
  '(?<!\\bsorry (?:that )?(?:the |our )?)(?:we|lines|phones|stores?|it) (?:were|are|was|is) (?:very |extremely |really |incredibly |so )?busy|(?:booking|fare|ticket|ticketing|our|the|these|those) rules (?:still )?appl(?:y|ies)',
].map(w);

/** "Sorry, but…" that is not a promise or good news (coach.ts also clears it when the same
 * sentence states a fix: "sorry, but there's nothing to pay: the fee has been waived"). */
export const SORRY_BUT = w(
  "(?:sorry|apologi[sz]e|apologies)[^.!?]{0,40}?,? (?:but|however)(?!,? (?:(?:we|i|it|this|that)(?:'ll| will| would be (?:happy|glad)| can(?!'t|not))|please|good news|the good news|there'?s good news|leave it with|rest assured|let me|don'?t worry|you(?:'ll| will) (?:get|receive|be (?:refunded|credited|reimbursed))|[^.!?]{0,40}?\\b(?:has|have) (?:now |already |just )?been (?:refunded|reversed|credited|waived|cancell?ed|sorted|fixed|resolved|sent|dispatched|replaced|rebooked|approved|restored|reinstated|unblocked|unlocked|paid|released)\\b))",
);

/** A named outsider (a capitalised name that is not a sentence opener) as the subject of a
 * failure: "Heathrow limited departures", "Microsoft pushed an update". Case-sensitive. */
export const BLAME_NAMED =
  /\b(?!(?:I|We|You|Your|Our|My|The|This|That|These|Those|It|Its|Sorry|Thanks|Thank|Hi|Hello|Hey|Dear|Unfortunately|Sadly|Please|Apologies|Also|And|But|So|Then|They|He|She|If|When|As|Once|Yes|No|Ok|OK)\b)(?:[A-Z][a-z]+|[A-Z]{2,5})(?: [A-Z][a-z]+)? (?:(?:has|have|had|just|also) )?(?:limited|restricted|capped|grounded|suspended|pushed|broke|lost|declined|blocked|refused|rejected|overbooked|cancell?ed|closed|missed|failed|forgot|held up|delayed|mixed up|had an outage)\b/g;

/** Someone else's product as the cause: "because of an iOS bug", "due to a Windows update".
 * Case-sensitive: the name has a capital letter. */
export const BLAME_NAMED_CAUSE =
  /\b(?:because of|due to|caused by|down to) (?:a |an |the )?[A-Za-z]*[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)? (?:bug|issue|fault|update|problem|outage|error|glitch|change)s?\b/g;

/** A sentence that owns the failure is not an excuse, even when it names a cause. */
export const OWNED =
  /(?:(?:that's|that is|it's|it is|this is|which is|that one's|this one's|one's|all) (?:on us|on me|our (?:fault|mistake|error))|(?<!\bnot |n't )(?:our|my) (?:own )?(?:fault|mistake|error|doing)\b|\b(?:the )?(?:fault|mistake|error) (?:is|was) (?:ours|mine|our own)|\bno excuse|\b(?:we|i) should(?: still| really| always| at least)?(?: have|'ve)\b|\b(?:we|i) (?:got|have got|'ve got) (?:it|this|that) wrong|\b(?:we|i) take (?:full )?responsibility|\b(?:we|i) own (?:this|that|it)\b)/i;

export const THANKS = w(
  'thanks?|thank you|thanking you|thx|ty|cheers|appreciated?|grateful|gratitude',
);

// A failure told in the passive with nobody doing it ("mistakes were made", "your parcel was
// lost", "the call was disconnected"). Delays and cancellations of a service are not counted.
const BE = '(?:was|were|has been|have been|had been|got|get|is being|are being)';
// Unless the sentence names who did it ("sent to the wrong address by the courier"): that is
// blame or owned, not evasive.
const NOBODY = '(?![^.!?]{0,25}?\\bby (?:the|our|your|a|an|their|his|her)\\b)';
const NOT_BEEN =
  "(?:was never|were never|has never been|have never been|was not|wasn't|were not|weren't|has not been|hasn't been|have not been|haven't been|had not been)";
export const EVASIVE_PASSIVE = w(
  [
    '(?:mistakes?|errors?) (?:was|were|have been|has been) made',
    `${BE} (?:\\w+ly )?(?!delayed|cancel|annoyed|frustrated|disappointed|worried|upset|confused|concerned|embarrassed|stressed|surprised|shocked|pleased|delighted|interested)\\w+(?:ed|en|wn|t) (?:[^.!?]{0,25}? )?(?:in error|by mistake|by accident|wrongly|incorrectly|twice|(?:to|with|at|on|for|from|into) (?:the |a )?wrong|without (?:your|any|warning|notice|consent|permission|asking|telling))${NOBODY}`,
    `the wrong [\\w -]{1,30}? ${BE} \\w+(?:ed|en|t)\\b${NOBODY}`,
    `${BE} (?:lost|misplaced|mislaid|damaged|mishandled|overlooked|missed|dropped|broken|ignored|forgotten|mis-?sent|misdirected|disconnected|cut off|overcharged|double[- ]charged|mixed up|misspelt|misspelled|mis-?routed|mis-?labell?ed|deleted|wiped|erased|skipped|rejected|refused|declined|blocked|passed around|mixed up|scratched|dented|stolen|left out|given away)(?! by (?!mistake|error|accident))`,
    `(?:could not|couldn't|can't|cannot) be (?:completed|delivered|processed|found|sent|made|located)`,
    `${BE} (?:taken|collected|charged|debited|sent|released) (?:too )?(?:early|twice|again)`,
    `${BE} (?:changed|moved|removed|deleted|closed|suspended|downgraded|charged|sent|applied|cancel+ed) (?:in error|by mistake|incorrectly|wrongly|twice|without)`,
    `${BE} changed because`,
    `${BE} delivered (?:early|late|to the wrong|damaged)${NOBODY}`,
    `(?:${BE} not|${NOT_BEEN}) (?:processed|sent|delivered|actioned|completed|received|updated|applied|followed|logged|recorded|refunded|credited|passed on|emptied|collected|picked up|fitted|installed|cleaned|returned|added|loaded|paid|booked|shipped|dispatched|posted|reported|raised|registered|activated|connected|reconnected|transferred|released)`,
    // the customer on the receiving end: "you were left at the gate", "you were charged twice"
    `you (?:were|have been|got) (?:wrongly |incorrectly |mistakenly |unfairly )?(?:left (?:at|on|in|waiting|without|stranded)|turned away|charged (?:for|twice|again|more|extra)|overcharged|double[- ]charged|issued (?:a|an|with)|billed (?:for|twice|again)|(?:told|given|sent) (?:the |a )?(?:wrong|incorrect)|missed|overlooked|ignored|kept waiting|cut off|refused|denied)${NOBODY}`,
    `${BE} (?:wrongly |incorrectly |mistakenly )?marked as (?:delivered|complete|completed|resolved|closed|paid|received|cancell?ed|collected)`,
    'should (?:never|not) have been \\w+(?:ed|en|t)',
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
    'live chat|chat team|chat (?:securely|privately|with (?:me|us|one of))|(?:our|the) forum|in-app|help page|(?:secure|secured) (?:web )?(?:link|browser)|(?:at|use|via) (?:the|this) link|(?:use|via|click|open|tap) (?:the|this|our)(?: [\\w-]+){1,3} link\\b|follow the (?:steps|instructions) (?:there|in (?:the|that|this|your)|on (?:the|that|this)|at|below)|(?:telephone|phone) number is|\\d{3,4}[ .-]\\d{3}[ .-]\\d{3,4}',
    '(?:via|at|on) (?:https?://\\S+|[\\w.]+\\.(?:com|co\\.uk|net|org)\\S*)',
    '[\\w.+-]+@[\\w-]+\\.[\\w.]*\\w|0\\d{2,4}[ .-]?\\d{3,4}[ .-]?\\d{3,4}|[\\w-]+\\.(?:com|co\\.uk|net|org)/\\S*',
    '(?<!\\b(?:pass\\w*|sent|send|forward\\w*|shared?|given|escalat\\w*|rais\\w*|feedback|comments)\\b[^.!?]{0,40})(?:our|the|their)(?: [\\w-]+){0,2} (?:forum|portal|help ?cent(?:re|er)|faq|contact page|webchat|web chat|website|head office|office|team|department|desk)\\b(?= (?:can|will|handles?|is|are|at|on|who|that|where)\\b|[,.;:—-])',
    "web ?chat|(?:fill|filling) (?:in|out) (?:the|our|a|this) (?:[\\w-]+ )?form|(?<!\\btime to )write to (?:our|the|us)|report (?:it|this|that) to|take (?:it|that|this) up with|(?:you(?:'ll| will|'d| would)?) (?:need|have) to (?:call|contact|visit|ring|email|write|speak|go)|the (?:best|right) (?:place|people|team|person) (?:for|to)|(?:that's|this is|it's) (?:one|a question|a matter) for|(?:sits|lies) with (?:our|the|their|your)|(?:reach|contact|message) (?:them|they)|(?:pop|go|head|call) (?:in|into|along to|down to|to) (?:your|the|a) (?:nearest |local )?(?:store|branch|shop|office)|keep an eye on (?:the|our) (?:app|website|site|page|feed|account)|(?:please )?(?:visit|ring) (?:your|the|our)",
  ].join('|'),
);
/** A bare link counts as a pointer unless it follows an agent's signature ("^AB", "*KevinM",
 * "~RD", "-KB"): that link is the signature's card. */
export const LINK = /(?<!(?:[\^*~]|(?:^|\s)-\s?)\w{1,20}\s{0,3})https?:\/\/\S+/gi;

// A specific action or solution (see README for the rule). Four kinds:
// the agent does or did it ("I've refunded", "we can offer"), it is stated as done or on its
// way in any voice ("a replacement is on its way", "has been reported to our faults team"),
// an offer of a named fix ("happy to query this for you"), or a concrete instruction to try
// ("please power cycle…", "have you tried clearing…"). A DM sent "with further instructions"
// is not an action; it is the channel.
const STRONG_VERB =
  'refund(?:ed)?|rebill(?:ed)?|reinstat(?:e|ed)|releas(?:e|ed) (?:the|your|it|them)|push(?:ed)? (?:it|this|them|the [\\w-]+|your [\\w-]+) through|start(?:ed)? (?:the|a|your) (?:claim|refund|return|repair|replacement|application)|had (?:it|them|this|your [\\w-]+) (?:made up|sent|fixed|repaired|replaced|delivered|reprinted|reissued|couriered)|keep chasing|replac(?:e|ed)|credit(?:ed)?|reissu(?:e|ed)|rebook(?:ed)?|re-?book(?:ed)?|arrang(?:e|ed)|escalat(?:e|ed)|fix(?:ed)?|ship(?:ped)?|waiv(?:e|ed)|upgrad(?:e|ed)|reimburs(?:e|ed)|compensat(?:e|ed)|restor(?:e|ed)|reconnect(?:ed)?|reactivat(?:e|ed)|deactivat(?:e|ed)|unlock(?:ed)?|reset|resen[dt]|sen[dt](?! (?:you |u |us )?(?:a |an |the )?(?:dm|direct message|private message|message|note|link))(?![.!?,]|\\s*$)|call(?:ed)? you|call(?:ed)? (?:the|your) (?:store|branch|depot|hotel|restaurant|venue|site|office|station)|put (?:a|in)|open(?:ed)? (?:a|an)|authori[sz]e|deposit(?:ed)?|contact(?:ed)? (?:the|our|your)|reach(?:ed)? out to (?:the|our|their|my)|(?:notif(?:y|ied)|alert(?:ed)?|inform(?:ed)?) (?:the|our|my) (?:team|manager|store|engineers?|colleagues?|supervisor|depot|driver)|made (?:a|an) (?:note|request|report|booking|reservation|claim|complaint|referral)|spoke(?:n)? (?:to|with)|emailed (?:the|our)|emailed you (?:a|the|your) (?:new|corrected|replacement|updated|revised|amended|fresh|confirmation)|hook(?:ed)? you up|revers(?:e|ed) (?:the|your|that|this|it)|r(?:ing|ung) you';
const OBJECT_VERB =
  'fit(?:ted)?|mark(?:ed)?|set up|updat(?:e|ed)|chang(?:e|ed)|add(?:ed)?|appl(?:y|ied)|log(?:ged)?|report(?:ed)?|rais(?:e|ed)|forward(?:ed)?|process(?:ed)?|book(?:ed)?|cancel(?:l?ed)?|issu(?:e|ed)|remov(?:e|ed)|mov(?:e|ed)|plac(?:e|ed)|reserv(?:e|ed)|reopen(?:ed)?|request(?:ed)?|honou?r(?:ed)?|disabl(?:e|ed)|enabl(?:e|ed)|order(?:ed)?|schedul(?:e|ed)|pa(?:y|id)|correct(?:ed)?|repair(?:ed)?|unblock(?:ed)?|unfr(?:eeze|oze)|sort(?:ed)?|organi[sz](?:e|ed)|rewr(?:ite|itten|ote)|retrain(?:ed)?|put|post(?:ed)?|chas(?:e|ed)|extend(?:ed)?|flag(?:ged)?|submit(?:ted)?|quer(?:y|ied)|question(?:ed)?';
// what "we are doing" right now ("I'm chasing the courier", "we're putting a new one in the post")
const DOING =
  'chasing|putting|sending|arranging|refunding|replacing|booking|rebooking|processing|escalating|fixing|sorting|organi[sz]ing|paying|crediting|posting|ordering|cancelling|removing|repairing|reissuing|resending|issuing';
const INSTRUCTION =
  'pre[- ]?order\\w*|disregard\\w*|review (?:the|your) (?:[\\w-]+ )?(?:logs?|settings?|history|statements?)|check (?:the|your) (?:\\S+ ){1,5}?(?:via|under|through)\\b|turn(?:ing)? (?:it )?off|power[- ]?cycl\\w*|restart\\w*|reboot\\w*|re-?install\\w*|uninstall\\w*|updat\\w*|clear\\w*|import\\w*|reset\\w*|sign(?:ing)? (?:in|out)|log(?:ging)? (?:in|out)|disconnect\\w*|unplug\\w*|delet\\w*|return\\w*|check(?:ing)? (?:in|your|that|if)(?! (?:dms?|inbox|direct messages?|private messages?|messages?|e-?mails?|mail)\\b)|chang(?:e|ing) (?:your|the) [\\w ]{0,20}?(?:name|settings?|password|region|language|plan|browser|e-?mail(?: address)?|address|payment method)|press(?:ing)? (?:the|and hold)|make sure (?:you|your|that)(?![^.!?]{0,8}follow)|navigat\\w* to|click(?:ing)? (?:on )?(?!here\\b|(?:the |this |that )?link\\b|https?:)(?:the |your )?[\\w-]+|scroll\\w*|start (?:your|the) [\\w-]+ in|turn (?:it|them) (?:back )?on|add (?:your|the)|manage (?:your|the)|test(?:ing)? (?:using|with|the|your|it|on)|use (?:the|a|an|your) (?:[\\w-]+ ){0,3}(?:tool|option|setting|settings|button|feature|menu|tab|function)|perform\\w*|run(?:ning)? a|creat\\w* a new|purchas\\w*|select\\w*|go(?:ing)? to (?:settings|the app|your)|tap\\w*|download\\w*|import\\w*|us(?:e|ing) (?:a different|another|the latest|a wired|an ethernet)|switch\\w* (?:it )?(?:to|off|on)|(?:a different|another) (?:browser|device|cable|port|card|network)';
export const ACTION = w(
  [
    `(?:i|we)(?:'ll|'ve|'re|'m|'d| will| have| had| am| are| just| can| could)?(?: (?:gone ahead and|now|already|personally|just|also|happily|immediately|be able to))? (?:${STRONG_VERB}|(?:${OBJECT_VERB}) (?:(?:your|yours|you|the|this|it|that|them|their|a|an|extra|more|new|another|replacement)\\b|[£$€]?\\d+)(?! (?:[\\w-]+ )?(?:feedback|comments?|compliments?|kind words|praise)\\b))`,
    `(?:i|we)(?:'m|'re| am| are)(?: (?:now|personally|also|already|just))? (?:${DOING})\\b`,
    // "we'll pop on a refund", "I'll arrange a replacement"; "I'll follow up with our team";
    // "I'd like to log this"; "we will work on fixing this"
    "(?:i|we)(?:'ll| will|'ve| have| can|'d| would)? [a-z]+ (?:on |through |in |out )?(?:a|an|the|your) (?:full )?(?:refund|replacement|credit|voucher|reimbursement|gift card)|(?:i|we)(?:'ll| will|'ve| have|'m| am|'re| are)?(?: go(?:ne)? ahead and)? follow(?:ed|ing)? up with (?:the|our|my)|(?:i|we)(?:'d| would) like to (?:log|raise|follow up|get (?:an?|this|that|it|your))|(?:i|we)(?:'ll| will| can) find (?:a|you a) (?:solution|fix|way)|(?:try (?:and |to )?)?(?:replicate|reproduce)(?: (?:it|this|that|the|on)\\b|(?=[.!?]|$))|(?:i|we)(?:'ll| will) work on (?:fixing|a fix|getting|having)|\\band (?:then )?refund you|forward(?:ed)? (?:it |this |them )?(?:on )?to (?:the |our )?(?:relevant |right |appropriate )?(?:team|department)",
    '(?:asked|told|instructed|requested|arranged)(?: for)? (?:the|our|your|a|an|my|one of our) [\\w -]{1,30}? to (?:refund|replace|call|ring|contact|redeliver|repair|fix|collect|deliver|send|visit|come|re-?\\w+)',
    // Someone else doing the fix is still the fix under way ("our engineer will fit it on
    // Tuesday", "the airline has agreed to refund you", "the venue has confirmed your seats").
    '(?:has|have|had) (?:now |already )?agreed to (?:refund|replace|pay|cover|collect|send|fix|repair|reimburse|compensate|honou?r|waive|rebook|credit|deliver|extend|swap|exchange|give|reopen|reinstate)|(?:has|have) (?:now |just |already )?(?:confirmed|released|approved|reinstated|extended|returned) (?:your|the)',
    "(?:dr\\.? [\\w-]+|(?:our|the|your|an?) (?:doctor|gp|nurse|pharmacist|consultant|dentist|vet|advis[eo]r)) (?:will|'ll) (?:phone|call|ring|contact|see|visit) you|(?:our|the|your|an?) (?:engineers?|technicians?|fitters?|drivers?|couriers?|colleagues?|store manager|manager|specialists?|experts?) (?:will|'ll|is going to|are going to|can) (?:fit|install|visit|call|ring|collect|deliver|repair|fix|replace|contact|bring|come|be with you)|(?:engineers?|technicians?|crews?|fitters?) (?:is|are) (?:now |already )?(?:on site|on (?:the|their) way|on it|working on|reconnecting|repairing|fixing|restoring|replacing|resetting)|(?:our|the) (?:[\\w-]+ )?(?:team|engineers?|technicians?|contractors?|crew|staff|fitters?) (?:has |have )?(?:just )?(?:reset|repaired|fixed|replaced|restored|reconnected|fitted|cleared|unblocked|emptied|collected)\\b|who (?:will|'ll) (?:call|ring|contact|visit|email) you|expect (?:to have )?(?:it|this|power|service|the [\\w-]+|your [\\w-]+) (?:back|running|working|fixed|restored|repaired)|(?:is|are) now with (?:an?|our|the) (?:assessor|engineer|specialist|investigator|adjuster|manager|surveyor)|(?:looping|loop(?:ed)?|bringing|brought|pulling|pulled)(?: in)? (?:an?|our|the|my) (?:expert|specialist|team|colleague|manager|supervisor|engineer)",
    "(?<!\\b(?:once|when|until|till|if|before|glad|good|great|happy|pleased|nice|hear|learn|see|know|that) )(?:it's|it is|that's|that is|this is|this has been|it has been|it's been)(?: now| all)? (?:fixed|sorted|resolved|repaired)\\b|(?:refund|payment) (?:has )?left (?:us|our account)",
    "(?:i|we)(?:'ll| will) (?:have|get) (?:your|the|it|this|that|them)\\b[^.!?]{0,30}?\\b(?:back|fixed|sorted|replaced|repaired|resolved|refunded|to you|with you)",
    '(?:is|are|has been|have been) (?:now )?(?:booked|scheduled|confirmed|reserved) (?:for|in|on)|(?:is|are) (?:now )?being (?:printed|prepared|processed|sent|posted|shipped|dispatched|repaired|replaced|fixed|refunded|made|rebuilt)',
    "(?:will|should|'ll) (?:arrive|reach you|be with you|be (?:delivered|ready|back with you|in your account))|(?:payment|refund|funds|money|deposit|payout)(?: of \\S+)? (?:was|were|has been|have been) released|(?:was|were) (?:dispatched|posted|shipped|approved|reversed|unlocked|unfrozen|unblocked|reopened|restored|corrected|repaired|paid back|refunded|credited)(?! (?:in error|by mistake|twice|wrongly|incorrectly))",
    "(?:has|have|had|it's|that's|this's)(?: now| already| just)? been (?:reversed|located|found|moved back|pushed through|reinstated|re-?sent|unfrozen|unblocked|unlocked|reopened|corrected|approved|cleared|paid|refunded|credited|escalated|reported to|raised with|processed|arranged|issued|reissued|rebooked|replaced|reset|fixed|restored|reconnected|deactivated|reactivated|unlocked|waived|reimbursed|sent out|dispatched|upgraded|cancell?ed as requested)",
    "(?:it's|it is|that's|this is) now (?:fixed|sorted|working again|back up)|" +
      "(?:is|are) (?:now )?(?:in place|on (?:its|their|the) way)|will be (?:arranged|refunded|credited|sent|replaced|redeposited|deposited|fixed|restored|resolved|reimbursed|processed|rebooked|couriered|delivered|posted|returned|reissued)|you(?:'ve| have) been (?:rebooked|refunded|credited|moved|upgraded|reimbursed|booked|transferred)|(?:ticket|pass|voucher|booking|railcard) (?:is|will be) (?:still )?valid (?:on|for)|(?:is|are|will be) on (?:the house|us)\\b|let (?:them|the [\\w-]+|our [\\w-]+) know to\\b|make sure (?:a|the|our|someone|somebody) [\\w ]{0,20}?(?:calls|rings|contacts|emails|visits) you",
    "(?<!\\b(?:unable to|can't|cannot|can not|not able to|won't|will not|don't|do not) (?:offer|give|provide|issue) )(?:a|your|the) (?:full )?(?:refund|replacement|credit|voucher|reimbursement) (?:of|for|has|is|will|was)",
    "you(?:'ll| will| should) (?:receive|get|see) (?:a|an|your|the)|you(?:'ll| will) be (?:refunded|credited|reimbursed)",
    "(?:i|we) can (?:offer|provide|quote)|(?:i|we)(?:'d| would) like to offer (?:you|a|an|to)\\b|" +
      '(?:happy|glad) to (?:query|refund|replace|rebook|arrange|cancel|credit|send|quote|add|change|issue|waive|test|reset|give|offer|provide)',
    "let me (?:fix|sort|request|raise|escalate)|(?:team|we|i) (?:is|are|am|'re|'m) (?:aware (?:of this )?and )?looking into|working (?:(?:hard |around the clock |as fast as we can )?to (?:get|have|fix|restore|resolve)|on (?:it|this|that|your|the (?:issue|problem|fault)|a fix|fixing|getting))",
    "(?:i|we)(?:'ll| will) (?:get in touch|speak|talk) with (?:the|our)|(?<!\\b(?:feedback|comments?|compliments?|kind words|praise|suggestions?)\\b[^.!?]{0,40})(?:i|we)(?:'ll| will|'ve| have) pass(?:ed)? (?!(?:on )?(?:your |the |these |those )?(?:[\\w-]+ )?(?:comments|feedback|compliments|kind words|praise))|pass(?:ed)? (?:this|it|your (?:details|case|complaint|claim|info\\w*)) (?:on)?to|get (?:your|the) \\w+ back to you",
    `(?:please|pls|kindly|could you(?: please)?|can you(?: please)?|are you able to|you can|you could|you may|once you|let's|did you(?: already)?|(?:we|i)(?:'d| would)? (?:recommend|suggest|advise)(?: (?:you )?to)?|recommend|advise (?:you )?to|have you tried|try)(?: (?:try|still|also|just|simply|then))? (?:${INSTRUCTION})`,
    // a menu path spelled out is a step to take ("right-click the game > Properties > Verify")
    '[\\w-]+(?: [\\w-]+){0,2} (?:>|&gt;) [\\w-]+(?: [\\w-]+){0,2} (?:>|&gt;) ',
    // advice to try something ("I'd advise returning it", "we'd recommend trying a smaller size"),
    // or a step said to help ("restarting the router can help"); contacting someone is a pointer
    '(?:recommend|suggest|advise)(?: (?:you|that you))? (?!(?:call|contact|ring|email|messag|reach|phon|tweet|writ|dm|visit|speak|follow|check(?:ing)? out|keep\\w* an eye|wait|go(?:ing)? (?:in|to|into|back)|head|pop)\\w*\\b)\\w+ing\\b|(?!(?:call|contact|messag|email|ring|phon|tweet|dm|reach|writ|visit)\\w*\\b|(?:no|any|some|every)thing\\b)\\w+ing(?: [\\w-]+){0,4} (?:can|may|might|should|will|often|usually) (?:help|fix|resolve|solve|sort)',
    // done, in so many words ("correction done", "your booking is already confirmed"), a fix
    // under way together ("let's get this fixed"), or a hand-off to a tagged colleague
    "(?:is|are|has been|have been) (?:now |already )(?:confirmed|done|corrected|updated|sorted|fixed|processed|approved|completed?)\\b|(?:correction|change|update|amendment)s? (?:is |has been |have been )?(?:now )?(?:done|made|completed?)\\b|let's (?:get (?:this|that|it|you|your)\\b[^.!?]{0,20}?\\b(?:fixed|sorted|resolved|working|back)|fix|sort (?:this|that|it)|see if)|kindly assist (?:with|them|the|this)",
    '(?:have you tried|(?:can|could|would) you(?: please)? try) (?:(?!(?:call|contact|ring|email|messag|reach|phon|tweet|writ)\\w*ing\\b)\\w+ing\\b|a |an |the |again)',
    // After the @handle that opens a reply, or a sentence's end (look-behinds, so the \b of w() sits
    // before the instruction's first letter).
    `(?:(?<=^@\\w+\\s+)|(?<=[.!?]\\s+))(?:${INSTRUCTION}|try (?:again|\\w+ing))`,
    '\\band (?:then )?(?:restart|reboot|re-?install|power[- ]?cycle|sign in|log in|reset|update|try again)\\b',
    "proceed with (?:a |the )?new|you(?:'ll| will)? need to (?:click|purchase|buy|update|restart|reinstall|select|use(?! (?:the|our|this) (?:[\\w-]+ )?(?:form|link|page|website|site|portal|chat)\\b)|cancel)|(?:perform|run|do) a (?:speed test|power cycle|reset|restart)",
  ].join('|'),
);

/** Looking into it, checking, assisting: an action only when the reply does not send the
 * customer elsewhere first ("DM us so we can look into it" is a deflection). */
export const GENERIC_ACTION = w(
  "let me (?:look|check|take)|(?:i|we)(?:'ll| will|'d| would| can)?(?: be (?:happy|glad) to| like to| love to)? (?:look(?! forward)|check|review|take a (?:closer |deeper )?look|investigate|dig (?:in|into|deeper)|dive|get (?:it|this) checked|have a look)|look(?:ed|ing)? (?:in)?to (?:it|this|that)|check(?:ed|ing)? (?:on|with|into)|investigat(?:e|ed|ing)|(?:can|will|'ll) (?:have|take) a look|(?:i|we)(?:'ll| will) work on (?:it|this|that)\\b|being (?:looked into|investigated|worked on)",
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
    `(?:by|before|until|till|at|on|this|next|from|coming|either|for|to) (?:${DAY})`,
    '(?:by|on|for|until|till|before|from|after|is|actually) the \\d{1,2}(?:st|nd|rd|th)\\b(?! (?:time|floor|attempt|call|item|order|row|line|page))',
    '\\d{1,2}(?:[:.]\\d{2})? ?(?:am|pm|a\\.m|p\\.m)|\\d{1,2}:\\d{2}',
    `(?:within|in|up to|allow|for up to|takes?)(?: the)?(?: next)? (?:${NUM})(?: ?(?:to|-) ?(?:${NUM}))? (?:business |working )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)`,
    '(?:by|before|until|till) (?:the )?(?:end of (?:the )?(?:day|today|week|business)|eod|cob|close of business|noon|midday|tonight|tomorrow|today)',
    "tomorrow|(?:later|by|before) (?:today|tonight)|(?:will|'ll|going to|be back|be open)\\b[^.!?]{0,40}?\\b(?:today|tonight)",
    `(?:${MONTH}) \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTH})\\b|\\d{1,2}/\\d{1,2}/\\d{2,4}`,
  ].join('|'),
);

export const CHANGE = w(
  "(?:we(?:'ve| have)?|i(?:'ve| have)?|the team(?: has)?)(?: (?:also|since|now|already|just))? (?:rewritten|redesigned|removed|moved|replaced|made|reworked|rebuilt|simplified|extended|installed|hired|switched|doubled|started|begun|stopped|added|changed|updated|fixed|put)(?! (?:your|yours|you|it for you|a note|notes|a comment|a flag|a marker)\\b)[^.!?]{0,60}?\\b(?:so (?:that )?|to (?:stop|prevent|make sure|ensure)|which means)|(?:we(?:'ve| have)?|the team has) (?:started|begun) \\w+ing|(?:so|to make sure|to ensure) (?:that )?(?:nobody|no one|none|no other|other customers|others|anyone else|everyone)\\b(?! (?:called|rang|phoned|contacted|told|replied|answered|came|was|were|knew|noticed|saw|checked)\\b)|(?:won't|shouldn't|will not|should not|can't|cannot|never) (?:happen|recur)(?: again| any ?more)|(?:prevent|stop|avoid) (?:this|it|that|the same)(?: thing)? (?:from )?happening (?:again|to (?:anyone|others|other))|\\b(?:the|our|all) [\\w-]+s now (?!\\w+ing\\b|on\\b|in\\b|at\\b)\\w+|\\b(?:we|they) now (?!\\w+ing\\b|on\\b|in\\b|at\\b|know\\b|have a\\b)\\w+|\\b(?:the|our|each|every|all) [\\w-]+(?: [\\w-]+)? (?:now (?!\\w+ing\\b)(?:\\w+(?:s|ed)|has|have)\\b|(?:are|is) now (?:\\w+ed|done|made|given|taken|shown|sent)\\b)|(?:has|have) been (?:changed|updated|corrected|replaced|retrained|rewritten|redesigned|improved) (?:so|to|on (?:every|all)|across)|put [\\w ]{1,30}? in place|(?:starting|from|as of|beginning) (?:\\d{1,2}(?:st|nd|rd|th)? \\w+|\\w+ \\d{1,2}|next (?:week|month|year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:you(?:'ll| will)|we(?:'ll| will|'re| are)|every|all|each|the|late)|so (?:that )?(?:this|it) (?:doesn't|does not|won't|will not|can't|cannot|never) happen again|(?:to )?(?:prevent|stop|avoid) (?:this|it|the same) (?:from )?happening again|going forward|from now on|in (?:the )?future|(?:we(?:'ve| have)?|i(?:'ve| have)?)(?: (?:also|since|now|already|just))? (?:changed|updated|fixed|retrained|trained|introduced|added|improved|corrected|amended|put in place|rolled out|replaced|taken on|recruited|hired|brought in)(?! (?:your|yours|you|it for you|a note|notes|a comment|a flag|a marker)\\b)(?![^.!?]{0,40}?\\b(?:to|on|onto|from|for|in) your (?:account|booking|order|file|record|bill|profile|policy|details|reservation)\\b)|(?:we(?:'ve| have)?|i(?:'ve| have)?)(?: also| now)? (?:moved|switched|changed|updated|retrained|trained|replaced|upgraded) (?:all|every|each)\\b|will no longer|no longer (?:happen|be)|new (?:process|procedure|check|policy|system)|make sure (?:that )?(?:this|it) (?:doesn't|does not|won't|will not|never) happen(?:s)? again|added (?:an? )?(?:automated |automatic |new |extra )?(?:test|check|step|alert|warning|confirmation|prompt)s?\\b|(?:every|each|all) (?:[\\w-]+ ){1,3}(?:is|are) now [\\w-]+ed\\b|\\b(?:our|the|all) (?:[\\w-]+ )?(?:team|teams|staff|crew|crews|drivers|engineers|agents|advisers|advisors|colleagues) now (?!\\w+ing\\b|on\\b|in\\b|at\\b|know\\b|have a\\b)\\w+|(?:are|is) (?:all )?(?:going through|getting|receiving|doing|being given|attending) (?:a |an |extra |more |new |further )?(?:refresher|training|retraining)|refresher (?:training|course|session)s?|\\b(?:[\\w-]+s|staff|everyone|every [\\w-]+) (?:[\\w-]+ ){0,3}now (?:have to|has to|must|need to|needs to|are required to|is required to)\\b|(?:fixed|fixes|changed|updated|resolved|improved|rolled out)\\b[^.!?]{0,20}? for (?:everyone|everybody|all (?:our )?(?:customers|users|passengers|members|accounts|guests|players|riders|patients))\\b",
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

/** A change told only by when ("in the future", "going forward"): not an action on its own
 * ("let us know if anything comes up in the future"). */
export const ONLY_LATER = /^(?:going forward|from now on|in (?:the )?future)$/i;
/** "In future" in a hope or an invitation ("we'll aim to do better in future", "let us know if
 * it happens in future") states no change. */
export const LATER_HOPE =
  /\b(?:aim|hope|try|trying|strive|endeavou?r|wish|do better|let (?:us|me) know|feel free|don't hesitate|if (?:you|anything|it)|reach out|contact us|get in touch|please|next time|you(?:'ll| will)? need to|make sure you|remember to)\b/i;
