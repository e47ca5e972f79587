// Whether to probe after an answer, and what: the weakest criterion below the bar that a follow-up targets.
import type { FollowUp, Question } from '../scenario/schema.js';
import type { CriterionScore, Score } from '../scoring/types.js';
import { answersTo, probesOf, type Session } from './session.js';

export type Decision =
  | { kind: 'probe'; followUp: FollowUp; criterion: CriterionScore }
  | { kind: 'next'; reason: 'passed' | 'budget' | 'time' | 'bar-met' | 'no-follow-up' };

/** What the candidate types to pass on a question (the screen suggests the first). */
export const PASS_WORDS = ['pass', 'skip'] as const;

/** An answer that is only a pass word (any case, a full stop or ! after it): the candidate moves on. */
export function isPass(answer: string): boolean {
  const word = answer.trim().replace(/[.!]$/, '').toLowerCase();
  return (PASS_WORDS as readonly string[]).includes(word);
}

/** How many probes a question may have in this session. */
export function probeBudget(session: Session, question: Question): number {
  return Math.min(question.budget.probes, session.maxProbes ?? Number.POSITIVE_INFINITY);
}

export function decide(session: Session, question: Question, score: Score): Decision {
  if (isPass(answersTo(session, question.id).at(-1) ?? '')) return { kind: 'next', reason: 'passed' };
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
