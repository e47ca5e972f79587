// What the answer topic model is trained on: answers written for the project, each labelled with the
// family of the question it answers (or none): the written answer sets, the scenarios' exemplars,
// and the candidate's turns after each keyed question of the written conversations; and the real
// answers of the development set's tuning part, never those of its lockbox, which measures it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { loadCatalog } from '../src/scenario/catalog.js';
import { train, type Example, type ModelWeights } from '../src/text/classifier.js';
import { NO_TOPIC, TOPIC_CLASSES, TOPIC_TRAINING, topicFeatures } from '../src/scoring/rubric/topic.js';
import { sourceKey } from '../src/calibration/labels.js';
import { readLabelled } from '../src/calibration/rubrics.js';
import { FIXTURES, GENERATIONS, keyedConversations, spanOf } from './question-sets.js';
import { inLockbox } from './lockbox.js';

/** The written answer sets: files named by family (`kpi.jsonl`, `kpi-broad.jsonl`; `none.jsonl` for answers to none), one answer a line. */
export const WRITTEN = join(FIXTURES, 'answers-written');

export function writtenExamples(folder = WRITTEN): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const label = file.replace(/(?:-[\w-]+)?\.jsonl$/, '');
    readFileSync(join(folder, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const row = JSON.parse(line) as { answer?: unknown };
        if (typeof row.answer !== 'string') throw new Error(`${file}:${i + 1}: answer: not a string`);
        out.push({ text: row.answer, label: label === 'none' ? NO_TOPIC : label });
      });
  }
  return out;
}

/** Every exemplar of the shipped scenarios, labelled with its question's family. */
export function exemplarExamples(): Example[] {
  const out: Example[] = [];
  for (const c of loadCatalog())
    for (const q of c.scenario.questions) {
      const family = c.rubrics[q.id]?.family;
      if (family && TOPIC_CLASSES.includes(family)) for (const e of q.exemplars) out.push({ text: e.text, label: family });
    }
  return out;
}

/** The candidate's turns between a keyed question and the next turn of anyone else that is not one of its follow-ups. */
export function conversationAnswers(folder: string): Example[] {
  const out: Example[] = [];
  for (const { turns, spans, want } of keyedConversations(folder))
    for (const asked of want) {
      const at = spanOf(spans, asked.line);
      if (at < 0 || !TOPIC_CLASSES.includes(asked.family)) continue;
      const parts: string[] = [];
      for (let i = at + 1; i < turns.length; i++) {
        if (turns[i]!.role === 'candidate') parts.push(turns[i]!.text);
        else if (!(asked.followUps ?? []).some((l) => spanOf(spans, l) === i)) break;
      }
      if (parts.length) out.push({ text: parts.join('\n'), label: asked.family });
    }
  return out;
}

/** Everything written for the project that the model is trained on. */
export const topicExamples = (): Example[] => [
  ...writtenExamples(),
  ...exemplarExamples(),
  ...GENERATIONS.flatMap((g) => conversationAnswers(g.sets.conversations)),
];

/**
 * How much a real answer counts against one written for the project. Real answers are fewer and say
 * things in more ways than the written ones; measured on answers held out by fold (`npm run
 * validity`), counting them twice told families apart better than once (own family leading every
 * unrelated one in 90% of answers against 87%), and three times no better than twice.
 */
export const LABELLED_WEIGHT = 2;

/** The labelled answers of `file` whose source `keep` accepts, each with its question's family. */
export function labelledExamples(file: string, keep: (source: string) => boolean): Example[] {
  const { labels, rubricOf } = readLabelled(file);
  const out: Example[] = [];
  for (const { line, label } of labels) {
    if (typeof label.answer !== 'string' || !keep(sourceKey(label, `line ${line}`))) continue;
    const family = rubricOf(label, line).family;
    // Its words weigh on the features the written answers make, and make none: no word only the set's answers use ships.
    if (TOPIC_CLASSES.includes(family)) out.push({ text: label.answer, label: family, weight: LABELLED_WEIGHT, vocabulary: false });
  }
  return out;
}

/** What the shipped model is trained on: the written answers, and the development set's tuning part. */
export const shippedTopicExamples = (devSet: string): Example[] => [
  ...topicExamples(),
  ...labelledExamples(devSet, (source) => !inLockbox(source)),
];

const ABOUT =
  "Weights of the answer topic model (src/scoring/rubric/topic.ts), made by `npm run train:topics` from the answers written for the project (test/fixtures/answers-written, the scenarios' exemplars and the candidate turns of the written conversations) and the real answers of the development set's tuning part. Do not edit: train again.";

export const trainTopics = (examples: readonly Example[]): ModelWeights =>
  train(examples, TOPIC_CLASSES, ABOUT, TOPIC_TRAINING, topicFeatures);

export const TOPIC_MODEL_FILE = join(PACKAGE_ROOT, 'src', 'scoring', 'rubric', 'topic-model.json');
