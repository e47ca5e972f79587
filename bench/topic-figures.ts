// How well the answer topic model tells the development set's real answers apart by family, each read
// by a model that was not trained on it: printed by `npm run validity`.
import { sourceKey } from '../src/calibration/labels.js';
import { readLabelled } from '../src/calibration/rubrics.js';
import { POLICY } from '../src/policy/policy.js';
import { topicOf, withTopicModel } from '../src/scoring/rubric/topic.js';
import type { ModelWeights } from '../src/text/classifier.js';
import { unrelatedFamilies } from '../test/support/metamorphic.js';
import { trace } from '../src/scoring/score.js';
import { inLockbox } from './lockbox.js';

export interface TopicFigures {
  answers: number;
  /** Answers whose own family the model finds likelier than any unrelated one. */
  ownLeads: number;
  /** Over (answer, unrelated family) pairs: the share where the answer's own family reads likelier than that one (an AUC). */
  separation: number;
  /** Answers the topic model, reading them whole, holds down under their own question, and pairs it holds down under an unrelated one. */
  ownHeld: number;
  /** Answers the scorer holds down by the topic model under their own question. */
  ownCut: number;
  otherHeld: number;
  pairs: number;
}

const held = (lead: number) => lead < POLICY.relevance.topicLead;

/** `topicFor` gives the model to read an answer with in place of the shipped one: one not trained on it. */
export function topicFiguresOn(
  file: string,
  part: 'tuning' | 'lockbox' = 'tuning',
  topicFor: (source: string) => ModelWeights | undefined = () => undefined,
): TopicFigures {
  const { labels, rubricOf } = readLabelled(file);
  const families = [...new Set(labels.map(({ line, label }) => rubricOf(label, line).family))];
  const own: number[] = [];
  const other: number[] = [];
  let cut = 0;
  for (const { line, label } of labels) {
    const source = sourceKey(label, `line ${line}`);
    const answer = label.answer;
    if (inLockbox(source) !== (part === 'lockbox') || typeof answer !== 'string') continue;
    const rubric = rubricOf(label, line);
    const family = rubric.family;
    withTopicModel(topicFor(source), () => {
      const mine = topicOf(answer, family);
      if (!mine) return;
      own.push(mine.lead);
      // What the scorer does under the answer's own question (it reads only the sentences on the question).
      if (trace(rubric, answer, label.asked ? { asked: { question: label.asked } } : {}).guards.topic !== undefined) cut++;
      for (const f of unrelatedFamilies(family, families)) other.push(topicOf(answer, f)!.lead);
    });
  }
  let separation = 0;
  for (const a of own) for (const b of other) separation += a > b ? 1 : a === b ? 0.5 : 0;
  return {
    answers: own.length,
    ownLeads: own.filter((x) => x > 0).length,
    separation: separation / (own.length * other.length || 1),
    ownHeld: own.filter(held).length,
    ownCut: cut,
    otherHeld: other.filter(held).length,
    pairs: other.length,
  };
}

export function renderTopicFigures(t: TopicFigures): string {
  const pct = (n: number, of: number) => `${Math.round((100 * n) / (of || 1))}%`;
  return [
    `  own family (or a neighbour) leads every unrelated one: ${t.ownLeads} of ${t.answers} (${pct(t.ownLeads, t.answers)})`,
    `  own family read likelier than an unrelated one: ${Math.round(t.separation * 100)}% of pairs`,
    `  read whole, the model would hold down ${t.ownHeld} of ${t.answers} under their own question (${pct(t.ownHeld, t.answers)}), ${t.otherHeld} of ${t.pairs} pairs under an unrelated one (${pct(t.otherHeld, t.pairs)})`,
    `  the scorer (reading the sentences on the question) holds down ${t.ownCut} of ${t.answers} under their own question (${pct(t.ownCut, t.answers)})`,
  ].join('\n');
}
