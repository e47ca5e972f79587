// The question families a run grades by, and the talk it passes over, each compiled once into
// the readers that recognise them.
import { resolveRubric, type ResolvedRubric, type Vocabulary } from '../scenario/rubric.js';
import type { RubricLibrary } from '../scenario/schema.js';
import { IntentReader } from './intent.js';
import { ASIDES, OTHER_FAMILIES, type AsideKind } from './other-families.js';
import { QuestionModel, type ModelWeights } from './question-model.js';
import shipped from './question-model.json' with { type: 'json' };
import { Speller } from './spelling.js';

export interface Family {
  family: string;
  rubric: ResolvedRubric;
  detect: string[];
}

export interface Families {
  list: readonly Family[];
  /** Each family's question cues. */
  reader: IntentReader<Family>;
  /** Each family's topic (what its answers are about): a question that names none of it asks about something else. */
  topics: IntentReader<Family>;
  /** Question families rehearse knows but does not grade, to name them when it refuses. */
  others: IntentReader<{ family: string; name: string; rivals: boolean }>;
  /** Small talk, introductions, wrap-ups, logistics, thanks and sponsor reads. */
  asides: IntentReader<{ family: AsideKind; name: string }>;
  /** Mends typos to the words all of the above look for. */
  speller: Speller;
  /** The statistical reader that confirms, vetoes or adds to what the cues read; none reads by the cues alone. */
  model: QuestionModel | null;
}

let shippedModel: QuestionModel | undefined;
/** The model trained on the project's question sets, read once, when first needed. */
export function questionModel(): QuestionModel {
  return (shippedModel ??= new QuestionModel(shipped as ModelWeights));
}

export function familiesOf(
  libraries: readonly RubricLibrary[],
  contextTerms: string[],
  vocabulary: Vocabulary = {},
  model: QuestionModel | null = questionModel(),
): Families {
  const list = libraries.flatMap((lib) =>
    lib.rubrics.map((r) => ({ family: r.family, detect: r.detect, rubric: resolveRubric(lib, r.id, contextTerms, vocabulary)! })),
  );
  const phrases = [
    ...list.flatMap((f) => [...f.detect, ...f.rubric.topic]),
    ...OTHER_FAMILIES.flatMap((f) => f.detect),
    ...ASIDES.flatMap((f) => f.detect),
  ];
  return {
    list,
    model,
    speller: new Speller(phrases),
    reader: new IntentReader(list.map((f) => ({ family: f.family, detect: f.detect, topic: f.rubric.topic, value: f }))),
    // One cue per topic phrase: a topic phrase is a word list, never a "+" combination.
    topics: new IntentReader(
      list.map((f) => ({ family: f.family, detect: f.rubric.topic.map((p) => p.replace(/\s\+\s/g, ' ')), value: f })),
    ),
    others: new IntentReader(
      OTHER_FAMILIES.map((f) => ({ family: f.family, detect: f.detect, value: { family: f.family, name: f.name, rivals: !!f.rivals } })),
    ),
    asides: new IntentReader(ASIDES.map((f) => ({ family: f.family, detect: f.detect, value: { family: f.family, name: f.name } }))),
  };
}
