// `npm run train:questions`: trains the question model on every generation of the written sets and
// writes the weights that src/transcripts/ ships. A test checks the shipped file is what this writes.
import { writeFileSync } from 'node:fs';
import { GENERATIONS, MODEL_FILE, modelJson, trainOn } from './question-sets.js';

const started = performance.now();
const weights = trainOn(GENERATIONS);
writeFileSync(MODEL_FILE, modelJson(weights));
console.log(
  `${MODEL_FILE}: ${Object.keys(weights.weights).length} features × ${weights.classes.length} classes, trained in ${Math.round(performance.now() - started)} ms`,
);
