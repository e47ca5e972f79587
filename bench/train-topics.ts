// `npm run train:topics`: trains the answer topic model on the answers written for the project and
// writes the weights src/scoring/ ships. A test checks the shipped file is what this writes.
import { writeFileSync } from 'node:fs';
import { modelJson } from './question-sets.js';
import { TOPIC_MODEL_FILE, topicExamples, trainTopics } from './topic-sets.js';

const started = performance.now();
const examples = topicExamples();
const weights = trainTopics(examples);
writeFileSync(TOPIC_MODEL_FILE, modelJson(weights));
console.log(
  `${TOPIC_MODEL_FILE}: ${Object.keys(weights.weights).length} features × ${weights.classes.length} classes from ${examples.length} answers, trained in ${Math.round(performance.now() - started)} ms`,
);
