// The scorer's own word lists: English grammar, not interview content (that lives in the rubric files).

/** Words that make a run of terms into a sentence. "and"/"or" are left out: lists have them too. */
export const FUNCTION_WORDS = new Set(
  (
    'i we you he she they it me us them my our your their its this that these those there here ' +
    'is are was were be been being am do does did doing have has had having would will should could can may might must shall ' +
    'the a an to of for in on at by with from into about as than then so because since if when which who whom whose what why how ' +
    "not no don't doesn't didn't isn't aren't won't wouldn't can't i'd i'm i'll we'd we're we'll it's that's let's"
  ).split(' '),
);

/** Words whose trailing period does not end a sentence. */
export const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'etc', 'approx', 'mr', 'mrs', 'ms', 'dr', 'inc', 'ltd', 'no', 'cf', 'eg', 'ie']);

/** Words that turn what follows them, within their clause, into something rejected. */
export const NEGATOR_WORDS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'without',
  'beyond',
  'unlike',
  'over',
  'avoid',
  'avoiding',
  'ignore',
  'ignoring',
  'forget',
  'skip',
  'against',
]);

/**
 * A negator's reach ends where a clause with its own subject starts right after it: "no I'd track
 * retention". Speech often leaves out the comma that would have ended it.
 */
export const CLAUSE_SUBJECTS = new Set([
  'i',
  "i'd",
  "i'll",
  "i'm",
  'we',
  "we'd",
  "we'll",
  "we're",
  'you',
  "you'd",
  "you'll",
  'they',
  "they'd",
  "they'll",
  'he',
  'she',
]);

/** A pronoun right after a negator is what it negates, and its reach ends there: "guard against it", "ignore them". */
export const NEGATED_PRONOUNS = new Set(['it', 'them']);

/** Words that start the means of what was said before them: "guard against fraud by watching retention". */
export const MEANS_WORDS = new Set(['by', 'through', 'via']);

/** Two-word negators: the second word, and the first words it follows. */
export const NEGATOR_PAIRS = new Map([
  ['of', new Set(['instead'])],
  ['than', new Set(['rather', 'other'])],
  ['tracking', new Set(['stop', 'stopping'])],
  ['chasing', new Set(['stop', 'stopping'])],
  ['counting', new Set(['stop', 'stopping'])],
  ['optimising', new Set(['stop', 'stopping'])],
  ['optimizing', new Set(['stop', 'stopping'])],
]);

const NOT_NEGATING_NEXT = new Set(['only', 'just', 'merely', 'simply', 'exceed', 'fall', 'drop', 'go', 'dip', 'matter']);
const COMPARATIVES = new Set(['more', 'less', 'later', 'fewer', 'higher', 'lower']);
const OVER_TIME = new Set(['time', 'the', 'a']);

/** Negators that do not negate: "not only X", "no more than 2%", "over the last quarter". */
export function notNegating(tokens: readonly { norm: string }[], j: number): boolean {
  const w = tokens[j]!.norm;
  const next = tokens[j + 1]?.norm ?? '';
  if ((w === 'not' || w.endsWith("n't") || w === 'no') && NOT_NEGATING_NEXT.has(next)) return true;
  if ((w === 'not' || w === 'no') && COMPARATIVES.has(next) && tokens[j + 2]?.norm === 'than') return true;
  if (w === 'over') {
    if (/^\d/.test(next) || next === 'time') return true;
    if (OVER_TIME.has(next)) {
      const after = tokens[j + 2]?.norm ?? '';
      return /^(?:last|next|past|first|course|period|week|month|quarter|year|years|months|weeks|few)$/.test(after);
    }
  }
  return false;
}

