// Grades an answer against a rubric: the steps from an answer to its levels, total, band and coaching.
import type { ResolvedRubric } from '../scenario/rubric.js';
import { bandOf } from './model/bands.js';
import {
  antiPatternHit,
  antiPatternsShown,
  capped,
  criterionScore,
  foundIn,
  holdingDownOf,
  levelOf,
  rubricFeatures,
} from './rubric/criteria.js';
import { disfluencySpans } from '../text/disfluency.js';
import { extractFeatures, type CueMatches, type FeatureHit, type Features } from './model/features.js';
import { feedbackFor } from './feedback.js';
import {
  admitsNotKnowing,
  blank,
  graderDirectedSpans,
  isListOfTerms,
  nonAnswer,
  nonAnswerOfTurns,
  restatesQuestion,
  type Span,
} from './rubric/guards.js';
import { applyModel } from './model/model.js';
import { relevanceOf, type Asked, type Relevance } from './rubric/relevance.js';
import { NO_TOPIC, topicOf, type Topic } from './rubric/topic.js';
import { evaluateSignals, type RejectedMention, type SignalResult } from './rubric/signals.js';
import { cuesIn, findIn, RELEVANT, rubricPhrases, topicPhrases, WHOLE } from './rubric/compiled.js';
import type { Matches } from '../text/phrase-matcher.js';
import { analyse, countWords, plainHyphens, tokenize, type Analysis, type Token } from '../text/text.js';
import { positives } from './rubric/conditions.js';
import { guardedTotal, type Guards } from './model/total.js';
import { POLICY } from '../policy/policy.js';
import { SCORER_VERSION, type Evidence, type Score } from './types.js';

// Re-exported for the callers that have always imported them from here: the reports and the fit.
export { BANDS, bandOf, onScale, type Ceiling } from './model/bands.js';
export { totalOf, type Guards } from './model/total.js';

/** Everything the scorer worked out about an answer: the score, and the steps behind it for `--explain`. */
export interface Trace {
  score: Score;
  /** The sentences that were read: those that bear on the question. */
  analysis: Analysis;
  /** Every sentence of the answer, set aside or not (`relevance` says which). */
  whole: Analysis;
  signals: Map<string, SignalResult>;
  features: Features;
  hits: FeatureHit[];
  guards: Guards;
  /** Which sentences bore on the question; the rest earned nothing. */
  relevance: Relevance;
  /** Phrases found that did not count, and why; filled only when explaining. */
  rejected: RejectedMention[];
  /** Sentences set aside that still hold the answer down, by number in the whole answer: the signals found there. */
  heldDownAside: ReadonlyMap<number, readonly string[]>;
}

/** `asked` is what each turn answered, when known: the question's prompt and the follow-ups'. */
export function score(rubric: ResolvedRubric, answer: string | readonly string[], asked: Asked = {}): Score {
  return trace(rubric, answer, { asked }).score;
}

