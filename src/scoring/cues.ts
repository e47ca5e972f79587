// How reasoning shows in English sentences, whatever the domain: connectives, sentence shapes, scaffolding.
// These are grammar and discourse, not interview content (that lives in the rubric files).

const W = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’&-]*`;
/** One to four words, for the noun phrases inside a shape. */
const WORDS = (max: number) => String.raw`(?:${W}\s+){0,${max - 1}}${W}`;
const rx = (source: string) => new RegExp(source, 'giu');

export interface Cue {
  id: string;
  /** What the cue looks for, in words, for the explanation. */
  label: string;
  pattern: RegExp;
}

/**
 * A countable thing with a measure: "visits per patient", "share of merchants who…",
 * "no-show rate", "within 30 days", "time to first order". Not a closed list of names.
 */
export const METRIC_SHAPES: Cue[] = [
  { id: 'per', label: 'X per Y', pattern: rx(String.raw`\b${W}s\s+per\s+(?:(?:active|paying|new|weekly|monthly)\s+)?${W}`) },
  {
    id: 'share-of',
    label: 'share / number of Y who Z',
    pattern: rx(String.raw`\b(?:share|percentage|percent|proportion|fraction|number|count|%|ratio)\s+of\s+(?:all\s+|the\s+|our\s+)?${WORDS(4)}\s+(?:who|that|which|whose|with|where|in\s+which)\b`),
  },
  { id: 'rate', label: 'a rate or ratio', pattern: rx(String.raw`\b(?!(?:the|a|an|at|any|this|that|growth|same|high|low|first|whatever)\s)${W}\s+(?:rate|ratio|yield|velocity)\b`) },
  { id: 'window', label: 'a time window', pattern: rx(String.raw`\b(?:within|in|over|after|per)\s+(?:the\s+)?(?:first\s+)?(?:\d+|a|one|two|three|four|five|six|seven|ten|thirty|ninety|sixty)[\s-]*(?:day|week|month|quarter|hour|minute)s?\b|\b\d+[\s-]*(?:day|week|month)\s+(?:window|period|cohort|retention|active)|\b(?:d|w|m)\d{1,3}\b`) },
  { id: 'time-to', label: 'time to an event', pattern: rx(String.raw`\btime\s+(?:to|until|between)\s+(?:the\s+)?(?:first\s+|second\s+)?${W}`) },
  { id: 'threshold', label: 'a count threshold', pattern: rx(String.raw`\b(?:at\s+least|more\s+than|fewer\s+than|less\s+than|no\s+more\s+than|above|below|under|over)\s+(?:\d[\d,.]*|one|two|three|five|ten)\s*%?\s*(?!(?:we|i|you|they|it|and|or|then)\b)${W}`) },
];

export const CUES = {
  commitment: {
    label: 'commits to a choice',
    pattern: rx(
      String.raw`\b(?:i(?:['’]d| would| will)?\s+(?:pick|choose|go with|anchor on|bet on|optimi[sz]e for|start (?:from|with) the outcome)|my\s+(?:north[\s-]star|choice|pick|kpi|primary metric|one metric)|(?:the|my|our)\s+(?:right\s+|best\s+|true\s+|real\s+|single\s+)?(?:one|single|primary|main|core|most important|north[\s-]star|key)\s+(?:metric|kpi|number|measure|outcome)(?:\s+(?:for|of|here)\s+${WORDS(4)})?\s+(?:is|would be|should be|i(?:['’]d| would) (?:use|pick|choose|watch))\b|north[\s-]star(?:\s+(?:for|of|here)\s+${WORDS(4)})?\s+(?:is|would be|should be)\b|(?:is|would be)\s+(?:my|our|the)\s+(?:north[\s-]star|kpi|primary metric)|above all|if i had to (?:pick|choose)|the (?:metric|kpi|number) (?:i|we)(?:['’]d| would)?\s+(?:use|watch|pick|choose|track)|success (?:is|means|looks like)\b|(?:measure|define) success (?:by|as))`,
    ),
  },
  definition: {
    label: 'defines what counts',
    pattern: rx(
      String.raw`\b(?:defined as|define[sd]?\s+(?:it|this|that|success|active|an?\s+\S+|the\s+\S+(?:\s+\S+)?)\s+as|definition|where (?:an?|each) \S+ (?:is|counts|means)|measured as|measured by|calculated as|counts?\s+(?:only|as|every|each)|meaning\b|i\.e\.|that is,|which is the (?:share|number|percentage)|the (?:share|percentage|proportion|fraction|number) (?:of|that|who)|divided by|over (?:the )?total|(?:out )?of (?:all|every) (?:the )?)|^[^:]{2,60}:\s+(?:the|how many|how often|share|percentage|number|of|out of|every|each)\b`,
    ),
  },
  reason: {
    label: 'gives a reason',
    pattern: rx(
      String.raw`(?:,\s+so\b|\bso\s+(?:it|this|that|one|we|they|the)\b)|\b(?:because|since (?!\d)|so that|which means|this means|that means|that(?:['’]s| is) why|the reason|therefore|thus|hence|as a result|in order to|it (?:shows|tells|reflects|captures|predicts|signals)|(?:drives|leads to|results in|correlates with|predicts|reflects|captures|proves|indicates)\b|is (?:a )?(?:leading|lagging) (?:indicator|signal)|is worth|translates (?:in)?to|the (?:value|cost) (?:of|is)|(?:each|every|one) (?:point|percent|percentage point)\b)`,
    ),
  },
  contrast: {
    label: 'weighs alternatives and trade-offs',
    pattern: rx(
      String.raw`(?:,\s+not\s+(?:a|an|the|just)\b|\bnot to (?:use|pick|choose|chase)|\b(?:can(?:not|['’]t)|won['’]t|wouldn['’]t) (?:tell|show|capture|distinguish|see)|\bthe (?:problem|danger|issue|trap) (?:with|is)|\bunlike\b|\bcompared (?:to|with)|\bmisleading|\brather than|\binstead of|\bover (?:something like|raw|plain|just)|as opposed to|versus|vs\.?|trade[\s-]?offs?|at the (?:expense|cost) of|the downside|the risk (?:is|here)|the catch|on the other hand|whereas|but (?:it|that|this|they)|however|which (?:can|could) be gamed|can be gamed|doesn['’]t (?:tell|capture|show)|does not (?:tell|capture|show)|misses|hides|inflate|cannibali[sz])`,
    ),
  },
  mechanism: {
    label: 'mechanism: who, how often, what decides',
    pattern: rx(
      String.raw`\b(?:every (?:week|month|quarter|sprint|day|monday|friday)|(?:weekly|monthly|quarterly|daily|biweekly) (?:review|sync|meeting|business review|check[\s-]?in|report|dashboard|cadence)|owns?\b|owner|accountable|(?:decision|escalat)\w*|if (?:it|the|we|that|this|they|[\p{L}]+ (?:rate|share))[^.;]{0,60}(?:drops?|falls?|dips?|rises?|goes|exceeds?|crosses|misses|breaks?)|(?:bonus|compensation|commission|quota|okrs?)\b|dashboard|alert|threshold|trigger|kill (?:it|the)|roll(?:ed)? back|pause)`,
    ),
  },
  evidence: {
    label: 'evidence or experience',
    pattern: rx(
      String.raw`\b(?:last (?:spring|summer|autumn|fall|winter|year|quarter|month|week)|(?:a|one|two|three|a few|several) (?:years?|months?|quarters?) ago|at the time|back then|in (?:19|20)\d\d|at (?:my|our) (?:last|previous|current)|in (?:my|a) (?:previous|last|past) (?:role|job|company|team)|when i (?:was|led|ran|worked)|we (?:saw|found|learned|noticed|discovered|measured|ran|tested|launched|shipped|moved|cut|grew|lifted|doubled|halved|raised|dropped)|i (?:saw|found|learned|noticed|ran|led|shipped|launched)|for (?:example|instance)|e\.g\.|in one case|the data (?:showed|shows)|an? (?:a\/b|ab) test|experiment (?:showed|found))`,
    ),
  },
  scaffold: {
    label: 'scaffolding phrases',
    pattern: rx(
      String.raw`\b(?:it(?:['’]s| is) (?:important|essential|crucial|vital|key|critical|imperative) to|firstly|secondly|thirdly|fourthly|lastly|additionally|furthermore|moreover|in conclusion|to conclude|overall,|in summary|a (?:variety|range|number|set|mix) of|various|comprehensive|holistic|multiple (?:metrics|kpis|factors)|ensure that|to ensure|leverage|utili[sz]e|by (?:doing so|utilizing|leveraging)|in today['’]s|best practices?|plays? a (?:key|crucial|vital|significant) role|it depends|there are (?:many|several|a few) (?:metrics|kpis|ways|factors)|key (?:metrics|indicators|kpis|performance indicators)|(?:such|things) as\b)`,
    ),
  },
} satisfies Record<string, Omit<Cue, 'id'>>;

