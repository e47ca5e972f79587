// Grades an answer against a rubric: levels per criterion with evidence, anti-patterns, total, band and coaching.
import type { AntiPattern, Condition } from '../scenario/schema.js';
import type { ResolvedRubric } from '../scenario/rubric.js';
import { blank, graderDirectedSpans, nonAnswer, type NonAnswer } from './guards.js';
import { evaluateSignals, phraseSpansOf, type RejectedMention, type SignalResult } from './signals.js';
import { analyse, countWords, type Analysis } from './text.js';
import { extractFeatures, findCues, FEATURE_ADVICE, type FeatureHit, type Features } from './features.js';
import { applyModel } from './model.js';
import type { ScoringModel } from '../scenario/model.js';
import { SCORER_VERSION, type AntiPatternHit, type Band, type CriterionScore, type Evidence, type Improvement, type Score } from './types.js';

/** Below this share of words in sentences, fragments and lists earn nothing. */
const PROSE_SHARE = 0.5;

/** Where each band starts on the 0–100 scale a candidate sees, whatever the model. */
export const BANDS = { weak: 20, adequate: 45, strong: 70 } as const;

export function bandOf(total: number): Band {
  if (total >= BANDS.strong) return 'strong';
  if (total >= BANDS.adequate) return 'adequate';
  if (total >= BANDS.weak) return 'weak';
  return 'insufficient';
}

/**
 * The model's sum on the scale a candidate sees: piecewise linear through the model's band
 * cut points, so that they land on BANDS. It never reverses two answers' order; rounding can tie them.
 */
export function onScale(raw: number, cuts: ScoringModel['bands']): number {
  const points: [number, number][] = [
    [0, 0],
    [cuts.weak, BANDS.weak],
    [cuts.adequate, BANDS.adequate],
    [cuts.strong, BANDS.strong],
    [100, 100],
  ];
  if (!Number.isFinite(raw) || raw <= 0) return 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    if (raw <= x1) return y0 + ((raw - x0) * (y1 - y0)) / Math.max(x1 - x0, 1e-9);
  }
  return 100;
}

function holds(c: Condition, present: (id: string) => boolean): boolean {
  if (c.all && !c.all.every(present)) return false;
  if (c.any && !c.any.some(present)) return false;
  if (c.none && c.none.some(present)) return false;
  if (c.atLeast && c.atLeast.of.filter(present).length < c.atLeast.count) return false;
  return true;
}

function positives(c: Condition): string[] {
  return [...(c.all ?? []), ...(c.any ?? []), ...(c.atLeast?.of ?? [])];
}

/** What the candidate would have to add to satisfy the condition, as the signals' hints. */
function missingFor(c: Condition, rubric: ResolvedRubric, present: (id: string) => boolean): string[] {
  const hint = (id: string) => rubric.signals[id]!.hint;
  const out: string[] = [];
  for (const id of c.all ?? []) if (!present(id)) out.push(hint(id));
  if (c.any && !c.any.some(present)) out.push(hint(c.any[0]!));
  if (c.atLeast) {
    const absent = c.atLeast.of.filter((id) => !present(id));
    const need = c.atLeast.count - (c.atLeast.of.length - absent.length);
    out.push(...absent.slice(0, Math.max(0, need)).map(hint));
  }
  return [...new Set(out)];
}

const NON_ANSWER_SUMMARY: Record<NonAnswer, string> = {
  empty: 'No answer was given, so there is nothing to grade.',
  'non-answer': 'This is not an answer yet, so it earns no credit. A rough first attempt would already score.',
  'too-short': 'This is too short to show any reasoning, so it earns no credit.',
  repetitive: 'This repeats a few words without making a point, so it earns no credit.',
};

function summary(band: Band, criteria: CriterionScore[], listOnly: boolean, thin: string[]): string {
  const met = criteria.filter((c) => c.meetsBar).length;
  const of = `${met} of ${criteria.length} criteria meet the bar`;
  if (listOnly) return `This reads as a list of terms rather than an answer: ${of}. Say which one you choose and why, in sentences.`;
  // The rubric's words are there but the reasoning is not: say what held it down.
  if ((band === 'weak' || band === 'insufficient') && met * 2 >= criteria.length && thin.length) {
    return `The rubric's points are named (${of}), but the reasoning behind them is thin: ${thin.join('; ')}.`;
  }
  switch (band) {
    case 'strong':
      return `A strong answer: ${of}.`;
    case 'adequate':
      return `A workable answer with gaps: ${of}.`;
    case 'weak':
      return `A weak answer: ${of}. The gaps below matter most.`;
    case 'insufficient':
      return `This does not yet answer what was asked: ${of}.`;
  }
}

const levelSignalCache = new WeakMap<ResolvedRubric, string[]>();
/** The signals that earn criterion levels (not anti-patterns): what "coverage" counts. */
function levelSignalsOf(rubric: ResolvedRubric): string[] {
  let ids = levelSignalCache.get(rubric);
  if (!ids) {
    ids = [...new Set(rubric.criteria.flatMap((c) => c.levels.flatMap((l) => (l.when ? positives(l.when) : []))))];
    levelSignalCache.set(rubric, ids);
  }
  return ids;
}