export function trace(rubric: ResolvedRubric, answer: string | readonly string[], opts: { explain?: boolean; asked?: Asked } = {}): Trace {
  const explain = !!opts.explain;
  const turns = typeof answer === 'string' ? [answer] : [...answer];

  // Guards: text aimed at the grader is not read; a non-answer earns nothing, a list of terms little.
  const { analysis: whole, blanked, readPast } = read(turns);
  const unread = nonAnswerOfTurns(whole.scan, whole.tokens);
  // Every phrase list the score reads, found in one pass over the whole answer's words.
  const phrases = rubricPhrases(rubric);
  const wholeFound = findIn(phrases, whole, WHOLE);
  // Only what bears on the question is read from here on: unrelated sentences neither earn nor dilute.
  const relevance = relevanceOf(whole, rubric, topicPhrases(phrases, wholeFound), opts.asked);
  // The concepts can miss what an answer is about (they are phrases; a diagnosis told in the company's own
  // terms names few of them): where the topic model, reading the whole answer, is sure it answers the
  // question asked, it is neither judged off topic nor a restatement for that.
  const reading = !unread && rubric.topic.length > 0 ? topicOf(turns.join('\n'), rubric.family) : undefined;
  const sure = !!reading && reading.lead >= POLICY.relevance.topicSure;
  // An answer that only says the question back is no answer, however long: it earns no level and no total.
  // Saying one does not know is the plainer reason, and the one the card gives.
  const restates = !unread && restatesQuestion(relevance, sure);
  const why = unread ?? (restates ? (admitsNotKnowing(whole) ? 'non-answer' : 'restatement') : undefined);
  const analysis = onlyRelevant(whole, relevance);
  // With sentences set aside, the phrases are found again in what is left: a phrase may now join words either side of a gap.
  const matched = analysis === whole ? wholeFound : findIn(phrases, analysis, RELEVANT);
  const judged = !why && rubric.topic.length > 0;
  const offTopicRead = !why && !sure && isOffTopic(relevance);
  // A list of terms is a matter of form: it is judged on the whole answer.
  const listOnly = !why && !offTopicRead && isListOfTerms(whole);

  // What the answer shows: the reasoning cues, and the rubric's signals (none for a non-answer).
  const cues = cuesIn(phrases, matched);
  const rejected: RejectedMention[] = [];
  const signals = why
    ? new Map<string, SignalResult>()
    : signalsIn(rubric, analysis, blanked, matched, cues, listOnly, explain ? rejected : undefined);
  // What can only hold the answer down also counts in a sentence set aside that says nothing of its own ("I don't see real risks here").
  const heldDownAside =
    !why && analysis !== whole
      ? holdDown(signals, rubric, whole, relevance, blanked, wholeFound, cuesIn(phrases, wholeFound), listOnly)
      : new Map<number, string[]>();
  const found = foundIn(signals);

  // Criterion levels. A non-answer reaches none: a level that only asks for signals to be absent would hold for it.
  // A follow-up's answer that says something about what it asked meets the bar of the criteria it probed.
  const credit = why
    ? new Map<string, Evidence>()
    : followUpCredit(turns, whole, relevance, opts.asked, speaksTo(rubric, analysis, signals));
  const levels = rubric.criteria.map((c) => (why ? 0 : Math.max(levelOf(c, found.present), credit.has(c.id) ? c.bar : 0)));

  // Caps: the anti-patterns shown hold criteria down to their cap, and the total below their ceiling.
  const shown = why ? [] : antiPatternsShown(rubric, found);
  const antiPatterns = shown.map((a) => antiPatternHit(a, found));
  const criteria = rubric.criteria.map((c, i) => {
    const scored = criterionScore(rubric, c, capped(c, levels[i]!, shown), found);
    const quote = credit.get(c.id);
    return quote && scored.level > 0 && scored.evidence.length === 0 ? { ...scored, evidence: [quote] } : scored;
  });
  // An answer mostly about another family's question that meets little of this rubric answers that question instead;
  // the topic model reads what bears on the question, and holds the total down as far as another family's question (or none) leads.
  // With nothing set aside, what bears on the question is the whole answer: it is read once.
  const sameText = analysis === whole && blanked.length === 0 && !readPast;
  const topic = judged && !offTopicRead ? (sameText ? reading : topicOf(analysis.scan.join('\n'), rubric.family)) : undefined;
  const onTopic = topic ? topicShare(topic) : 1;
  const aside = topic && onTopic <= POLICY.relevance.topicOffAt ? topic : undefined;
  const offTopic = offTopicRead || (!why && (!!aside || (!sure && answersAnother(relevance, criteria))));
  const ceilings = shown.flatMap((a) => (a.ceiling ? [{ id: a.id, ceiling: a.ceiling }] : []));

  // The total: the model's sum of the features, then held down by the guards and the ceilings.
  const { features, hits, habitWords } = extractFeatures(
    analysis,
    rubricFeatures(rubric, criteria, antiPatterns, found.present),
    cues,
    explain,
  );
  const fitted = applyModel(rubric.model, features);
  const share = relevance.words ? relevance.relevantWords / relevance.words : 1;
  // An answer that says it does not know, and then meets no level and names no figure and no metric, is a
  // non-answer however many words it wraps that in ("what I would pick" after "I'm not sure" is no choice).
  const declined = !why && criteria.every((c) => c.level === 0) && !features.numbers && !features.shapes && admitsNotKnowing(whole);
  const nonAnswerWhy = why ?? (declined ? ('non-answer' as const) : undefined);
  // An answer that earns no level and to which no term of the model in use adds a point (no rubric signal found,
  // none of the reasoning it pays for) has earned nothing: the intercept alone is not earned.
  const nothingEarned = !nonAnswerWhy && criteria.every((c) => c.level === 0) && fitted.terms.every((t) => t.weight * t.value <= 0);
  const guards: Guards = {
    nonAnswer: !!nonAnswerWhy,
    ...(nothingEarned ? { nothingEarned } : {}),
    listOnly,
    offTopic,
    ...(offTopic ? { relevance: share } : {}),
    ...(onTopic < 1 ? { topic: onTopic } : {}),
    ceilings,
  };
  const { total, limitedBy } = guardedTotal(rubric.model, fitted.raw, guards);
  const band = bandOf(total);

  // Feedback: the summary, strengths, gaps and improvements, worked out from all of the above.
  // Why, for the card: too little on the question, or the answer to another family's question.
  // Read whole by the topic model as about none of the questions (a story, a recipe), an answer is not said to answer
  // another one because a phrase or two of that question's came up in it.
  const aboutNone = reading?.other === NO_TOPIC && reading.lead < 0;
  const elsewhere = offTopic && !offTopicRead && !aboutNone && aside?.other !== NO_TOPIC;
  const titleOf = (family: string) => rubric.contrast.find((c) => c.family === family)?.title;
  const rival = aside ? titleOf(aside.other) : aboutNone ? undefined : relevance.rival?.title;
  // An answer that is no attempt is said to be that, not also off the question: one reason, the plainer.
  const off =
    offTopic && !nonAnswerWhy
      ? { share, elsewhere, ...(rival && (elsewhere || aside || relevance.rival!.words > 0) ? { rival } : {}) }
      : undefined;
  // Held down by the topic model but not off topic: the card says by how much, and why.
  const kept = topic && onTopic < 1 ? onTopic : undefined;
  const partly =
    topic && kept !== undefined && !offTopic ? { kept, ...(topic.other !== NO_TOPIC ? { rival: titleOf(topic.other) } : {}) } : undefined;
  const feedback = feedbackFor({
    rubric,
    nonAnswer: nonAnswerWhy,
    criteria,
    antiPatterns,
    present: found.present,
    fitted,
    habitWords,
    guards,
    total,
    band,
    ...(off ? { offTopic: off } : {}),
    ...(partly ? { partly } : {}),
  });

  const result: Score = {
    scorerVersion: SCORER_VERSION,
    rubricId: rubric.id,
    rubricHash: rubric.hash,
    total,
    band,
    criteria,
    antiPatterns,
    // Every word the candidate said, fillers and grader-directed text too: the analysis counted only what it read.
    words: blanked.length || readPast ? turns.reduce((n, t) => n + countWords(t), 0) : whole.words,
    flags: {
      ...(nonAnswerWhy ? { nonAnswer: nonAnswerWhy } : {}),
      listOnly,
      // Kept for a non-answer too: the interviewer steers back to the question either way.
      ...(offTopic ? { offTopic: true } : {}),
      relevance: relevance.words ? Math.round((100 * relevance.relevantWords) / relevance.words) / 100 : 1,
      ...(kept !== undefined ? { topic: Math.round(kept * 100) / 100 } : {}),
      graderDirected: blanked.map((s) => quoteOf(turns, s)),
    },
    model: {
      version: rubric.model.version,
      intercept: rubric.model.intercept,
      raw: Math.round(fitted.raw * 10) / 10,
      // The terms are kept only when explaining: a batch holds thousands of scores.
      ...(explain ? { terms: nonAnswerWhy ? [] : fitted.terms } : {}),
      ...(limitedBy ? { limitedBy } : {}),
    },
    feedback,
  };
  return { score: result, analysis, whole, signals, features, hits, guards, relevance, rejected, heldDownAside };
}

