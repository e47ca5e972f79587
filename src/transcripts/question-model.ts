// A small statistical reader of interviewer lines: a multinomial logistic regression over word
// unigrams and bigrams, trained on the project's own written question sets, that says how likely a
// line is a question of each family, or no product-management question at all. The cue lists in
// the rubrics know the phrasings they were written from; the model generalises from many more.
import {
  grams,
  LinearClassifier,
  train as fit,
  words,
  type Example,
  type ModelWeights,
  type TrainingSettings,
} from '../text/classifier.js';

export { stem, words, type Example, type ModelWeights } from '../text/classifier.js';

/** What a line may be: one of the six families, or none. */
export const NOT_PM = 'none';

export interface Prediction {
  /** The most likely class: a family, or NOT_PM. */
  label: string;
  /** Its probability. */
  p: number;
  /** The probability that the line is any family's question (1 − P(NOT_PM)). */
  pm: number;
}

/** Where a turn's sentences end: after a full stop, question or exclamation mark and a space. */
const SENTENCE_END = /(?<=[.?!])\s+/;

/**
 * Unigrams and bigrams of the whole line (its start and end count as words), and the words of the
 * sentence that asks (the last one ending in a question mark, or else the last) marked apart: a
 * setup before the question names the situation, the asking sentence what is wanted of it.
 */
export function features(text: string): string[] {
  const out = new Set<string>();
  grams(words(text), '', out, true);
  const parts = text.split(SENTENCE_END).filter((s) => /\w/.test(s));
  if (parts.length > 1) grams(words(parts.findLast((s) => /\?\s*$/.test(s)) ?? parts.at(-1)!), 'q:', out, false);
  return [...out];
}

/** The shipped weights, read once. */
export class QuestionModel extends LinearClassifier {
  constructor(data: ModelWeights) {
    super(data, features);
  }

  predict(text: string): Prediction {
    const p = this.probabilities(text);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    const none = this.data.classes.indexOf(NOT_PM);
    return { label: this.data.classes[best]!, p: p[best]!, pm: 1 - (none >= 0 ? p[none]! : 0) };
  }
}

/** Chosen by training on all generations of the sets but one and measuring on the one left out. */
export const TRAINING: TrainingSettings = { l2: 0.0005, epochs: 300, minCount: 2, rate: 0.05, balance: 1 };

/** The question model's weights fitted to `examples` (each labelled with a family or NOT_PM). */
export const train = (
  examples: readonly Example[],
  classes: readonly string[],
  about: string,
  s: TrainingSettings = TRAINING,
): ModelWeights => fit(examples, classes, about, s, features);