/** The highest total inside a band. */
function ceilingOf(band: 'insufficient' | 'weak' | 'adequate'): number {
  return (band === 'insufficient' ? BANDS.weak : band === 'weak' ? BANDS.adequate : BANDS.strong) - 1;
}

/** Everything the scorer worked out about an answer: the score, and the steps behind it for `--explain`. */
export interface Trace {
  score: Score;
  analysis: Analysis;
  signals: Map<string, SignalResult>;
  features: Features;
  hits: FeatureHit[];
  guards: Guards;
  /** Phrases found that did not count, and why; filled only when explaining. */
  rejected: RejectedMention[];
}

export type Ceiling = NonNullable<AntiPattern['ceiling']>;

export interface Guards {
  nonAnswer: boolean;
  listOnly: boolean;
  /** The anti-patterns the answer hit that have a ceiling, with it. */
  ceilings: readonly { id: string; ceiling: Ceiling }[];
}

/**
 * The total a model gives features, after the guards: a non-answer is 0, a list of terms stays
 * under the cap, an anti-pattern with a ceiling keeps the answer below the next band up.
 */
export function totalOf(model: ScoringModel, features: Features, guards: Guards): number {
  return guarded(model, applyModel(model, features).raw, guards).total;
}

/** The guards applied to the model's sum, and which of them held the total down. */
function guarded(model: ScoringModel, raw: number, guards: Guards): { total: number; limitedBy?: string } {
  if (guards.nonAnswer) return { total: 0 };
  let total = Math.round(onScale(raw, model.bands));
  let limitedBy: string | undefined;
  if (guards.listOnly && total > model.listCap) {
    total = model.listCap;
    limitedBy = 'list-only';
  }
  for (const { id, ceiling } of guards.ceilings) {
    if (total > ceilingOf(ceiling)) {
      total = ceilingOf(ceiling);
      limitedBy = id;
    }
  }
  return limitedBy ? { total, limitedBy } : { total };
}

export function score(rubric: ResolvedRubric, answer: string | readonly string[]): Score {
  return trace(rubric, answer).score;
}