/** The least a follow-up's answer must say beyond the follow-up's and the rubric's own words to earn what it probed. */
const CREDIT_WORDS = 2;

/**
 * The criteria that follow-ups probed and their answers addressed: an answer that bears on the
 * follow-up, is no non-answer, and says at least two things of its own (a figure, a name, a rule)
 * earns the criterion's bar however it is worded. The quote is its first sentence that does.
 */
function followUpCredit(
  turns: readonly string[],
  a: Analysis,
  r: Relevance,
  asked: Asked | undefined,
  speaks: (criterion: string, turn: number) => boolean,
): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  (asked?.followUps ?? []).forEach((f, k) => {
    const turn = k + 1;
    const targets = typeof f === 'object' ? (f.targets ?? []) : [];
    if (!targets.length || turn >= turns.length || (r.said[turn] ?? 0) < CREDIT_WORDS) return;
    if (nonAnswer(a.scan[turn]!, a.tokens[turn]!)) return;
    const i = a.sentences.findIndex((s, j) => s.turn === turn && r.relevant[j] === 1);
    if (i < 0) return;
    const s = a.sentences[i]!;
    const text = turns[turn]!.slice(s.start, s.end);
    for (const id of targets)
      if (!out.has(id) && (r.addressed[turn] || speaks(id, turn) || !r.elsewhere[turn]))
        out.set(id, { signal: 'follow-up', turn, start: s.start, end: s.end, quote: text, match: text });
  });
  return out;
}

