// How reasoning shows in English sentences, whatever the domain: connectives, sentence shapes, scaffolding.
// These are grammar and discourse, not interview content (that lives in the rubric files). Each cue
// is a phrase list in the rubric language's phrase syntax (see text/phrases.ts). The scorer's
// reasoning features count them, and rubrics may name them as built-in lexicons (REASONING_LEXICONS).

export interface CueList {
  /** What the cue looks for, in words, for the explanation. */
  label: string;
  phrases: readonly string[];
}

/** The number words from two to a hundred: the figures the cue phrases and the figure count both read. */
const CARDINALS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
];
/** A figure in a cue phrase: digits, or a number word ("one" too, as "one or more" says a figure). */
const DIGITS = `(#|one|${CARDINALS.join('|')}|a hundred)`;
const UNITS = '(day|days|week|weeks|month|months|quarter|quarters|hour|hours|minute|minutes)';
const PRONOUN = '(we|you|they|i|it|that|this)';

/**
 * A countable thing with a measure: "visits per patient", "share of clinics that renew",
 * "no-show rate", "within 30 days", "time to first order". Not a closed list of names.
 */
export const METRIC_SHAPES: CueList = {
  label: 'metrics by their shape',
  phrases: [
    '(share|percentage|percent|proportion|fraction|number|count|ratio) of (all|the|our)? _ _? _? _? (who|that|which|whose|where)',
    'the (share|percentage|proportion|fraction) (that|who|which)',
    'how many _ _? (each|every|per|a) _',
    `(within|in|over|after|per) (the)? (first)? ${DIGITS} ${UNITS}`,
    '# (day|week|month) (window|period|cohort|retention|active)',
    'time (to|until|between) (the)? (first|second)? _',
    // A figure held to a line needs no unit after it: "payment success above 99%".
    `(at least|more than|fewer than|less than|no more than|above|below|under) ${DIGITS} _?`,
  ],
};