export function trace(rubric: ResolvedRubric, answer: string | readonly string[], opts: { explain?: boolean } = {}): Trace {
  const rejected: RejectedMention[] = [];
  const turns = typeof answer === 'string' ? [answer] : [...answer];
  const blanked = turns.flatMap((t, i) => graderDirectedSpans(t, i));
  const scan = turns.map((t, i) => blank(t, blanked.filter((s) => s.turn === i)));
  const clean = analyse(turns, scan);
  const graderDirected: Evidence[] = blanked.map((s) => ({
    signal: 'grader-directed',
    turn: s.turn,
    start: s.start,
    end: s.end,
    quote: turns[s.turn]!.slice(s.start, s.end),
    match: turns[s.turn]!.slice(s.start, s.end),
  }));

  const why = nonAnswer(scan.join('\n'), clean.tokens.flat());
  const cueSpans = findCues(clean);
  const listOnly = !why && clean.proseWords < clean.words * PROSE_SHARE;
  const results: Map<string, SignalResult> = why
    ? new Map()
    : evaluateSignals(rubric, { analysis: clean, blanked, fragmentsCount: !listOnly, phraseSpans: phraseSpansOf(rubric, clean), cueSpans, ...(opts.explain ? { rejected } : {}) });
  const present = (id: string) => results.get(id)?.present ?? false;
  // One quote per sentence, even when several signals found it.
  const evidenceOf = (ids: string[]) => {
    const seen = new Set<string>();
    return [...new Set(ids)]
      .flatMap((id) => results.get(id)?.evidence() ?? [])
      .filter((e) => {
        const key = `${e.turn}:${e.start}:${e.end}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
  };

  const antiPatterns: AntiPatternHit[] = why
    ? []
    : rubric.antiPatterns
        .filter((a) => holds(a.when, present))
        .map((a) => ({ id: a.id, title: a.title, penalty: a.penalty, advice: a.advice, evidence: evidenceOf(positives(a.when)) }));

  const criteria: CriterionScore[] = rubric.criteria.map((c) => {
    const maxLevel = c.levels.length - 1;
    let level = 0;
    for (let j = maxLevel; j >= 1 && !why; j--) {
      if (holds(c.levels[j]!.when!, present)) {
        level = j;
        break;
      }
    }
    let cappedBy: string | undefined;
    for (const hit of antiPatterns) {
      const cap = rubric.antiPatterns.find((a) => a.id === hit.id)!.cap;
      if (cap && cap.criterion === c.id && level > cap.level) {
        level = cap.level;
        cappedBy = hit.id;
      }
    }
    const earned = level > 0 ? c.levels[level]!.when! : undefined;
    const next = level < maxLevel ? c.levels[level + 1]!.when! : undefined;
    const missing = next ? missingFor(next, rubric, present) : [];
    if (next && missing.length === 0) missing.push(c.levels[level + 1]!.anchor);
    return {
      id: c.id,
      title: c.title,
      weight: c.weight,
      level,
      maxLevel,
      bar: c.bar,
      meetsBar: level >= c.bar,
      anchor: c.levels[level]!.anchor,
      // The signals listed last in a level's condition are usually what sets it apart: quote them first.
      evidence: earned ? evidenceOf(positives(earned).reverse()) : [],
      missing,
      ...(cappedBy ? { cappedBy } : {}),
    };
  });

  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  const earned = criteria.reduce((sum, c) => sum + (c.weight * c.level) / c.maxLevel, 0);
  const penalty = antiPatterns.reduce((sum, a) => sum + a.penalty, 0);
  const levelSignals = levelSignalsOf(rubric);
  let found = 0;
  for (const id of levelSignals) if (present(id)) found++;
  const coverage = levelSignals.length ? found / levelSignals.length : 0;
  const { features, hits } = extractFeatures(clean, { attained: earned / weights, coverage, penalty }, cueSpans, !!opts.explain);
  const fitted = applyModel(rubric.model, features);
  const ceilings = antiPatterns.flatMap((hit) => {
    const ceiling = rubric.antiPatterns.find((a) => a.id === hit.id)!.ceiling;
    return ceiling ? [{ id: hit.id, ceiling }] : [];
  });
  const guards: Guards = { nonAnswer: !!why, listOnly, ceilings };
  const { total, limitedBy } = guarded(rubric.model, fitted.raw, guards);
  const band = bandOf(total);

  // What would raise the total most, each gain worked out by the model: the points on the 0–100
  // scale that reaching the next level, dropping an anti-pattern or a costly habit would add.
  const gainOf = (delta: number, without?: string) =>
    guarded(rubric.model, fitted.raw + delta, { ...guards, ceilings: ceilings.filter((c) => c.id !== without) }).total - total;
  const w = rubric.model.weights;
  const improvements: Improvement[] = [
    ...criteria
      .filter((c) => c.level < c.maxLevel && !c.cappedBy)
      .map((c) => {
        const next = rubric.criteria.find((d) => d.id === c.id)!.levels[c.level + 1]!.when!;
        const newSignals = positives(next).filter((id) => !present(id) && levelSignals.includes(id)).length;
        const delta = ((w.rubric ?? 0) * c.weight) / c.maxLevel / weights + ((w.coverage ?? 0) * newSignals) / Math.max(1, levelSignals.length);
        return { criterion: c.id, gain: gainOf(delta), advice: `${c.title}: ${c.missing[0] ?? c.anchor}` };
      }),
    ...antiPatterns.map((a) => ({ criterion: a.id, gain: gainOf(-((w.penalty ?? 0) * a.penalty) / 100, a.id), advice: a.advice })),
    ...fitted.terms
      .filter((t) => t.points < 0 && FEATURE_ADVICE[t.feature])
      .map((t) => ({ criterion: t.feature, gain: gainOf(-t.points), advice: FEATURE_ADVICE[t.feature]! })),
  ]
    .filter((imp, i, all) => imp.gain > 0 && all.findIndex((x) => x.advice === imp.advice) === i)
    .sort((x, y) => y.gain - x.gain)
    .slice(0, 3);

  const result: Score = {
    scorerVersion: SCORER_VERSION,
    rubricId: rubric.id,
    rubricHash: rubric.hash,
    total,
    band,
    criteria,
    antiPatterns,
    words: blanked.length ? turns.reduce((n, t) => n + countWords(t), 0) : clean.words,
    flags: { ...(why ? { nonAnswer: why } : {}), listOnly, graderDirected },
    model: {
      version: rubric.model.version,
      intercept: rubric.model.intercept,
      raw: Math.round(fitted.raw * 10) / 10,
      // The terms are kept only when explaining: a batch holds thousands of scores.
      ...(opts.explain ? { terms: why ? [] : fitted.terms } : {}),
      ...(limitedBy ? { limitedBy } : {}),
    },
    feedback: {
      summary: why
        ? NON_ANSWER_SUMMARY[why]
        : summary(
            band,
            criteria,
            listOnly,
            fitted.terms
              .filter((t) => t.points <= -2 && t.feature !== 'length')
              .sort((a, b) => a.points - b.points)
              .slice(0, 2)
              .map((t) => t.label),
          ),
      strengths: why ? [] : criteria.filter((c) => c.meetsBar).map((c) => `${c.title}: ${c.anchor}`),
      gaps: criteria.filter((c) => !c.meetsBar).map((c) => `${c.title}: ${c.missing.join('; ') || c.anchor}`),
      improvements,
    },
  };
  return { score: result, analysis: clean, signals: results, features, hits, guards, rejected };
}
