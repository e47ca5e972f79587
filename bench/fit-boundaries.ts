// `npm run fit:boundaries`: fits the sentence-boundary model for text without punctuation on the
// development set's tuning part (its lockbox is never read) and the shipped scenarios' own answers,
// prints how well it puts sentence starts back on answers it never saw (folds by source), and writes
// src/text/boundary-model.json. The answers are read at run time; only the weights are written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { f1Of, fitGaps, gapExamples, splitTally, type BoundaryText, type SplitTally } from '../src/calibration/fit-boundaries.js';
import { hash } from '../src/calibration/fit-model.js';
import { sourceKey } from '../src/calibration/labels.js';
import { readLabelled } from '../src/calibration/rubrics.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { loadCatalog } from '../src/scenario/catalog.js';
import type { BoundaryModel } from '../src/text/boundaries.js';
import { DEV_SET as DEV, inLockbox } from './lockbox.js';

const FOLDS = 5;
const LAMBDAS = [3, 30, 300];
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const MIN_WORDS = [3, 4, 5, 6];
const VERSION = 1;

function texts(): BoundaryText[] {
  const out: BoundaryText[] = [];
  // Fitted on the shipped answers alone, the model would be a different one: the fit needs the labelled set.
  if (!existsSync(DEV)) throw new Error(`fit:boundaries: no development set at ${DEV}`);
  for (const { line, label } of readLabelled(DEV).labels) {
    const source = sourceKey(label, `line ${line}`);
    if (inLockbox(source)) continue;
    for (const text of typeof label.answer === 'string' ? [label.answer] : label.answer) out.push({ text, group: source });
  }
  for (const { scenario } of loadCatalog())
    for (const q of scenario.questions)
      for (const text of [q.example, ...q.exemplars.map((e) => e.text)]) out.push({ text, group: `${scenario.id}/${q.id}` });
  return out;
}

const foldOf = (group: string) => parseInt(hash(`boundaries:${group}`).slice(0, 8), 16) % FOLDS;
const add = (a: SplitTally, b: SplitTally): SplitTally => ({
  found: a.found + b.found,
  wrong: a.wrong + b.wrong,
  missed: a.missed + b.missed,
});
const pct = (x: number) => `${Math.round(100 * x)}%`;
const describe = (t: SplitTally) =>
  `F1 ${f1Of(t).toFixed(3)}, precision ${pct(t.found / (t.found + t.wrong || 1))}, recall ${pct(t.found / (t.found + t.missed || 1))}`;

const all = texts();
console.log(`${all.length} punctuated texts from ${new Set(all.map((t) => t.group)).size} sources`);
let best: { lambda: number; threshold: number; minWords: number; tally: SplitTally } | undefined;
for (const lambda of LAMBDAS) {
  const tallies = new Map<string, SplitTally>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const fitOn = all.filter((t) => foldOf(t.group) !== fold);
    const heldOut = all.filter((t) => foldOf(t.group) === fold);
    const weights = fitGaps(gapExamples(fitOn), lambda);
    for (const threshold of THRESHOLDS)
      for (const minWords of MIN_WORDS) {
        const key = `${threshold}/${minWords}`;
        const t = splitTally({ version: VERSION, threshold, minWords, weights }, heldOut);
        tallies.set(key, add(tallies.get(key) ?? { found: 0, wrong: 0, missed: 0 }, t));
      }
  }
  for (const [key, tally] of tallies) {
    const [threshold, minWords] = key.split('/').map(Number) as [number, number];
    if (!best || f1Of(tally) > f1Of(best.tally)) best = { lambda, threshold, minWords, tally };
  }
}
if (!best) throw new Error('no texts to fit on');
// The best of the settings tried, on the folds they were chosen on: a little better than a new answer would see.
console.log(
  `held out (${FOLDS} folds by source, best of ${LAMBDAS.length * THRESHOLDS.length * MIN_WORDS.length} settings): ${describe(best.tally)}`,
);
console.log(`chosen: λ ${best.lambda}, threshold ${best.threshold}, at least ${best.minWords} words per sentence`);
const model: BoundaryModel = {
  version: VERSION,
  threshold: best.threshold,
  minWords: best.minWords,
  weights: fitGaps(gapExamples(all), best.lambda),
};
console.log(`in sample: ${describe(splitTally(model, all))}`);
const out = join(PACKAGE_ROOT, 'src', 'text', 'boundary-model.json');
writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
console.log(`wrote ${out} (${Object.keys(model.weights).length} weights)`);