export const CUES = {
  commitment: {
    label: 'commits to a choice',
    phrases: [
      "(i|i'd|i would|i will|we'd|we would) (pick|choose|go with|anchor on|bet on|optimise for|optimize for)",
      '(i|we) (start|begin) (from|with) the (outcome|result)',
      "(i'd|i would|we'd|we would) run _ _? on",
      "(i'd|i would|we'd|we would) (steer|manage|judge) (it|this|us|the business|the product|the company)? (by|on)",
      '(one|a single) (ratio|number|metric|measure) (to|that|i|we)',
      "(i'd|i would|we'd|we would) (measure|judge) (it|this|success|the app|the product|the business|us) by",
      'my (north star|choice|pick|kpi|primary metric|one metric)',
      '(the|my|our) (right|best|true|real|single)? (one|single|primary|main|core|most important|north star|key) (metric|kpi|number|measure|outcome) (is|would be|should be)',
      '(the|my|our) (right|best|true|real)? north star (for|of|here)? _? _? (is|would be|should be)',
      'north star (is|would be|should be)',
      '(is|would be) (my|our|the) (north star|kpi|primary metric)',
      'above all',
      'if i had to (pick|choose)',
      "the (metric|kpi|number) (i|we|i'd|we'd|i would|we would) (use|watch|pick|choose|track|run|own|anchor)",
      'success (is|means|looks like)',
      '(measure|define) success (by|as)',
    ],
  },
  definition: {
    label: 'defines what counts',
    phrases: [
      'defined as',
      'define (it|this|that|success|active|them) as',
      'definition',
      'where (a|an|each) _ (is|counts|means)',
      '(measured|calculated|counted) (as|by)',
      '(count|counts) (only|as|every|each)',
      'meaning',
      'i e',
      'that is',
      'the (share|percentage|proportion|fraction|number) (of|that|who)',
      'divided by',
      'over (the)? total',
      '(out of|of) (all|every) (the)?',
      `(at least|more than|or more|minimum of) ${DIGITS} _`,
      `${DIGITS} or more _`,
      `in a ${DIGITS} (day|week|month) window`,
    ],
  },
  reason: {
    label: 'gives a reason',
    phrases: [
      'because',
      'since',
      'so (that|it|this|one|we|they|the)',
      '(which|this|that) means',
      "(that's|that is|which is|this is) why",
      'the reason',
      'therefore',
      'thus',
      'hence',
      'as a result',
      'in order to',
      'it (shows|tells|reflects|captures|predicts|signals)',
      // A cleft that names what the thing does: "it's what pays back the ad spend".
      "(it's|it is|that's|that is) what (pays|drives|brings|keeps|makes|moves|earns|funds|predicts|tells)",
      '(drives|leads to|results in|correlates with|predicts|reflects|captures|proves|indicates)',
      'is (a)? (leading|lagging) (indicator|signal)',
      '(is|are) worth',
      'translates (to|into)',
      'the (value|cost) (of|is)',
      '(each|every|one) (point|percent|percentage point)',
      // The purpose of a look at the data, and a hypothesis to test: reasons for a step.
      'to (see|find out|learn|tell|check) (which|whether|if|where|why|how|what)',
      'my (guess|hunch|hypothesis|bet) (is|would be)',
      'i (suspect|would guess)',
    ],
  },
  contrast: {
    label: 'weighs alternatives and trade-offs',
    phrases: [
      'not to (use|pick|choose|chase)',
      '(chose|choose|chosen|picked|pick|prefer|preferred) (it|this|that)? over',
      '(tell|tells) us (little|nothing)',
      '(cheap|easy) to (buy|inflate|game)',
      "(cannot|can't|won't|wouldn't|doesn't|does not) (tell|show|capture|distinguish|see)",
      'the (problem|danger|issue|trap|catch|downside) (with|is|here)',
      'unlike',
      'compared (to|with)',
      'misleading',
      'rather than',
      'instead of',
      'as opposed to',
      'versus',
      'vs',
      'trade off*',
      'tradeoff*',
      'at the (expense|cost) of',
      'the risk (is|here)',
      'on the other hand',
      'whereas',
      'but (it|that|this|they)',
      'however',
      '(can|could) be gamed',
      // Another metric called vanity in so many words ("installs are the vanity version"), not vanity in general.
      '(is|are|was|were) (just|only|merely|mostly|really|basically)? (a|the) vanity',
      'misses',
      'hides',
      'inflate*',
      'cannibali*',
    ],
  },
  mechanism: {
    label: 'mechanism: who, how often, what decides',
    phrases: [
      'every (week|month|quarter|sprint|day|monday|friday)',
      '(weekly|monthly|quarterly|daily|biweekly) (review|sync|meeting|business review|check in|report|dashboard|cadence)',
      'owns',
      // Who owns what, not "I'd take ownership", which any answer can say.
      '(clear|single|shared|joint|named|one) ownership',
      'ownership (sits|lies|belongs|is with|stays with)',
      '(owner|owners) (of|for)',
      '(is|as) the owner',
      'accountable',
      'decision*',
      'decides',
      'escalat*',
      'bonus*',
      'compensation',
      'commission*',
      'quota*',
      'okr*',
      'dashboard*',
      'alert*',
      'threshold*',
      'trigger*',
      'kill (it|the)',
      'roll back',
      'rolled back',
      'pause',
    ],
  },
  evidence: {
    label: 'evidence or experience',
    phrases: [
      'last (spring|summer|autumn|fall|winter|year|quarter|month|week)',
      '(a|one|two|three|a few|several) (year|years|month|months|quarter|quarters) ago',
      'at the time',
      'back then',
      'at (my|our) (last|previous|current)',
      'in (my|a) (previous|last|past) (role|job|company|team)',
      'when i (was|led|ran|worked)',
      'we (saw|found|learned|noticed|discovered|measured|ran|tested|launched|shipped|moved|cut|grew|lifted|doubled|halved|raised|dropped)',
      'i (saw|found|learned|noticed|ran|led|shipped|launched)',
      'for (example|instance)',
      'e g',
      'in one case',
      'the data (showed|shows)',
      '(a|an) (a b|ab) test',
      'experiment (showed|found)',
    ],
  },
  scaffold: {
    label: 'scaffolding phrases',
    phrases: [
      "(it's|it is) (important|essential|crucial|vital|key|critical|imperative) to",
      '(firstly|secondly|thirdly|fourthly|lastly|additionally|furthermore|moreover)',
      'in (conclusion|summary)',
      'to conclude',
      'a (variety|range|number|set|mix) of',
      'various',
      'comprehensive',
      'holistic',
      'multiple (metrics|kpis|factors)',
      'ensure that',
      'to ensure',
      'leverage',
      'leveraging',
      'utilise',
      'utilize',
      'by (doing so|utilizing|leveraging)',
      "in today's",
      'best practice*',
      '(play|plays) a (key|crucial|vital|significant) role',
      'it depends',
      'there are (many|several|a few) (metrics|kpis|ways|factors)',
      'key (metrics|indicators|kpis|performance indicators)',
      'things such as',
    ],
  },
} satisfies Record<string, CueList>;

export type CueId = keyof typeof CUES;

/**
 * Words that sound like management and say nothing on their own; an answer thick with them
 * and thin on figures, names and mechanisms is generic.
 */
export const VAGUE: CueList = {
  label: 'management words',
  phrases: [
    'cross functional',
    'stakeholder*',
    'alignment',
    'aligned',
    'align',
    'synerg*',
    'holistic*',
    'effective',
    'effectively',
    'efficient',
    'efficiently',
    'seamless*',
    'continuous*',
    'regular',
    'regularly',
    'closely',
    'thoroughly',
    'as needed',
    'overall',
    'various',
    'insight*',
    'key',
    'critical',
    'crucial',
    'essential',
    'trends',
    'objectives',
    'goals',
    'development',
    'areas',
    'approach',
    'analysis',
    'analyse',
    'analyze',
    'evaluate',
    'assess',
    'identify',
    'understanding',
    'monitor',
    'monitoring',
    'performance',
    'management',
    'measurable',
    'communication',
    'strategic',
    'strategically',
    'strategy',
    'valuable',
    'multiple',
    'needs',
    'initiatives',
    'ensure',
    'leverage',
    'utilise',
    'utilize',
    'comprehensive',
    'data driven',
    'customer centric',
    'user centric',
    'best practice*',
    'value proposition',
    'customer satisfaction',
    'market research',
    'robust',
    'optimal',
    'enhance*',
    'foster*',
    'facilitat*',
    'empower*',
  ],
};

