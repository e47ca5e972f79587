// Grades an answer against a rubric: the steps from an answer to its levels, total, band and coaching.
import type { ResolvedRubric } from '../scenario/rubric.js';
import { bandOf } from './bands.js';
import { antiPatternHit, antiPatternsShown, capped, criterionScore, foundIn, levelOf, rubricFeatures } from './criteria.js';
import { disfluencySpans } from './disfluency.js';
import { extractFeatures, findCues, type FeatureHit, type Features } from './features.js';
import { feedbackFor } from './feedback.js';
import { blank, graderDirectedSpans, isListOfTerms, nonAnswer, type Span } from './guards.js';
import { applyModel } from './model.js';
import { relevanceOf, type Asked, type Relevance } from './relevance.js';
import { evaluateSignals, phraseSpansOf, type RejectedMention, type SignalResult } from './signals.js';
import { analyse, countWords, tokenize, type Analysis } from './text.js';
import { guardedTotal, type Guards } from './total.js';
import { POLICY } from './policy.js';
import { SCORER_VERSION, type Evidence, type Score } from './types.js';

// Re-exported for the callers that have always imported them from here: the reports and the fit.
export { BANDS, bandOf, onScale, type Ceiling } from './bands.js';
export { totalOf, type Guards } from './total.js';

/** Everything the scorer worked out about an answer: the score, and the steps behind it for `--explain`. */
export interface Trace {
  score: Score;
  analysis: Analysis;
  signals: Map<string, SignalResult>;
  features: Features;
  hits: FeatureHit[];
  guards: Guards;
  /** Which sentences bore on the question; the rest earned nothing. */
  relevance: Relevance;
  /** Phrases found that did not count, and why; filled only when explaining. */
  rejected: RejectedMention[];
}

/** `asked` is what each turn answered, when known: the question's prompt and the follow-ups'. */
export function score(rubric: ResolvedRubric, answer: string | readonly string[], asked: Asked = {}): Score {
  return trace(rubric, answer, { asked }).score;
}

export function trace(
  rubric: ResolvedRubric,
  answer: string | readonly string[],
  opts: { explain?: boolean; asked?: Asked } = {},
): Trace {
  const explain = !!opts.explain;
  const turns = typeof answer === 'string' ? [answer] : [...answer];

  // Guards: text aimed at the grader is not read; a non-answer earns nothing, a list of terms little.
  const { analysis: whole, blanked, readPast } = read(turns);
  const why = nonAnswer(whole.scan.join('\n'), whole.tokens.flat());
  // Only what bears on the question is read from here on: unrelated sentences neither earn nor dilute.
  const relevance = relevanceOf(whole, rubric, opts.asked);
  const analysis = onlyRelevant(whole, relevance);
  const offTopic =
    !why && (relevance.relevantWords < relevance.words * POLICY.relevance.minShare || relevance.concepts < POLICY.relevance.minConcepts);
  // A list of terms is a matter of form: it is judged on the whole answer.
  const listOnly = !why && !offTopic && isListOfTerms(whole);

  // What the answer shows: the reasoning cues, and the rubric's signals (none for a non-answer).
  const cueSpans = findCues(analysis);
  const rejected: RejectedMention[] = [];
  const signals = why
    ? new Map<string, SignalResult>()
    : signalsIn(rubric, analysis, blanked, cueSpans, listOnly, explain ? rejected : undefined);
  const found = foundIn(signals);

  // Criterion levels. A non-answer reaches none: a level that only asks for signals to be absent would hold for it.
  const levels = rubric.criteria.map((c) => (why ? 0 : levelOf(c, found.present)));

  // Caps: the anti-patterns shown hold criteria down to their cap, and the total below their ceiling.
  const shown = why ? [] : antiPatternsShown(rubric, found);
  const antiPatterns = shown.map((a) => antiPatternHit(a, found));
  const criteria = rubric.criteria.map((c, i) => criterionScore(rubric, c, capped(c, levels[i]!, shown), found));
  const ceilings = shown.flatMap((a) => (a.ceiling ? [{ id: a.id, ceiling: a.ceiling }] : []));

  // The total: the model's sum of the features, then held down by the guards and the ceilings.
  const { features, hits } = extractFeatures(analysis, rubricFeatures(rubric, criteria, antiPatterns, found.present), cueSpans, explain);
  const fitted = applyModel(rubric.model, features);
  const guards: Guards = { nonAnswer: !!why, listOnly, offTopic, ceilings };
  const { total, limitedBy } = guardedTotal(rubric.model, fitted.raw, guards);
  const band = bandOf(total);

  // Feedback: the summary, strengths, gaps and improvements, worked out from all of the above.
  const feedback = feedbackFor({ rubric, nonAnswer: why, criteria, antiPatterns, present: found.present, fitted, guards, total, band });

  const result: Score = {
    scorerVersion: SCORER_VERSION,
    rubricId: rubric.id,
    rubricHash: rubric.hash,
    total,
    band,
    criteria,
    antiPatterns,
    // Every word the candidate said, fillers and grader-directed text too: the analysis counted only what it read.
    words: blanked.length || readPast ? turns.reduce((n, t) => n + countWords(t), 0) : analysis.words,
    flags: {
      ...(why ? { nonAnswer: why } : {}),
      listOnly,
      ...(offTopic ? { offTopic: true } : {}),
      relevance: relevance.words ? Math.round((100 * relevance.relevantWords) / relevance.words) / 100 : 1,
      graderDirected: blanked.map((s) => quoteOf(turns, s)),
    },
    model: {
      version: rubric.model.version,
      intercept: rubric.model.intercept,
      raw: Math.round(fitted.raw * 10) / 10,
      // The terms are kept only when explaining: a batch holds thousands of scores.
      ...(explain ? { terms: why ? [] : fitted.terms } : {}),
      ...(limitedBy ? { limitedBy } : {}),
    },
    feedback,
  };
  return { score: result, analysis, signals, features, hits, guards, relevance, rejected };
}

