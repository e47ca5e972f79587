// The total: the model's sum on the 0–100 scale, held down by the guards (non-answer, list of terms, ceilings).
import type { ScoringModel } from '../../scenario/model.js';
import { ceilingOf, onScale, type Ceiling } from './bands.js';
import type { Features } from './features.js';
import { applyModel } from './model.js';
import { POLICY } from '../../policy/policy.js';

/** What may hold a total below the model's sum, worked out from the answer before it is summed. */
export interface Guards {
  nonAnswer: boolean;
  listOnly: boolean;
  /** Too little of the answer bears on the question: it stays below the weak band's cap for off-topic answers. */
  offTopic?: boolean;
  /** For an off-topic answer, the share of its words that bear on the question: what of the total it keeps. */
  relevance?: number;
  /** The share of its total the answer keeps for being about the asked family, by the topic model: below 1 when another family's question leads. */
  topic?: number;
  /** Nothing earned: no criterion's level, and no term of the model adds a point (no rubric signal, none of the reasoning it pays for). */
  nothingEarned?: boolean;
  /** The anti-patterns the answer hit that have a ceiling, with it. */
  ceilings: readonly { id: string; ceiling: Ceiling }[];
}

/**
 * The total a model gives features, after the guards: a non-answer is 0, a list of terms stays
 * under the cap, an anti-pattern with a ceiling keeps the answer below the next band up.
 */
export function totalOf(model: ScoringModel, features: Features, guards: Guards): number {
  return guardedTotal(model, applyModel(model, features).raw, guards).total;
}

/** The guards applied to the model's sum, and which of them held the total down ("list-only" or an anti-pattern). */
export function guardedTotal(model: ScoringModel, raw: number, guards: Guards): { total: number; limitedBy?: string } {
  if (guards.nonAnswer) return { total: 0 };
  let total = Math.round(onScale(raw, model.bands));
  let limitedBy: string | undefined;
  if (guards.listOnly && total > model.listCap) {
    total = model.listCap;
    limitedBy = 'list-only';
  }
  if (guards.topic !== undefined && guards.topic < 1) {
    const kept = Math.round(total * guards.topic);
    if (kept < total) {
      total = kept;
      limitedBy = 'off-topic';
    }
  }
  if (guards.offTopic) {
    const kept = Math.round(Math.min(total, POLICY.relevance.offTopicCap) * (guards.relevance ?? 1));
    if (kept < total) {
      total = kept;
      limitedBy = 'off-topic';
    }
  }
  if (guards.nothingEarned && total > POLICY.nonAnswer.nothingEarnedCap) {
    total = POLICY.nonAnswer.nothingEarnedCap;
    limitedBy = 'nothing earned';
  }
  // Every ceiling is tried, not only the first that applies, so that the lowest one holds.
  for (const { id, ceiling } of guards.ceilings) {
    if (total > ceilingOf(ceiling)) {
      total = ceilingOf(ceiling);
      limitedBy = id;
    }
  }
  return limitedBy ? { total, limitedBy } : { total };
}
