// What an interviewer's turn is, read once: a remark, talk around the interview, or a question
// of a family rehearse grades, with how sure that reading is.
import { segment } from '../text/text.js';
import type { Span } from '../text/phrases.js';
import type { Families, Family } from './families.js';
import type { AsideKind } from './other-families.js';
import { NOT_PM } from './question-model.js';
import { keywords, ownWords, PROBE } from './words.js';

export type TurnReading =
  /** Nothing in it asks: "Incentives. What a power they have." */
  | { kind: 'remark' }
  /** Small talk, an introduction, a wrap-up, logistics, thanks or a sponsor read. */
  | { kind: 'aside'; aside: AsideKind }
  /**
   * A question of a family with a rubric, read clearly enough to grade: `confidence` is what the cues
   * show of the family (0 where only the question model read it), `probability` how likely the cues
   * and the model together make it.
   */
  | { kind: 'family'; family: Family; confidence: number; probability?: number }
  /**
   * It asks, and may be of a family, but not clearly enough to grade; `reason` says why, and `cause`
   * in a word: talk around the interview in it, another kind of interview's question, two families
   * alike, too few cues, or the question model's doubt.
   */
  | { kind: 'unsure'; family?: string; confidence: number; reason: string; cause: 'aside' | 'rival' | 'tie' | 'weak' | 'model' }
  /** It asks, but about nothing rehearse has a rubric for. */
  | { kind: 'unrecognised' };

/**
 * How sure a reading must be to be graded. A cue of the family (1, or 0.5 for a weak one such as
 * "what now?") needs one more sign: another cue, the family's topic in words the cue did not
 * use, or the question put to the candidate ("what would you…"). "Does everyone agree?" shows an
 * incentives cue and nothing else, so it is listed, not graded.
 */
export const CONFIDENT = 1.5;
/** Talk around the interview gives way only to a question surer than this of its family. */
const OUTWEIGHS_ASIDE = 2.5;
/** Sentences before the question that set it up ("Sales is paid on new logos. How do you handle that?"). */
const CONTEXT_SENTENCES = 2;

/** Sentences, as the text toolkit splits them (full-width ？！。 included). */
export function sentences(text: string): string[] {
  return segment(text, 0).map((s) => text.slice(s.start, s.end).trim());
}

