// `npm run validity [-- labels.jsonl] [--write] [--lockbox]`: agreement with human raters on held-out folds of
// the tuning part. With --write, the weights fitted on the tuning part become the shipped model
// (src/scenario/model.json). With --lockbox, the shipped model is measured on the third of the sources kept
// out of all tuning: run it once, at the end of a piece of work, and report it beside the tuning figures.
import { existsSync } from 'node:fs';
import { crossValidate, DEV_SET, FOLDS, overSplits, renderAgreement, spread, SPLITS, TooFewSources, writeModel } from './validity.js';
import { DEFAULT_MODEL } from '../src/scenario/model.js';
import { relationsOn, renderRelations } from './relations.js';
import { renderTopicFigures, topicFiguresOn } from './topic-figures.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? DEV_SET;
if (!existsSync(file)) {
  console.error(`validity: no labelled set at ${file}; name one: npm run validity -- labels.jsonl`);
  process.exit(2);
}
let v: ReturnType<typeof crossValidate>;
try {
  v = crossValidate(file);
} catch (e) {
  if (!(e instanceof TooFewSources)) throw e;
  console.error(`validity: ${e.message}`);
  process.exit(2);
}
console.log(`${v.answers} labelled answers from ${v.sources} sources, ${FOLDS} folds by source`);
console.log(`\nHeld out: each fold scored by weights fitted on the other ${FOLDS - 1} (ridge λ per fold ${v.lambdas.join(', ')})`);
console.log(renderAgreement(v.heldOut));
console.log(`\nThe shipped model (${DEFAULT_MODEL.version}) on every answer (in sample; it was fitted on them)`);
console.log(renderAgreement(v.shipped));
const splits = overSplits(file, SPLITS);
const two = (x: number) => x.toFixed(2);
console.log(
  `\nThe same over ${SPLITS} different fold splits, mean (min–max): Spearman ${spread(splits.spearman, two)}, kappa ${spread(splits.kappa, two)}, pairwise ${spread(splits.pairwise, (x) => `${Math.round(x * 100)}%`)}`,
);
if (v.raters.length) {
  console.log('\nFor reference: the first rater against the second (tier against score)');
  console.log(renderAgreement(v.raters));
}
console.log(
  "\nMetamorphic relations on the development set's real answers (tuning part, shipped weights; each answer read by the topic model of its fold, trained without it)",
);
console.log(renderRelations(relationsOn(file, 'tuning', v.topicFor)));
console.log(
  "\nThe answer topic model on the development set's real answers (tuning part, each read by the model of its fold, trained without it)",
);
console.log(renderTopicFigures(topicFiguresOn(file, 'tuning', v.topicFor)));
if (args.includes('--lockbox')) {
  const box = crossValidate(file, '', 'lockbox');
  console.log(
    `\nLockbox: ${box.answers} answers from ${box.sources} sources never used for fitting or tuning, scored by the shipped model (${DEFAULT_MODEL.version})`,
  );
  console.log(renderAgreement(box.shipped));
  if (box.raters.length) {
    console.log('\nFor reference on the lockbox: the first rater against the second');
    console.log(renderAgreement(box.raters));
  }
  console.log("\nMetamorphic relations on the lockbox's answers");
  console.log(renderRelations(relationsOn(file, 'lockbox')));
  console.log("\nThe answer topic model on the lockbox's answers");
  console.log(renderTopicFigures(topicFiguresOn(file, 'lockbox')));
}
if (args.includes('--write')) {
  const { path, version } = writeModel(v);
  console.log(`\nwrote ${path} (version ${version}); run npm run build for it to take effect`);
}