/**
 * Words that sound like management and say nothing on their own: a sentence built of them with
 * no figure, name, quoted example or metric is generic.
 */
export const VAGUE = rx(
  String.raw`\b(?:cross[\s-]functional|stakeholders?|alignment|aligned|align|synerg\w*|holistic\w*|effective(?:ly)?|efficient(?:ly)?|seamless(?:ly)?|continuous(?:ly)?|regular(?:ly)?|closely|thoroughly|as needed|overall|various|insights?|key|critical|crucial|essential|trends|objectives|goals|development|areas|approach|analysis|analy[sz]e|evaluate|assess|identify|understanding|monitor(?:ing)?|performance|management|measurable|communication|strategic(?:ally)?|strategy|valuable|multiple|needs|initiatives|ensure|leverage|utili[sz]e|comprehensive|data[\s-]driven|customer[\s-]centric|user[\s-]centric|best practices?|value proposition|customer satisfaction|market research|robust|optimal|enhance\w*|foster\w*|facilitate\w*|empower\w*)\b`,
);

/** A concrete step the candidate would take: "I'd check…", "we would pay…", "I'll take it to…". */
export const PLAN = rx(String.raw`\b(?:i['’]d|i would|i will|i['’]ll|we['’]d|we would|we will|we['’]ll)\s+(?:then\s+|first\s+|also\s+)?(?!be\b|have\b|like\b|say\b|think\b|want\b|need\b|ensure\b|try\b|strive\b|aim\b|work closely\b|make sure\b)\p{L}+`);

/** A situated line of thought: "if we…", "when they…", "then we…", "we saw…". */
export const SITUATED = rx(
  String.raw`\b(?:(?:if|when|once|until|unless|after|before|so|then)\s+(?:we|you|they|i|it|that|this|the\s+\S+)\s+\S+|(?:if|when|once|unless|so)\s+(?:\S+\s+){1,3}(?:can|can['’]t|cannot|will|won['’]t|would|wouldn['’]t|is|isn['’]t|are|aren['’]t|has|have|does|doesn['’]t|don['’]t|drops?|rises?|falls?|goes|moves?|makes?|means?|carries|shows?|stops?|starts?)\b|(?:we|i)\s+(?:\p{L}+ed|saw|found|built|ran|shipped|launched|started|changed|moved|tried|learned|had|did|went|sat|set|made|took|gave|got|wrote|chose|kept|told|held|knew|brought|won|lost|cut|grew|met|spent|paid))\b`,
);


export type CueId = keyof typeof CUES;