/** The analysis with the sentences that do not bear on the question blanked out, offsets kept. */
function onlyRelevant(a: Analysis, r: Relevance): Analysis {
  if (r.relevant.every((x) => x === 1)) return a;
  const sentences = a.sentences.filter((_, i) => r.relevant[i] === 1);
  const scan = a.scan.map((text, turn) => {
    let out = text;
    a.sentences.forEach((s, i) => {
      if (s.turn === turn && !r.relevant[i]) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
    });
    return out;
  });
  const tokens = a.tokens.map((ts, turn) =>
    ts.filter((t) => sentences.some((s) => s.turn === turn && t.start >= s.start && t.end <= s.end)),
  );
  let words = 0;
  let proseWords = 0;
  for (const s of sentences) {
    words += s.words;
    if (s.prose) proseWords += s.words;
  }
  return { turns: a.turns, scan, sentences, tokens, words, proseWords, clauseBreaks: a.clauseBreaks };
}

/**
 * The answer as the scorer reads it: grader-directed text, fillers and stutters blanked out
 * (offsets kept), in sentences and words. `readPast` is set when fillers or stutters were blanked.
 */
function read(turns: string[]): { analysis: Analysis; blanked: Span[]; readPast: boolean } {
  const blanked = turns.flatMap((t, i) => graderDirectedSpans(t, i));
  const spansIn = (turn: number) => blanked.filter((s) => s.turn === turn);
  const undirected = turns.map((t, i) => blank(t, spansIn(i)));
  const tokens = undirected.map(tokenize);
  // An "um" neither costs nor earns points, so the analysis never sees it; evidence still quotes the words as said.
  const disfluent = undirected.map((t, turn) => disfluencySpans(t, tokens[turn]).map((s): Span => ({ ...s, turn })));
  if (disfluent.every((d) => d.length === 0)) return { analysis: analyse(turns, undirected, tokens), blanked, readPast: false };
  // Blanking only ever covers whole words and the marks around them: the words left are the same tokens.
  const kept = tokens.map((ts, turn) => ts.filter((t) => !disfluent[turn]!.some((s) => t.start < s.end && t.end > s.start)));
  // An answer of nothing but fillers keeps them: "um" is a non-answer, not an empty one.
  if (kept.every((ts) => ts.length === 0)) return { analysis: analyse(turns, undirected, tokens), blanked, readPast: false };
  const fluent = undirected.map((t, turn) => blank(t, disfluent[turn]!));
  return { analysis: analyse(turns, fluent, kept), blanked, readPast: true };
}

/** The rubric's signals in the answer; mentions in fragments count only when most of the answer is sentences. */
function signalsIn(
  rubric: ResolvedRubric,
  analysis: Analysis,
  blanked: readonly Span[],
  cueSpans: ReturnType<typeof findCues>,
  listOnly: boolean,
  rejected: RejectedMention[] | undefined,
): Map<string, SignalResult> {
  const phraseSpans = phraseSpansOf(rubric, analysis);
  return evaluateSignals(rubric, {
    analysis,
    blanked,
    fragmentsCount: !listOnly,
    phraseSpans,
    cueSpans,
    ...(rejected ? { rejected } : {}),
  });
}

/** Grader-directed text, quoted as evidence so the candidate sees what was ignored. */
function quoteOf(turns: readonly string[], s: Span): Evidence {
  const text = turns[s.turn]!.slice(s.start, s.end);
  return { signal: 'grader-directed', turn: s.turn, start: s.start, end: s.end, quote: text, match: text };
}
