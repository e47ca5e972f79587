// Grades a labelled set and measures how well the scorer agrees with the humans, overall and per family.
import type { ResolvedRubric } from '../scenario/rubric.js';
import { agreement, type Agreement, type Tier } from './agreement.js';
import { trace } from '../scoring/score.js';
import type { Score } from '../scoring/types.js';
import { humanScore, sourceKey, type LabelLine } from './labels.js';

export interface GradedLabel {
  line: number;
  id: string;
  family: string;
  human: number;
  /** True when the human score is only the tier's midpoint (no score was given). */
  fromTier: boolean;
  tier?: Tier;
  source: string;
  score: Score;
}

export function gradeLabels(
  labels: readonly { line: number; label: LabelLine }[],
  rubricOf: (l: LabelLine, line: number) => ResolvedRubric,
): GradedLabel[] {
  return labels.map(({ line, label }) => {
    const rubric = rubricOf(label, line);
    return {
      line,
      id: label.id ?? `line ${line}`,
      family: rubric.family,
      human: humanScore(label),
      fromTier: label.score === undefined && label.consensus === undefined,
      ...(label.tier ? { tier: label.tier } : {}),
      source: sourceKey(label, `line ${line}`),
      // Explained, so each disagreement can show the terms of its total.
      score: trace(rubric, label.answer, { explain: true, asked: label.asked ? { question: label.asked } : {} }).score,
    };
  });
}

export interface CalibrationReport {
  overall: Agreement;
  families: Record<string, Agreement>;
  /** The largest gaps between the scorer and the humans, largest first. */
  worst: GradedLabel[];
}

/** How many disagreements the report lists. */
export const WORST_SHOWN = 10;

export function calibrationReport(graded: readonly GradedLabel[]): CalibrationReport {
  const rated = (g: GradedLabel) => ({
    human: g.human,
    ...(g.tier ? { tier: g.tier } : {}),
    scorer: g.score.total,
    band: g.score.band,
    group: g.family,
  });
  // Built as entries: a family is free text, and "__proto__" assigned as a key would set the prototype instead.
  const families: Record<string, Agreement> = Object.fromEntries(
    [...new Set(graded.map((g) => g.family))]
      .sort()
      .map((family) => [family, agreement(graded.filter((g) => g.family === family).map(rated))]),
  );
  const worst = [...graded]
    .sort((a, b) => Math.abs(b.score.total - b.human) - Math.abs(a.score.total - a.human) || a.line - b.line)
    .slice(0, WORST_SHOWN);
  return { overall: agreement(graded.map(rated)), families, worst };
}
