// What the rubric makes of an answer: the anti-patterns it shows, and each criterion's level, held down by their caps.
import type { ResolvedRubric } from '../../scenario/rubric.js';
import type { AntiPattern, Criterion } from '../../scenario/schema.js';
import { holds, missingFor, positives, type Present } from './conditions.js';
import type { SignalResult } from './signals.js';
import type { AntiPatternHit, CriterionScore, Evidence } from '../types.js';

/** What the rubric's signals found in one answer, as the conditions and the quotes ask for it. */
export interface Found {
  present: Present;
  /** The quotes behind some signals, each quote once, even when several of them found it. */
  evidenceOf: (ids: string[]) => Evidence[];
}

export function foundIn(signals: ReadonlyMap<string, SignalResult>): Found {
  const present = (id: string) => signals.get(id)?.present ?? false;
  // A quote that overlaps one already shown adds nothing but a second cut of the same words.
  const evidenceOf = (ids: string[]) => {
    const kept: Evidence[] = [];
    for (const e of [...new Set(ids)].flatMap((id) => signals.get(id)?.evidence() ?? [])) {
      if (!kept.some((k) => k.turn === e.turn && e.start < k.end && k.start < e.end)) kept.push(e);
    }
    return kept;
  };
  return { present, evidenceOf };
}

/** The rubric's anti-patterns whose condition the answer meets. */
export function antiPatternsShown(rubric: ResolvedRubric, found: Found): AntiPattern[] {
  return rubric.antiPatterns.filter((a) => holds(a.when, found.present));
}

export function antiPatternHit(a: AntiPattern, found: Found): AntiPatternHit {
  return { id: a.id, title: a.title, penalty: a.penalty, advice: a.advice, evidence: found.evidenceOf(positives(a.when)) };
}

/** The highest level whose condition holds; level 0 asks for nothing. */
export function levelOf(c: Criterion, present: Present): number {
  for (let j = c.levels.length - 1; j >= 1; j--) if (holds(c.levels[j]!.when!, present)) return j;
  return 0;
}

export interface Capped {
  level: number;
  /** The anti-pattern that held the level down, when one did. */
  cappedBy?: string;
}

/** The level once the anti-patterns that cap this criterion have held it down. */
export function capped(c: Criterion, level: number, shown: readonly AntiPattern[]): Capped {
  let cappedBy: string | undefined;
  for (const a of shown) {
    if (a.cap && a.cap.criterion === c.id && level > a.cap.level) {
      level = a.cap.level;
      cappedBy = a.id;
    }
  }
  return cappedBy ? { level, cappedBy } : { level };
}

/** A criterion at its level: the quotes that earned it, and what the next level up asks for. */
export function criterionScore(rubric: ResolvedRubric, c: Criterion, { level, cappedBy }: Capped, found: Found): CriterionScore {
  const maxLevel = c.levels.length - 1;
  const earned = level > 0 ? c.levels[level]!.when! : undefined;
  const next = level < maxLevel ? c.levels[level + 1]!.when! : undefined;
  const missing = next ? missingFor(next, rubric, found.present) : [];
  // Nothing to add, yet the level above is not reached (a cap, or a signal it asks to be absent): say what that level is.
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
    evidence: earned ? found.evidenceOf(positives(earned).reverse()) : [],
    missing,
    ...(cappedBy ? { cappedBy } : {}),
  };
}

// A batch scores thousands of answers against a few rubrics, and this walks every level of every
// criterion: worked out once per rubric, held weakly so a rubric no longer used is not kept.
const levelSignalCache = new WeakMap<ResolvedRubric, string[]>();

/** The signals that earn criterion levels (not anti-patterns): what "coverage" counts. */
export function levelSignalsOf(rubric: ResolvedRubric): string[] {
  let ids = levelSignalCache.get(rubric);
  if (!ids) {
    ids = [...new Set(rubric.criteria.flatMap((c) => c.levels.flatMap((l) => (l.when ? positives(l.when) : []))))];
    levelSignalCache.set(rubric, ids);
  }
  return ids;
}

const holdingDownCache = new WeakMap<ResolvedRubric, ReadonlySet<string>>();

/**
 * The signals that can only hold an answer down: a level asks for them to be absent, or an anti-pattern
 * for them to be present, and nothing asks for them to earn. Finding one in more of the answer can only
 * lower its grade, so they are also looked for in the sentences set aside that say nothing of their own:
 * "I don't see real risks here" is said about the question even though relevance set it aside.
 */
export function holdingDownOf(rubric: ResolvedRubric): ReadonlySet<string> {
  let ids = holdingDownCache.get(rubric);
  if (!ids) {
    const earning = new Set([...levelSignalsOf(rubric), ...rubric.antiPatterns.flatMap((a) => a.when.none ?? [])]);
    const holding = [
      ...rubric.criteria.flatMap((c) => c.levels.flatMap((l) => l.when?.none ?? [])),
      ...rubric.antiPatterns.flatMap((a) => positives(a.when)),
    ];
    // A length signal is about the whole answer, not where it is said: it is read as the rest are.
    ids = new Set(holding.filter((id) => !earning.has(id) && !rubric.signals[id]?.words));
    holdingDownCache.set(rubric, ids);
  }
  return ids;
}

export const totalWeight = (criteria: readonly CriterionScore[]) => criteria.reduce((sum, c) => sum + c.weight, 0);

/** The rubric's part of the features: the share of the criteria's weight reached, of level signals found, and the penalty points. */
export function rubricFeatures(
  rubric: ResolvedRubric,
  criteria: readonly CriterionScore[],
  antiPatterns: readonly AntiPatternHit[],
  present: Present,
): { attained: number; coverage: number; penalty: number } {
  const earned = criteria.reduce((sum, c) => sum + (c.weight * c.level) / c.maxLevel, 0);
  const penalty = antiPatterns.reduce((sum, a) => sum + a.penalty, 0);
  const levelSignals = levelSignalsOf(rubric);
  let found = 0;
  for (const id of levelSignals) if (present(id)) found++;
  const coverage = levelSignals.length ? found / levelSignals.length : 0;
  return { attained: earned / totalWeight(criteria), coverage, penalty };
}
