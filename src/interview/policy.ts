// Whether to probe after an answer, and what: the weakest criterion below the bar that a follow-up targets.
import type { FollowUp, Question } from '../scenario/schema.js';
import type { CriterionScore, Score } from '../scoring/types.js';
import { probesOf, type Session } from './session.js';

export type Decision =
  | { kind: 'probe'; followUp: FollowUp; criterion: CriterionScore }
  | { kind: 'next'; reason: 'budget' | 'time' | 'bar-met' | 'no-follow-up' };

/** How many probes a question may have in this session. */
export function probeBudget(session: Session, question: Question): number {
  return Math.min(question.budget.probes, session.maxProbes ?? Number.POSITIVE_INFINITY);
}

export function decide(session: Session, question: Question, score: Score): Decision {
  const used = probesOf(session, question.id);
  if (used.length >= probeBudget(session, question)) return { kind: 'next', reason: 'budget' };
  if (session.timeUp.includes(question.id)) return { kind: 'next', reason: 'time' };
  const usedIds = new Set(used.map((t) => t.followUpId));
  // A drill works on its one criterion: its follow-ups, in order, until the answers reach its top level.
  const drilled = session.drill && score.criteria.find((c) => c.id === session.drill!.criterion);
  if (drilled) {
    if (drilled.level >= drilled.maxLevel) return { kind: 'next', reason: 'bar-met' };
    const followUp = question.followUps.find((f) => !usedIds.has(f.id) && f.targets.includes(drilled.id));
    return followUp ? { kind: 'probe', followUp, criterion: drilled } : { kind: 'next', reason: 'no-follow-up' };
  }
  const below = score.criteria
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => !c.meetsBar)
    // Weakest first: the lowest share of its levels, then the heaviest, then rubric order.
    .sort((a, b) => a.c.level / a.c.maxLevel - b.c.level / b.c.maxLevel || b.c.weight - a.c.weight || a.order - b.order);
  if (below.length === 0) return { kind: 'next', reason: 'bar-met' };
  for (const { c } of below) {
    const followUp = question.followUps.find((f) => !usedIds.has(f.id) && f.targets.includes(c.id));
    if (followUp) return { kind: 'probe', followUp, criterion: c };
  }
  return { kind: 'next', reason: 'no-follow-up' };
}
