// Word patterns behind the reply coach. Kept apart from the rules so they can be read
// (and argued about) on their own.
import type { Feeling } from './types.ts';

const w = (src: string): RegExp => new RegExp(`\\b(?:${src})\\b`, 'gi');

export const APOLOGY = w(
  'sorry|apologi[sz]e[sd]?|apologi[sz]ing|apolog(?:y|ies)|we regret|i regret|please forgive|forgive us|our bad|my bad',
);

export const CONDITIONAL_APOLOGY = w(
  '(?:sorry|apologi[sz]e|apologies)(?: (?:if|that) you(?: may)? (?:feel|felt|think|thought|were|are|got|have been))|(?:sorry|apologi[sz]e|apologies)(?: if)|(?:sorry|apologi[sz]e|apologies) (?:for|about) any (?:inconvenience|confusion|frustration|trouble|issues?)(?: (?:this|that|it) may have caused)?|(?:may|might) have (?:caused|experienced)|if you (?:feel|felt) (?:that )?(?:upset|offended|let down)|to your liking',
);

export const BLAME_SHIFT = w(
  "(?:sorry|apologi[sz]e|apologies)[^.!?]{0,40}?,? (?:but|however)|(?:our|the) (?:courier|carrier|vendor|supplier|partner|contractor|manufacturer|third[- ]party|delivery company|warehouse)|third[- ]party|the weather|weather (?:conditions|delays)|due to (?:weather|high (?:volume|demand)|circumstances|a system|technical)|(?:beyond|out of) our control|(?:our|company|the) policy|per (?:our )?policy|policy (?:states|says|is)|you (?:should have|didn't|did not|failed to|forgot to|must have)|your (?:fault|mistake|error)|not our fault|my colleague|another (?:agent|department|team)|the other (?:agent|department|team)|the system (?:did|didn't|failed|made|won't|doesn't)",
);

export const THANKS = w('thanks?|thank you|thanking you|appreciate|grateful|gratitude');

export const EVASIVE_PASSIVE = w(
  '(?:mistakes?|errors?) (?:was|were|have been|has been) made|(?:was|were|has been|have been|had been|got|get) (?:lost|misplaced|mislaid|damaged|mishandled|overlooked|missed|dropped|broken|ignored|forgotten|mis-?sent|misdirected|not (?:processed|sent|delivered|actioned|completed|received|updated|applied|followed|logged|recorded))',
);

export const CHANNEL = w(
  "dm|dms|pm|direct message|private message|send us a (?:dm|note|message)|message us|(?:call|phone|ring|email|e-mail|contact) us|(?:call|contact|email) (?:our|the) (?:team|support|store|customer care|helpline|number)|reach out to (?:us|our|the)|visit (?:our|the) (?:website|site|help|support|store)|follow (?:us|and dm)|click (?:'?message'?|the link)|(?:via|at|on) (?:https?://\\S+|[\\w.]+\\.(?:com|co\\.uk|net|org)\\S*)",
);

export const ACTION = w(
  "(?:i|we)(?:'ll|'ve|'re|'m| will| have| had| am| are| just)?(?: (?:gone ahead and|now|already|personally|just|also|happily|immediately))? (?:refund(?:ed)?|replac(?:e|ed)|sen[dt]|credit(?:ed)?|issu(?:e|ed)|reset|rebook(?:ed)?|re-?book(?:ed)?|cancel(?:l?ed)?|arrang(?:e|ed)|escalat(?:e|ed)|fix(?:ed)?|process(?:ed)?|ship(?:ped)?|waiv(?:e|ed)|book(?:ed)?|reissu(?:e|ed)|upgrad(?:e|ed)|reimburs(?:e|ed)|compensat(?:e|ed)|add(?:ed)?|appl(?:y|ied)|updat(?:e|ed)|chang(?:e|ed)|restor(?:e|ed)|reconnect(?:ed)?|reactivat(?:e|ed)|unlock(?:ed)?|pass(?:ed)? (?:this|it|your)|forward(?:ed)?|log(?:ged)?|report(?:ed)?|rais(?:e|ed)|look(?:ed|ing)? into|check(?:ed|ing)? (?:on|with|into)|investigat(?:e|ed|ing)|call(?:ed)? you|contact(?:ed)? (?:you|the)|put (?:a|in)|open(?:ed)? (?:a|an))|(?:a|your) (?:full )?refund (?:of|for|has|is|will)|(?:a|your) replacement (?:has|is|will)|you(?:'ll| will) (?:receive|get|see|be (?:refunded|credited|contacted))|let me (?:look|check|fix|sort|take)|(?:team|we) (?:is|are) (?:looking|working) (?:into|on)|(?:i|we)(?:'ll| will) (?:look|pass|get)|(?:looping|escalating|passing)|(?:(?:^|[.!?]\\s+|,\\s*)(?:please |pls |kindly )?)(?:try|update|restart|reinstall|clear|import|perform|format|reboot|unplug|return|check (?:your|that|if|to make)|can you check)",
);

export const VAGUE_TIME = w(
  'soon|shortly|asap|as soon as (?:possible|we can)|in due course|at some point|in the (?:coming|next few) (?:days|weeks)|when(?:ever)? possible|at (?:our|the) earliest|eventually|before long|a while',
);

const DAY =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';
const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
export const CONCRETE_TIME = w(
  `(?:by|before|until|at|on|this|next|from) (?:${DAY})|\\d{1,2}(?::\\d{2})? ?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\d{1,2}:\\d{2}|(?:within|in) (?:the next )?(?:\\d+|one|two|three|four|five|24|48|72) (?:business |working )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)|(?:by|before) (?:the )?(?:end of (?:the )?(?:day|today|week|business)|eod|cob|close of business|noon|midday|tonight|tomorrow|today)|today|tonight|tomorrow|(?:${MONTH}) \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTH})|\\d{1,2}/\\d{1,2}/\\d{2,4}`,
);

export const CHANGE = w(
  "so (?:that )?(?:this|it) (?:doesn't|does not|won't|will not|can't|cannot|never) happen again|(?:to )?(?:prevent|stop|avoid) (?:this|it|the same) (?:from )?happening again|going forward|from now on|in (?:the )?future|(?:we(?:'ve| have)?|i(?:'ve| have)?) (?:changed|updated|fixed|retrained|trained|introduced|added|improved|corrected|amended|put in place|rolled out|replaced)|will no longer|no longer (?:happen|be)|new (?:process|procedure|check|policy|system)",
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
  angry: w('angry|anger|furious|mad|livid|outraged|upset|cross'),
  frustrated: w(
    'frustrat\\w*|annoy\\w*|exasperat\\w*|fed up|irritat\\w*|aggravat\\w*|tiresome|maddening',
  ),
  anxious: w(
    'anxious|anxiety|worr\\w*|concern\\w*|stress\\w*|nervous|scar\\w*|uneasy|unsettl\\w*|afraid|fear\\w*|alarming',
  ),
  disappointed: w(
    'disappoint\\w*|let (?:you|u) down|letdown|not what you expected|fell short|below (?:the |what )?(?:standard|expect\\w*)',
  ),
  confused: w("confus\\w*|unclear|puzzl\\w*|not clear|doesn't make sense|misleading|baffl\\w*"),
  sad: w('sad|saddened|heartbreak\\w*|heartbroken|upset\\w*|distress\\w*|devastat\\w*|hurt'),
  embarrassed: w('embarrass\\w*|awkward|humiliat\\w*|uncomfortable position|put you on the spot'),
};