/**
 * Whether a turn speaks to a criterion: one of the signals its levels look for was found in it. A reply
 * that answers another of the question's points does not earn the point its follow-up probed.
 */
function speaksTo(rubric: ResolvedRubric, a: Analysis, signals: ReadonlyMap<string, SignalResult>) {
  return (criterion: string, turn: number) => {
    const c = rubric.criteria.find((x) => x.id === criterion);
    if (!c) return false;
    return c.levels.some(
      (l) =>
        l.when &&
        positives(l.when).some((id) => {
          const found = signals.get(id);
          return !!found?.present && found.sentences().some((i) => a.sentences[i]!.turn === turn);
        }),
    );
  };
}

/**
 * Whether an answer does not address the question: too little of it bears on the question, or it
 * names too few of the question's concepts.
 */
function isOffTopic(r: Relevance): boolean {
  const p = POLICY.relevance;
  return r.relevantWords < r.words * p.minShare || r.concepts < p.minConcepts;
}

/**
 * Whether an answer answers another family's question instead: it names several of that family's
 * concepts, far more than of this question's own, and meets little of this rubric's criteria.
 */
function answersAnother(r: Relevance, criteria: readonly { level: number; maxLevel: number }[]): boolean {
  const p = POLICY.relevance;
  let met = 0;
  let max = 0;
  for (const c of criteria) {
    met += c.level;
    max += c.maxLevel;
  }
  // Clearly elsewhere: many of another family's concepts and next to none of this one's, whatever it meets.
  if (r.rivalConcepts >= p.rivalClear && r.ownConcepts <= p.ownFew && r.rivalWords >= r.words * p.rivalShare) return true;
  return r.rivalConcepts >= p.rivalConcepts && r.ownConcepts * p.rivalRatio < r.rivalConcepts && met < p.rivalCoverage * max;
}

/**
 * How far the topic model reads an answer as about the asked family rather than another, from 1 (the
 * asked family leads by topicLead or more) down to 0 (another leads by topicBehind or more).
 */
function topicShare(t: Topic): number {
  const p = POLICY.relevance;
  return Math.min(1, Math.max(0, (t.lead + p.topicBehind) / (p.topicLead + p.topicBehind)));
}

/** The analysis with the sentences that do not bear on the question blanked out, offsets kept. */
function onlyRelevant(a: Analysis, r: Relevance): Analysis {
  if (r.relevant.every((x) => x === 1)) return a;
  const sentences = a.sentences.filter((_, i) => r.relevant[i] === 1);
  // Each set-aside sentence becomes spaces, in one pass over each turn.
  const scan = a.scan.map((text, turn) => {
    const parts: string[] = [];
    let at = 0;
    a.sentences.forEach((s, i) => {
      if (s.turn !== turn || r.relevant[i]) return;
      parts.push(text.slice(at, s.start), ' '.repeat(s.end - s.start));
      at = s.end;
    });
    parts.push(text.slice(at));
    return parts.join('');
  });
  // Tokens and sentences are both in text order: one walk keeps the tokens inside a kept sentence.
  const tokens = a.tokens.map((ts, turn) => {
    const own = sentences.filter((s) => s.turn === turn);
    const kept: typeof ts = [];
    let k = 0;
    for (const t of ts) {
      while (k < own.length && own[k]!.end < t.end) k++;
      const s = own[k];
      if (s && t.start >= s.start && t.end <= s.end) kept.push(t);
    }
    return kept;
  });
  let words = 0;
  let proseWords = 0;
  for (const s of sentences) {
    words += s.words;
    if (s.prose) proseWords += s.words;
  }
  return { turns: a.turns, scan, sentences, tokens, words, proseWords, clauseBreaks: a.clauseBreaks, unmarked: a.unmarked };
}

/**
 * The answer as the scorer reads it: grader-directed text, fillers and stutters blanked out
 * (offsets kept), in sentences and words. `readPast` is set when fillers or stutters were blanked.
 */
