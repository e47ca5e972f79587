// What an answer is about, read by a statistical model: which of the six question families it
// answers, or none of them. Trained on answers written for the project and on the real answers of the
// development set's tuning part (see bench/topic-sets.ts), it reads the words an answer uses, not one
// phrasing, so an answer about aligning sales and product is known as such under a question about the
// north-star metric, whatever its form.
import { grams, LinearClassifier, words, type ModelWeights, type TrainingSettings } from '../../text/classifier.js';
import { POLICY } from '../../policy/policy.js';
import shipped from './topic-model.json' with { type: 'json' };

/** The class of an answer that answers none of the families' questions. */
export const NO_TOPIC = 'none';

/** What the model tells apart: the families of the shipped rubrics, and answers to none of them. */
export const TOPIC_CLASSES: readonly string[] = ['kpi', 'metrics', 'vision', 'incentives', 'shortfall', 'risks', NO_TOPIC];

/** Chosen by measuring on the development set's real answers held out by fold (each fold read by a model trained without it). */
export const TOPIC_TRAINING: TrainingSettings = { l2: 0.01, epochs: 300, minCount: 3, rate: 0.05, balance: 1 };

/**
 * An answer's words, as the model reads them. Pairs of words were tried as well: on the development
 * set's real answers they told families apart no better, with six times the weights.
 */
export function topicFeatures(text: string): string[] {
  const out = new Set<string>();
  grams(words(text), '', out, false);
  return [...out];
}

export interface Topic {
  /** The probability that the answer is about the asked family or one of its neighbours. */
  asked: number;
  /** The likeliest class that is neither (another family, or NO_TOPIC), and its probability. */
  other: string;
  otherP: number;
  /** How much likelier the asked family is than that other, as a natural log: below 0, the other leads. */
  lead: number;
}

/** Probabilities are read as at least this, so that a lead is always a finite number. */
const TINY = 1e-300;

/** The families whose answers overlap with `family`'s by nature (`relevance.neighbours`). */
export const neighboursOf = (family: string): string[] =>
  POLICY.relevance.neighbours.flatMap(([a, b]) => (a === family ? [b] : b === family ? [a] : []));

let model: LinearClassifier | undefined;
let standIn: LinearClassifier | undefined;
/** Each stand-in's weights read once, however many calls use them. */
const standIns = new WeakMap<ModelWeights, LinearClassifier>();
const shippedModel = () => standIn ?? (model ??= new LinearClassifier(shipped as ModelWeights, topicFeatures));

/**
 * Runs `fn`, which must not be asynchronous, with other weights in place of the shipped ones:
 * measuring agreement on answers held out needs a model that was not trained on them.
 */
export function withTopicModel<T>(weights: ModelWeights | undefined, fn: () => T): T {
  if (!weights) return fn();
  const before = standIn;
  let read = standIns.get(weights);
  if (!read) standIns.set(weights, (read = new LinearClassifier(weights, topicFeatures)));
  standIn = read;
  try {
    return fn();
  } finally {
    standIn = before;
  }
}

/**
 * What `text` is about, against the asked `family` and the families whose answers overlap with its
 * own by nature (its neighbours); undefined for a family the model does not know (a user's own).
 */
export function topicOf(text: string, family: string): Topic | undefined {
  const m = shippedModel();
  const classes = m.data.classes;
  const at = classes.indexOf(family);
  if (at < 0 || family === NO_TOPIC) return undefined;
  const neighbours = neighboursOf(family);
  // Its features are the text's words, each once (topicFeatures): counted so without making the set.
  const p = m.probabilitiesOfDistinct(words(text));
  let asked = 0;
  let other = -1;
  p.forEach((v, c) => {
    if (c === at || neighbours.includes(classes[c]!)) asked += v;
    else if (other < 0 || v > p[other]!) other = c;
  });
  // Every class a neighbour: nothing is left to be about instead.
  if (other < 0) return undefined;
  return { asked, other: classes[other]!, otherP: p[other]!, lead: Math.log(Math.max(asked, TINY) / Math.max(p[other]!, TINY)) };
}
