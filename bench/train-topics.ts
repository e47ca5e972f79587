// `npm run train:topics [-- labels.jsonl]`: trains the answer topic model on the answers written for
// the project and the development set's tuning part, and writes the weights src/scoring/ ships. A test
// checks the shipped file is what this writes.
import { existsSync, writeFileSync } from 'node:fs';
import { DEV_SET } from './lockbox.js';
import { modelJson } from './question-sets.js';
import { shippedTopicExamples, TOPIC_MODEL_FILE, trainTopics } from './topic-sets.js';

const file = process.argv[2] ?? DEV_SET;
if (!existsSync(file)) {
  console.error(`train:topics: no labelled set at ${file}; name one: npm run train:topics -- labels.jsonl`);
  process.exit(2);
}
const started = performance.now();
const examples = shippedTopicExamples(file);
const weights = trainTopics(examples);
writeFileSync(TOPIC_MODEL_FILE, modelJson(weights));
console.log(
  `${TOPIC_MODEL_FILE}: ${Object.keys(weights.weights).length} features × ${weights.classes.length} classes from ${examples.length} answers, trained in ${Math.round(performance.now() - started)} ms`,
);