/** A situated line of thought: "if we…", "when they…", "we saw…", a consequence that follows a condition. */
export const SITUATED: CueList = {
  label: 'situated reasoning',
  phrases: [
    `(if|when|once|until|unless|after|before|so|then) ${PRONOUN} _`,
    '(if|when|once|until|unless|after|before|so|then) the _ _',
    "(if|when|once|unless|so) _ _? _? (can|can't|cannot|will|won't|would|wouldn't|is|isn't|are|aren't|has|have|does|doesn't|don't|drops|drop|rises|rise|falls|fall|goes|go|moves|makes|means|carries|shows|stops|starts|crosses|cross|hits|hit|reaches|reach|exceeds|exceed|breaches|breach|slips|slip)",
    '(we|i) (agreed|decided|asked|proposed|suggested|launched|tested|measured|noticed|realised|realized|worked|used|changed|moved|tried|learned|learnt|started|stopped|helped|dropped|lifted|raised|doubled|halved|added|removed|reduced|increased|improved|rolled|shipped|missed|tracked|reviewed|planned|picked|called|looked|wanted|needed|saw|found|built|ran|had|did|went|sat|set|made|took|gave|got|wrote|chose|kept|told|held|knew|brought|won|lost|cut|grew|met|spent|paid)',
  ],
};

/** Hedging instead of answering: "it depends", "every company is different", "I'd defer to you". */
export const HEDGE: CueList = {
  label: 'hedging',
  phrases: [
    'it depends',
    'it really depends',
    "(every|each) (company|team|organisation|organization|situation|culture|case) (is|'s) (different|unique)",
    'one size fits all',
    "(i'd|i would) (kind of)? defer",
    'kind of',
    'sort of',
    'i guess',
    "(i'm|i am) not sure",
    'hard to say',
    "there's no (right|single|one) answer",
    'there is no (right|single|one) answer',
    'no silver bullet',
    'at the end of the day',
  ],
};

/** A concrete step the candidate would take: "I'd check…", "we would pay…", "I'll take it to…". */
export const PLAN: CueList = {
  label: 'concrete steps',
  phrases: [
    "(i'd|i would|i will|i'll|we'd|we would|we will|we'll) (then|first|also)? (check|run|pay|take|split|cut|test|compare|ask|set|move|put|build|ship|launch|call|look|watch|track|review|start|stop|kill|pause|roll|share|tie|change|give|offer|raise|lower|drop|add|remove|pull|segment|decompose|break|hold|meet|write|send|measure|dig|audit|sample|escalate|flag|bring)",
  ],
};

/**
 * Shapes found from their middle word, which is cheaper than a phrase that starts with any word:
 * "visits per patient" (a plural before "per"), "no-show rate" (a word before "rate").
 */
export const PER = 'per';
export const MEASURE_NOUNS = new Set(['rate', 'ratio', 'yield', 'velocity']);
/** Words that make "X rate" not a metric: "at any rate", "the growth rate" is kept, "a rate" is not. */
export const NOT_BEFORE_MEASURE = new Set([
  'the',
  'a',
  'an',
  'at',
  'any',
  'this',
  'that',
  'same',
  'high',
  'low',
  'first',
  'whatever',
  'what',
  'which',
  'its',
  'their',
  'our',
  'my',
  'your',
]);
/** Number words that count as figures when a noun follows: "two failures", "thousands of sales". */
export const NUMBER_WORDS = new Set([
  ...CARDINALS,
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'billions',
  'crore',
  'crores',
  'lakh',
  'lakhs',
  'half',
  'twice',
  'double',
  'triple',
]);

/**
 * What phrases cannot say: punctuation. "Payment success rate: the share of…" opens with a
 * definition; ", not a count" sets an alternative aside; ", so" draws a consequence.
 */
export const OPENING_DEFINITION = /^\s*[^:;.!?]{3,60}:\s+(?:the|how|share|percentage|number|of|out|every|each|a|an|all)\b/iu;
export const COMMA_CUES = /,\s+(?:(not)\s+(?:a|an|the|just|only)|so)\b/giu;

/**
 * The cue lists a rubric library may name as lexicons without defining them, so that a rubric
 * recognises a commitment, a definition or a reason however it is worded.
 */
export const REASONING_LEXICONS: Readonly<Record<string, readonly string[]>> = {
  reasoning_shapes: METRIC_SHAPES.phrases,
  reasoning_commitment: CUES.commitment.phrases,
  reasoning_definition: CUES.definition.phrases,
  reasoning_reason: CUES.reason.phrases,
  reasoning_contrast: CUES.contrast.phrases,
  reasoning_mechanism: CUES.mechanism.phrases,
  reasoning_evidence: CUES.evidence.phrases,
};
