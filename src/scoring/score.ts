// Grades an answer against a rubric: levels per criterion with evidence, anti-patterns, total, band and coaching.
import type { AntiPattern, Condition } from '../scenario/schema.js';
import type { ResolvedRubric } from '../scenario/rubric.js';
import { blank, graderDirectedSpans, nonAnswer, type NonAnswer } from './guards.js';
import { evaluateSignals, phraseSpansOf, type RejectedMention, type SignalResult } from './signals.js';
import { analyse, countWords, type Analysis } from './text.js';
import { extractFeatures, type FeatureHit, type Features } from './features.js';
import { applyModel, DEFAULT_MODEL, type ScoringModel } from './model.js';
import { SCORER_VERSION, type AntiPatternHit, type Band, type CriterionScore, type Evidence, type Improvement, type Score } from './types.js';

/** Below this share of words in sentences, fragments and lists earn nothing. */
const PROSE_SHARE = 0.5;

export function bandOf(total: number, bands: ScoringModel['bands'] = DEFAULT_MODEL.bands): Band {
  if (total >= bands.strong) return 'strong';
  if (total >= bands.adequate) return 'adequate';
  if (total >= bands.weak) return 'weak';
  return 'insufficient';
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

function summary(band: Band, criteria: CriterionScore[], listOnly: boolean): string {
  const met = criteria.filter((c) => c.meetsBar).length;
  const of = `${met} of ${criteria.length} criteria meet the bar`;
  if (listOnly) return `This reads as a list of terms rather than an answer: ${of}. Say which one you choose and why, in sentences.`;
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
function ceilingOf(band: 'insufficient' | 'weak' | 'adequate', bands: ScoringModel['bands']): number {
  return (band === 'insufficient' ? bands.weak : band === 'weak' ? bands.adequate : bands.strong) - 1;
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
  /** The ceilings of the anti-patterns the answer hit. */
  ceilings: readonly Ceiling[];
}

/**
 * The total a model gives features, after the guards: a non-answer is 0, a list of terms stays
 * under the cap, an anti-pattern with a ceiling keeps the answer below the next band up.
 */
export function totalOf(model: ScoringModel, features: Features, guards: Guards): number {
  return guarded(model, applyModel(model, features).raw, guards);
}

/** The guards applied to the model's sum. */
function guarded(model: ScoringModel, raw: number, guards: Guards): number {
  if (guards.nonAnswer) return 0;
  let total = Math.max(0, Math.min(100, Math.round(raw)));
  if (guards.listOnly) total = Math.min(total, model.listCap);
  for (const c of guards.ceilings) total = Math.min(total, ceilingOf(c, model.bands));
  return total;
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
  const listOnly = !why && clean.proseWords < clean.words * PROSE_SHARE;
  const results: Map<string, SignalResult> = why
    ? new Map()
    : evaluateSignals(rubric, { analysis: clean, blanked, fragmentsCount: !listOnly, phraseSpans: phraseSpansOf(rubric, clean), ...(opts.explain ? { rejected } : {}) });
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
      evidence: earned ? evidenceOf(positives(earned)) : [],
      missing,
      ...(cappedBy ? { cappedBy } : {}),
    };
  });

  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  const raw = criteria.reduce((sum, c) => sum + (c.weight * c.level) / c.maxLevel, 0);
  const penalty = antiPatterns.reduce((sum, a) => sum + a.penalty, 0);
  const levelSignals = levelSignalsOf(rubric);
  let found = 0;
  for (const id of levelSignals) if (present(id)) found++;
  const coverage = levelSignals.length ? found / levelSignals.length : 0;
  const { features, hits } = extractFeatures(clean, { attained: raw / weights, coverage, penalty }, !!opts.explain);
  const fitted = applyModel(rubric.model, features);
  const ceilings = antiPatterns.flatMap((hit) => {
    const ceiling = rubric.antiPatterns.find((a) => a.id === hit.id)!.ceiling;
    return ceiling ? [{ id: hit.id, ceiling }] : [];
  });
  const guards: Guards = { nonAnswer: !!why, listOnly, ceilings: ceilings.map((c) => c.ceiling) };
  const total = guarded(rubric.model, fitted.raw, guards);
  const unlimited = guards.ceilings.length ? guarded(rubric.model, fitted.raw, { ...guards, ceilings: [] }) : total;
  const ceilingBy = total < unlimited ? ceilings.find((c) => ceilingOf(c.ceiling, rubric.model.bands) === total)?.id : undefined;
  const band = bandOf(total, rubric.model.bands);

  const improvements: Improvement[] = [
    ...criteria
      .filter((c) => c.level < c.maxLevel)
      .map((c) => ({
        criterion: c.id,
        gain: Math.round((100 * c.weight) / c.maxLevel / weights),
        advice: c.cappedBy
          ? antiPatterns.find((a) => a.id === c.cappedBy)!.advice
          : `${c.title}: ${c.missing[0] ?? c.anchor}`,
      })),
    ...antiPatterns.filter((a) => a.penalty > 0).map((a) => ({ criterion: a.id, gain: a.penalty, advice: a.advice })),
  ]
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
      terms: why ? [] : fitted.terms,
      ...(listOnly && !why ? { limitedBy: 'list-only' } : {}),
      ...(ceilingBy ? { limitedBy: ceilingBy } : {}),
    },
    feedback: {
      summary: why ? NON_ANSWER_SUMMARY[why] : summary(band, criteria, listOnly),
      strengths: why ? [] : criteria.filter((c) => c.meetsBar).map((c) => `${c.title}: ${c.anchor}`),
      gaps: criteria.filter((c) => !c.meetsBar).map((c) => `${c.title}: ${c.missing.join('; ') || c.anchor}`),
      improvements,
    },
  };
  return { score: result, analysis: clean, signals: results, features, hits, guards, rejected };
}