/** After a term: "X is not the right metric", "X doesn't tell us". */
export const REJECTED_AFTER =
  /^\W{0,3}(?:\s*(?:alone|itself|by itself))?\s*(?:is|are|was|were)\s+(?:not|n['’]t)\b|^\W{0,3}\s*(?:is|are|was|were)n['’]t\b|^\W{0,3}\s*(?:does|do|did)(?:\s+not|n['’]t)\s+(?:matter|tell|reflect|capture|show|mean|measure|drive|predict|indicate)/iu;

/** A view reported as someone's before what it says: "the growth team will say", "people think", "some argue". */
export const REPORTED_VIEW =
  /(?<![\p{L}'’])(?:says?|claims?|argues?|thinks?|believes?|(?:will|would|might|may|could) (?:say|argue|claim|tell you))(?![\p{L}])/giu;

/** The speaker as the one who reports: "I think", "we'd say", "I would argue" give the speaker's own view. */
export const OWN_VIEW = /(?:^|[^\p{L}'’])(?:i|i['’]d|i['’]ll|i['’]m|we|we['’]d|we['’]ll)\s+(?:[\p{L}'’]+\s+){0,2}$/iu;

/** A turn against what was just reported: "…, but", "however". */
export const DISPUTED = /(?<![\p{L}])(?:but|however|yet|except that)(?![\p{L}])/iu;

/** Words that call a metric out as misleading. */
export const CRITICISM =
  /(?<![\p{L}])(?:vanity|misleading|mislead|looks? good|feel[- ]good|superficial|meaningless|easy to game|gameable|easily gamed|can be gamed|says? nothing|tells? (?:us )?nothing|doesn['’]t tell|does not tell|noise|noisy|proxy at best|inflate[sd]?|cheap to (?:buy|get|inflate)|easy to (?:buy|inflate)|can be bought|tells? (?:us )?little|says? little)(?![\p{L}])/iu;

/** Text that speaks to the grader instead of the interviewer. */
export const GRADER_DIRECTED: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}\b(?:rubric|instructions?|prompts?|criteria|rules|guidelines|grading|scoring|above|previous)\b/i,
  /\b(?:give|award|assign|grant|rate|score|mark)\b[^.!?\n]{0,30}\b(?:full|maximum|max|perfect|top|highest|100|10\/10|100\/100|five stars)\b[^.!?\n]{0,20}\b(?:marks?|scores?|points?|grades?|ratings?|stars|band)?/i,
  /\b(?:dear|attention|note (?:to|for) (?:the)?|hey|hello)\s+(?:grader|scorer|evaluator|examiner|ai|model|llm|assistant|chatgpt)\b/i,
  /\b(?:you are|act as|pretend to be|you're)\s+(?:now\s+)?(?:a|an|the)?\s*(?:lenient|generous|kind)?\s*(?:grader|scorer|evaluator|examiner)\b/i,
  /\b(?:this|my) answer (?:is|should be) (?:rated|scored|graded|marked)\b/i,
  /\bsystem prompt\b|<\/?(?:system|instructions?)>/i,
];

/** Whole answers that are not an attempt: "dont know", "xyz", "test". */
export const NON_ANSWER =
  /^(?:(?:i\s*)?(?:dont|don['’]t|do not|dunno)(?:\s*really)?\s*know|idk|no idea|not sure|no clue|pass|skip(?:ped)?|next|n\/?a|none|nothing|nil|null|undefined|test(?:ing)?(?: \d+)?|xyz+|abc|asdf\w*|qwerty\w*|lorem ipsum.*|hmm+|um+|uh+|ok(?:ay)?|yes|no|maybe|blah(?: blah)*|\.+|\?+|-+|\w)$/iu;

/** Inside a longer answer, the candidate saying they cannot answer: "I don't know", "I'm not sure", "no idea". */
export const NOT_KNOWING =
  /\b(?:i\s+(?:do\s+not|don['’]?t|dont)\s+know|i['’]?m\s+not\s+sure|i\s+am\s+not\s+sure|no\s+idea|not\s+sure\s+what)\b/iu;

/**
 * Words that carry no content of their own in an answer: light verbs, evaluations, quantities and
 * the nouns every answer about a product uses. A sentence needs a word besides these, the question's
 * and the rubric's headings to say something; two sentences sharing only these share no thread.
 */
export const GENERIC_WORDS = new Set(
  (
    'also too very really just only even still already quite rather pretty much many more most less least lot lots ' +
    'some any all every each other another such same different various several certain own whole ' +
    'important importance key crucial critical essential vital necessary useful valuable good great better best bad worse worst ' +
    'right wrong clear clearly big small high low new old main real true simple easy hard possible able sure likely ' +
    'one ones thing things something anything everything way ways kind sort type part lot point case fact stuff ' +
    'think thought believe feel know knew say said tell want need needs needed make makes made get gets got go goes going went ' +
    'do done doing use used using have having take takes took give gives look looking looks see seen come comes try trying ' +
    'ensure focus focusing consider considering understand understanding help helps helping keep keeps work works working ' +
    'product products team teams company companies business businesses user users customer customers people person ' +
    'question answer approach idea ideas step steps handle describe explain walk example situation scenario set put ' +
    'honestly basically actually obviously definitely probably maybe perhaps ' +
    "yes yeah ok okay well like i'd i'm i've we've you'd you're they're there's what's don't"
  ).split(' '),
);

/**
 * Words about answering rather than about the answer, and words any plan uses: "the reason is that it
 * shows…", "it matters", "you are asking", "act on it", "get back to it". An answer made of these and
 * the question's words has said nothing of its own. Read only for that (not as GENERIC_WORDS, which
 * decide what a sentence is about).
 */
export const ANSWERING_WORDS = new Set(
  'reason show ask matter mean tell act back end number reasons shows showed shown asks asked asking matters mattered means meant tells told acts acting ends numbers'.split(
    ' ',
  ),
);

/** Words that join or place other words: they say nothing of what a sentence is about. */
export const LINKING_WORDS = new Set(
  (
    'and or but nor yet while whereas although though unless until whether either neither both ' +
    'between among across along around over under above below up down out off through during before after ' +
    'against without within onto upon toward towards via per like unlike instead besides beyond ' +
    'where whenever wherever however therefore thus hence once again'
  ).split(' '),
);

/** Units and marks of time: "last year", "every Sunday" tie a sentence to no topic. */
export const TIME_WORDS = new Set(
  (
    'time times day days week weeks month months year years quarter quarters hour hours minute minutes second seconds ' +
    'today yesterday tomorrow now then later soon early earlier late last next first second third ' +
    'monday tuesday wednesday thursday friday saturday sunday weekend morning evening night summer winter spring autumn fall'
  ).split(' '),
);

/** Words that open a sentence continuing the one before: it stays on that sentence's topic. */
export const CONTINUING_WORDS = new Set(
  'so because since this that these those it its they them which thus therefore hence otherwise then and but also plus not instead rather'.split(
    ' ',
  ),
);

/** Words that point back to what was just said: near a sentence's start they continue it ("If it falls…", "A shop that does that…"). */
export const REFERRING_WORDS = new Set(
  "this that these those it its they them their such it's that's they're it'll that'll they'll it'd that'd they'd".split(' '),
);

/**
 * Nouns that name a kind of thing an answer could give, not the thing: "a dashboard", "governance",
 * "guardrails". Said alone they fill nothing in, for every rubric.
 */
export const HEADING_WORDS = (
  'dashboard governance framework process structure system mechanism guardrail guardrails driver drivers indicator indicators ' +
  'metric metrics kpi kpis measure measures goal goals objective objectives strategy vision alignment stakeholder stakeholders ' +
  'incentive incentives cadence forum owner ownership accountability review reviews plan roadmap priority priorities culture'
).split(' ');