function read(turns: string[]): { analysis: Analysis; blanked: Span[]; readPast: boolean } {
  const blanked = turns.flatMap((t, i) => graderDirectedSpans(t, i));
  const spansIn = (turn: number) => blanked.filter((s) => s.turn === turn);
  // The typographic hyphens ("trade‑off", "no‑fee") read as the plain one everywhere after this; one code unit
  // each, so offsets are kept.
  const undirected = turns.map((t, i) => plainHyphens(blank(t, spansIn(i))));
  const tokens = undirected.map(tokenize);
  // An "um" neither costs nor earns points, so the analysis never sees it; evidence still quotes the words as said.
  const disfluent = undirected.map((t, turn) => disfluencySpans(t, tokens[turn]).map((s): Span => ({ ...s, turn })));
  if (disfluent.every((d) => d.length === 0)) return { analysis: analyse(turns, undirected, tokens), blanked, readPast: false };
  // Blanking only ever covers whole words and the marks around them: the words left are the same tokens.
  const kept = tokens.map((ts, turn) => outside(ts, disfluent[turn]!));
  // An answer of nothing but fillers keeps them: "um" is a non-answer, not an empty one.
  if (kept.every((ts) => ts.length === 0)) return { analysis: analyse(turns, undirected, tokens), blanked, readPast: false };
  const fluent = undirected.map((t, turn) => blank(t, disfluent[turn]!));
  return { analysis: analyse(turns, fluent, kept), blanked, readPast: true };
}

/** The tokens that overlap none of the spans; the spans are in text order and apart (disfluencySpans), so one walk does. */
function outside(tokens: readonly Token[], spans: readonly Span[]): Token[] {
  if (!spans.length) return tokens.slice();
  const out: Token[] = [];
  let k = 0;
  for (const t of tokens) {
    while (k < spans.length && spans[k]!.end <= t.start) k++;
    const s = spans[k];
    if (!s || !(t.start < s.end && t.end > s.start)) out.push(t);
  }
  return out;
}

/** The rubric's signals in the answer; mentions in fragments count only when most of the answer is sentences. */
function signalsIn(
  rubric: ResolvedRubric,
  analysis: Analysis,
  blanked: readonly Span[],
  found: readonly Matches[],
  cues: CueMatches,
  listOnly: boolean,
  rejected: RejectedMention[] | undefined,
): Map<string, SignalResult> {
  return evaluateSignals(rubric, {
    analysis,
    blanked,
    fragmentsCount: !listOnly,
    found,
    cues,
    ...(rejected ? { rejected } : {}),
  });
}

/**
 * Adds to `signals` the signals that can only hold an answer down (`holdingDownOf`) found in the sentences
 * on the question or set aside with nothing of their own in them (`Relevance.emptyAside`: "I don't see real
 * risks here" says nothing but the question's words). A sentence about something else says something of
 * its own and is never read, so padding cannot lower an answer either. Their sentences are numbered as
 * the rest's are, among the sentences read; a sentence set aside has none there, and is named, by its
 * number in the whole answer, in what is returned.
 */
function holdDown(
  signals: Map<string, SignalResult>,
  rubric: ResolvedRubric,
  whole: Analysis,
  relevance: Relevance,
  blanked: readonly Span[],
  found: readonly Matches[],
  cues: CueMatches,
  listOnly: boolean,
): Map<number, string[]> {
  const aside = new Map<number, string[]>();
  const only = holdingDownOf(rubric);
  if (!only.size) return aside;
  const empty = relevance.emptyAside;
  if (!empty.length) return aside;
  const within = (m: { sentence: number; turn: number; start: number; end: number }) =>
    relevance.relevant[m.sentence] === 1 || empty.some((e) => e.turn === m.turn && m.start >= e.start && m.end <= e.end);
  const everywhere = evaluateSignals(rubric, { analysis: whole, blanked, fragmentsCount: !listOnly, found, cues, only, within });
  // Each sentence's number among the sentences read, or -1 for one set aside.
  const readAs: number[] = [];
  let k = -1;
  for (const x of relevance.relevant) readAs.push(x ? ++k : -1);
  for (const [id, r] of everywhere) {
    if (!r.present || signals.get(id)?.present) continue;
    const at = r.sentences();
    for (const i of at) if (readAs[i]! < 0) aside.set(i, [...(aside.get(i) ?? []), id]);
    const inRead = at.flatMap((i) => (readAs[i]! >= 0 ? [readAs[i]!] : []));
    signals.set(id, { ...r, sentences: () => inRead });
  }
  return aside;
}

/** Grader-directed text, quoted as evidence so the candidate sees what was ignored. */
function quoteOf(turns: readonly string[], s: Span): Evidence {
  const text = turns[s.turn]!.slice(s.start, s.end);
  return { signal: 'grader-directed', turn: s.turn, start: s.start, end: s.end, quote: text, match: text };
}