/** How a host comes back from a sponsor read. */
const BACK =
  /^(?:(?:okay|ok|alright|all right|so|anyway|and),?\s+)*(?:we'?re back|we are back|back to|anyway|okay|ok|alright|all right|so)\b/i;

/** Words that open a question or a request. */
const OPENS_QUESTION =
  /^(?:so,?\s+|and,?\s+|but,?\s+|okay,?\s+|ok,?\s+|now,?\s+|then,?\s+|right,?\s+)?(?:what|why|how|which|who|when|where|tell me|tell us|walk me|walk us|talk me|talk us|take me|take us|run me|run us|can you|could you|would you|will you|do you|did you|have you|are you|is there|describe|explain|give me|give us|say more|please|pick|choose|name|design|imagine|suppose|say|let's say|define|outline|propose|list|share|help me understand|i'?d (?:love|like) (?:to hear|to know|to understand|you to)|i would (?:love|like) (?:to hear|to know|to understand|you to)|i want (?:to hear|to know|to understand|you to)|i'?m curious|i am curious|curious (?:what|how|why|which)|let'?s hear|let me hear)\b/i;
/**
 * A prompt that hands the floor over after the question was put as a statement ("North star for a
 * ride-sharing app. Go."): the turn asks, and what it asks is in the sentences before.
 */
const HANDS_OVER =
  /^(?:(?:okay|ok|so|and|now),?\s+)?(?:go|go ahead|go for it|your turn|over to you|your call|your move|thoughts|take it away|the floor is yours|floor'?s yours|pick one|choose one|name one|shoot|let'?s hear it|i'?m listening|whenever you'?re ready)[.!…]*$/i;
/** "What a story.", "How cool is that?", "Isn't that wild?": exclaiming, not asking. */
const EXCLAIMS =
  /^(?:what an?\b|how (?:cool|nice|great|amazing|awesome|wild|funny|interesting|crazy|lovely|fun|sad|true|weird)\b|isn'?t (?:that|it) (?:wild|crazy|amazing|great|funny|something|interesting)\b|(?:wow|man|gosh|oh)\b)/i;
/** A tag on a remark ("Right?", "You know?"), which asks nothing. */
const TAG =
  /^(?:right|really|you know|isn'?t it|no|yeah|yes|ok(?:ay)?|huh|eh|correct|true|agreed|see|seriously|makes sense|get it)\s*\?*$/i;

/** A statement with a tag ("…all-hands tomorrow, right?"): it checks, it does not ask. */
const TAGGED = /,\s*(?:right|no|yeah|yes|correct|isn'?t it|don'?t you|didn'?t you|wasn'?t it|aren'?t you|ok(?:ay)?)\s*\?\s*$/i;

/** …or the same prompt at the end of the sentence that puts it ("the key metric for a dashboard product, go"). */
const HANDED_OVER = /[,:;–—]\s*(?:go|go ahead|your call|your turn|over to you|thoughts|your move)\s*[.!…]*$/i;

/**
 * A question after a setup in one sentence, as spoken with no question mark: "…and leadership is asking,
 * how do you respond", "so for a tool like ours, what's the main metric you'd hold the team to".
 */
const ASKS_AFTER_SETUP =
  /[,:;–—]\s*(?:so\s+|and\s+|but\s+|then\s+|now\s+)?(?:(?:what|why|how|which)\s+(?:do|does|did|would|will|should|could|can|is|are|was|were)\s+(?:you|we)\b|(?:what|which|how)(?:'s|’s|\s+(?:is|are|would be|should be)\s+(?:the|your|our|its|their)\b)|(?:walk|talk|take|run) (?:me|us) through\b|tell (?:me|us)\b)/i;
/** In speech run on with no full stop, a question word after a comma asks ("the north star is orders, what goes beside it"). */
const RUN_ON_QUESTION = /[,:;–—]\s*(?:so\s+|and\s+|but\s+|then\s+|now\s+)?(?:what|which|how|why)\b/i;
/**
 * …and so does a question word with its verb and "you" anywhere in it ("besides retention what would you keep tabs on"),
 * or "what's the …" with what you would do later in it ("if you ran a meal-kit company what's the one number you'd watch").
 */
const ASKS_INSIDE =
  /\b(?:what|which|how|why)\s+(?:would|do|does|did|should|could|can|will|are)\s+(?:you|we)\b|\b(?:what|which)(?:'s|’s|\s+is|\s+are)\s+(?:the|your)\b[^.?!]{0,60}\byou(?:'d|’d|\s+would|\s+will|\s+should)\b/i;
/** …or a question word left where its answer goes ("the north star would be what, in your view"). */
const ASKS_IN_PLACE = /\b(?:is|are|was|were|be)\s+(?:what|which)\s*(?:[,;]|$)/i;
/** Sounds and words that fill a pause before the question ("um, so, like, what…"). */
const FILLERS =
  /^(?:(?:um+|uh+|er+|erm+|hmm+|mm+|ah+|so|and|but|okay|ok|well|right|alright|now|like|you know|i mean|yeah)\b[,.]?\s+)+(?=\w)/i;

/** Whether a sentence asks something. */
export function asks(sentence: string): boolean {
  const s = sentence.trim().replace(FILLERS, '');
  if (TAG.test(s.replace(/[.!,]/g, '')) || TAGGED.test(s) || EXCLAIMS.test(s)) return false;
  if (/\?\s*$/.test(s) || OPENS_QUESTION.test(s) || ASKS_AFTER_SETUP.test(s) || HANDS_OVER.test(s) || HANDED_OVER.test(s)) return true;
  // With no full stop, speech runs on into its question: "so besides retention what would you keep tabs on".
  return !/[.!]\s*$/.test(s) && (RUN_ON_QUESTION.test(s) || ASKS_INSIDE.test(s) || ASKS_IN_PLACE.test(s));
}

/** True when any sentence of the text asks something. */
export function isQuestion(text: string): boolean {
  return sentences(text).some(asks);
}

/** How much a cue in the sentences before the question counts, against one in the question itself. */
const CONTEXT_WEIGHT = 1;
/** What naming the family's topic adds: more in the asking sentence than only in the setup before it. */
const TOPIC_ASKED = 1;
const TOPIC_SET_UP = 0.5;
/** A short question that points back at the setup ("How would you stop that from happening again?") is about it. */
const POINTS_BACK = /\b(?:that|this|those|these|such)\b/i;
const SHORT_QUESTION = 4;
/**
 * A question asking how to meet what the setup describes ("…missed its OKR. How would you handle the
 * review?", "What would you say in the board update?") is about it.
 */
const RESPONDS =
  /\b(?:handle|handling|deal with|approach|tackle|respond|react|now what|what now|next steps?|tell|say|communicate|explain|present|report)\b/i;
/**
 * What a family's cues count when only the setup shows them and the question itself shows
 * another family's: the setup names the situation ("Your top-line number is going up."), the
 * question says what it asks about it ("Which other numbers would you check?").
 */
const SETUP_ONLY = 0.5;
/** What an open question about the candidate or the product adds. */
const ADDRESSED = 0.5;
/** The candidate, or the product and its business, which an interview's questions are about. */
const ADDRESSES =
  /\b(?:you|your|you'd|you're|you've|you'll|yourself|products?|company|business|customers?|users?|apps?|platform|features?|service|startup|marketplace|subscriptions?)\b/i;
/** An open question asks what, why or how; a yes-or-no question does not ask for an answer to grade. */
const OPEN = /\b(?:what|why|how|which|who|where|when)\b/i;
const IMPERATIVE =
  /^(?:please|pick|choose|name|design|imagine|suppose|define|outline|propose|list|describe|explain|go|(?:walk|talk|tell|give|take|run) (?:me|us)|help me understand|i'?d (?:love|like) to hear|i want to hear|let'?s hear)\b/i;
/**
 * A question that opens with its verb ("Did you see the keynote where…?", "Is there a deck?") asks for
 * a yes or a no whatever question words follow inside it, unless it asks the candidate to do something
 * ("Could you walk me through…") or goes on to an open question (", and how would you…").
 */
const CLOSED =
  /^(?:(?:so|and|but|okay|ok|now),?\s+)?(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|might)(?:n'?t)?\s+(?!you (?:walk|talk|tell|explain|describe|share|give|say|pick|name|define|outline|list|run|take|think (?:about|through)|imagine|help)\b)/i;
const OPENS_AFTER = /(?:,|;|\band\b|\bor\b|\bso\b)\s*(?:what|why|how|which)\b/i;
/** Whether the asking sentences leave the answer open: what, why or how, not yes or no. */
const open = (asking: string): boolean => sentences(asking).some((s) => OPEN.test(s) && (!CLOSED.test(s) || OPENS_AFTER.test(s)));

/** Each family's confidence: its cues in the asking sentences, those just before, and its topic. */
function confidences(asking: string, context: string, families: Families): { family: Family; confidence: number }[] {
  // An open question about the candidate or the product, as interviews ask, rather than a
  // yes-or-no to the room ("Does everyone agree?") or a question about lunch.
  // A closed question ("Has finance approved the incentive budget?") asks for a yes or a no, not an
  // answer to grade: it counts against the family, which then needs more to show for it.
  const addressed =
    (open(asking) && ADDRESSES.test(asking)) || IMPERATIVE.test(asking) || HANDS_OVER.test(asking.trim())
      ? ADDRESSED
      : open(asking)
        ? 0
        : -ADDRESSED;
  const byFamily = new Map<string, { family: Family; own: number; context: number; topic: number }>();
  const entry = (f: Family) => {
    let e = byFamily.get(f.family);
    if (!e) byFamily.set(f.family, (e = { family: f, own: 0, context: 0, topic: 0 }));
    return e;
  };
  const asked = families.reader.scores(asking);
  for (const s of asked) entry(s.value).own = Math.max(entry(s.value).own, s.hits);
  // The sentences before count in full when the question leans on them: it shows a cue itself,
  // says little of its own ("What would you change?") or takes up their words ("Target missed.
  // How do you decide whether the target was wrong?"). "What did you learn from writing it?" has
  // a subject of its own, so the remark before it counts half.
  // It leans on them too when it completes a cue they begin ("That's the headline number. What
  // sits underneath it?").
  const askedFrom = context.length - asking.length;
  const own = ownWords(keywords(asking)).filter((w) => !PROBE.has(w));
  const before = keywords(context.slice(0, askedFrom));
  const cues = families.reader.scores(context);
  const completes = cues.some((c) => c.spans.some((s) => s.start >= askedFrom));
  const leans =
    asked.length > 0 ||
    completes ||
    RESPONDS.test(asking) ||
    own.length <= 1 ||
    own.some((w) => before.has(w)) ||
    (own.length <= SHORT_QUESTION && POINTS_BACK.test(asking));
  const setUp = leans ? 1 : 0.5;
  for (const s of cues) entry(s.value).context = Math.max(entry(s.value).context, s.hits);
  // The topic counts only where it says more than the cues did: "who decides" is a cue and a topic word both.
  const beyondCues = (family: string, spans: readonly Span[]) => {
    const cued = cues.filter((c) => c.family === family).flatMap((c) => c.spans);
    return spans.filter((t) => !cued.some((c) => c.start <= t.start && t.end <= c.end));
  };
  for (const s of families.topics.scores(context)) {
    const e = byFamily.get(s.family);
    const own = beyondCues(s.family, s.spans);
    if (e && own.length) e.topic = own.some((t) => t.start >= askedFrom) ? TOPIC_ASKED : TOPIC_SET_UP * setUp;
  }
  // A topic alone is no question of the family: "success" is said of many things.
  return [...byFamily.values()]
    .filter((e) => e.own + e.context > 0)
    .map((e) => {
      const setting = asked.length > 0 && e.own === 0 ? SETUP_ONLY : 1;
      return {
        family: e.family,
        confidence: e.own + CONTEXT_WEIGHT * setUp * setting * Math.max(0, e.context - e.own) + e.topic + addressed,
      };
    })
    .sort((a, b) => b.confidence - a.confidence);
}

/**
 * How much the cues' reading counts beside the question model's: the odds of the family the cues
 * grade, or of no family when they grade none, are multiplied by e to this. Chosen, with GRADED, by
 * training the model on all generations of the written sets but one and measuring on the one left out.
 */
const CUES_VOTE = 2.5;
/** How likely, by the cues and the model together, a question the cues did not grade as its family must be to be graded so. */
const GRADED = 0.5;

const percent = (p: number) => `${Math.round(p * 100)}%`;

/**
 * What an interviewer's turn is. The cues read it first; where a question model is loaded, it weighs
 * in, the cues' reading counting as a vote for their family (or for none): it can confirm the cues'
 * family, grade a question the cues were unsure of or did not recognise, or leave a question the
 * cues would grade listed as unsure. A remark, or talk around the interview, stays what the cues read it as.
 */
export function readTurn(text: string, families: Families): TurnReading {
  const all = spoken(text, families);
  if (!all) return { kind: 'aside', aside: 'sponsor' };
  const cues = readByCues(all, families);
  const model = families.model;
  if (!model || cues.kind === 'remark' || cues.kind === 'aside') return cues;
  const said = all.join(' ');
  const { classes } = model.data;
  const cuedFamily = cues.kind === 'family' ? cues.family.family : cues.kind === 'unsure' ? cues.family : undefined;
  const voted = classes.indexOf(cues.kind === 'family' ? cues.family.family : NOT_PM);
  // A family of the user's own rubrics, which the model has never seen: the cues decide alone.
  if (voted < 0) return cues;
  const p = model.probabilities(said);
  p[voted]! *= Math.exp(CUES_VOTE);
  const sum = p.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  const probability = p[best]! / sum;
  // The cues' own rubric when they read the same family: a scenario may have several of one family.
  const family =
    cues.kind === 'family' && cues.family.family === classes[best] ? cues.family : families.list.find((f) => f.family === classes[best]);
  // The cues' family stays while it is still the likeliest; another is graded only when likely enough, and
  // a question the cues did not grade only when it asks openly and no talk around the interview is in it.
  const graded =
    cues.kind === 'family'
      ? family === cues.family || probability >= GRADED
      : probability >= GRADED && !(cues.kind === 'unsure' && cues.cause === 'aside') && asksOpenly(all);
  if (family && graded) {
    const confidence = cuedFamily === family.family && 'confidence' in cues ? cues.confidence : 0;
    return { kind: 'family', family, confidence, probability: Math.round(probability * 100) / 100 };
  }
  if (cues.kind !== 'family') return cues;
  return {
    kind: 'unsure',
    family: cues.family.family,
    confidence: cues.confidence,
    cause: 'model',
    reason:
      classes[best] === NOT_PM
        ? `its cues are of the "${cues.family.family}" family, but with the question model it reads more likely as no product-management question (${percent(probability)}), so it is not graded`
        : `its cues are of the "${cues.family.family}" family, but the question model reads it as a question of the "${classes[best]}" family, and neither is likely enough (${percent(probability)} of the ${percent(GRADED)} needed), so it is graded under neither`,
  };
}

/**
 * The sentences of a turn that are read: spelt right (a typo in a cue word should not hide what the
 * question asks), and after a sponsor read only what the host says once back; none when the turn is
 * a sponsor read that asks nothing after it.
 */
function spoken(text: string, families: Families): string[] | undefined {
  const all = sentences(families.speller.correct(text));
  // A sponsor read is one however it is worded; what the host asks after it is read on its own.
  const sponsor = all.findLastIndex((s) => families.asides.scores(s).some((a) => a.family === 'sponsor'));
  if (sponsor < 0) return all;
  // The read goes on until the host comes back ("Okay, we're back."); without that, it is the rest of the turn.
  const back = all.findIndex((s, i) => i > sponsor && BACK.test(s));
  const after = back < 0 ? [] : all.slice(back);
  return after.some(asks) ? after : undefined;
}

/** Whether the sentences ask for an answer: an open question, a request, or a prompt that hands the floor over. */
function asksOpenly(all: readonly string[]): boolean {
  const asking = all.filter(asks).join(' ');
  return open(asking) || IMPERATIVE.test(asking) || HANDS_OVER.test(asking.trim());
}

/** What the cues alone read a turn's spoken sentences as. */
function readByCues(all: readonly string[], families: Families): TurnReading {
  const first = all.findIndex(asks);
  if (first < 0) return { kind: 'remark' };
  const asking = all.filter((s, i) => i >= first && asks(s)).join(' ');
  // What it says between its questions sets up the later ones: "Imagine you've just joined. Leadership
  // asks you to pick one metric. What do you pick?"
  const last = all.findLastIndex(asks);
  const between = all.filter((s, i) => i > first && i < last && !asks(s));
  const context = [...all.slice(Math.max(0, first - CONTEXT_SENTENCES), first), ...between, asking].join(' ');
  const ranked = confidences(asking, context, families);
  const [best, next] = ranked;
  const aside = families.asides.scores(asking)[0];
  if (aside && (!best || best.confidence <= OUTWEIGHS_ASIDE)) {
    // A question that would be graded but for the aside in it ("Do you want me to share the funnel first,
    // or how would you approach the drop?") is not graded, but it stays a question: its answer is listed, not lost.
    if (best && best.confidence >= CONFIDENT && isQuestion(asking))
      return {
        kind: 'unsure',
        family: best.family.family,
        confidence: Math.round(best.confidence * 100) / 100,
        cause: 'aside',
        reason: `reads as talk around the interview (${aside.value.family}) as much as a question of the "${best.family.family}" family, so it is not graded`,
      };
    return { kind: 'aside', aside: aside.value.family };
  }
  if (!best) return { kind: 'unrecognised' };
  const confidence = Math.round(best.confidence * 100) / 100;
  const rival = families.others.scores(asking).find((o) => o.value.rivals);
  if (rival && best.confidence <= OUTWEIGHS_ASIDE) {
    return {
      kind: 'unsure',
      family: best.family.family,
      confidence,
      cause: 'rival',
      reason: `reads as ${rival.value.name} as much as a question of the "${best.family.family}" family, so it is not graded`,
    };
  }
  if (next && next.confidence >= best.confidence - 0.25) {
    return {
      kind: 'unsure',
      confidence,
      cause: 'tie',
      reason: `reads as much as a question of the "${next.family.family}" family as of the "${best.family.family}" one, so it is graded under neither`,
    };
  }
  if (confidence < CONFIDENT) {
    return {
      kind: 'unsure',
      family: best.family.family,
      confidence,
      cause: 'weak',
      reason: `may be a question of the "${best.family.family}" family, but not clearly enough to grade (confidence ${confidence} of the ${CONFIDENT} needed)`,
    };
  }
  return { kind: 'family', family: best.family, confidence };
}
