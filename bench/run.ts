// `npm run bench`: measures rehearse's performance targets and prints the figures.
import os from 'node:os';
import { benchBatch, benchLargeTranscript } from './batch.js';
import { benchFilter } from './filter.js';
import {
  benchPrecision,
  BLIND_SETS,
  FRESH_SETS,
  LATER_SETS,
  SECOND_BLIND_SETS,
  THIRD_BLIND_SETS,
  FOURTH_BLIND_SETS,
  FIFTH_BLIND_SETS,
  SIXTH_BLIND_SETS,
  UNSEEN_SETS,
} from './precision.js';
import { benchProbes } from './probes.js';
import { benchQuestionModel } from './question-model.js';
import { benchRecognition } from './recognition.js';
import { benchFirstRubric, benchScoring } from './scoring.js';
import { benchStartup } from './startup.js';
import { benchValidate } from './validate.js';
import { benchValidity } from './validity.js';
import type { Figure } from './util.js';

const sections: [string, () => Figure[] | Promise<Figure[]>][] = [
  ['Scoring', benchScoring],
  ['Scoring (a new process: the first rubric)', benchFirstRubric],
  ['Validity (agreement with human raters)', benchValidity],
  ['Transcripts (reworded questions recognised by family)', benchRecognition],
  [
    'Transcripts (which questions are graded: precision and recall against written keys, by the cues and the shipped question model, which was trained on all these sets)',
    () => benchPrecision(),
  ],
  ...(
    [
      ['sets written after the rules were settled; their misses have since changed the rules', LATER_SETS],
      ['fresh sets written after the rules were settled; their misses have since changed the rules too', FRESH_SETS],
      ['unseen sets written after the rules were settled; their misses have since changed the rules too', UNSEEN_SETS],
      ['blind sets written after the rules were settled, measured once; their misses have since changed the rules too', BLIND_SETS],
      ['second blind sets, measured once; their misses have since changed the rules too', SECOND_BLIND_SETS],
      [
        'third blind sets, written by someone who had read neither the rules nor any earlier set, measured once; the question model has since been trained on them',
        THIRD_BLIND_SETS,
      ],
      [
        'fourth blind sets, written by someone who had read neither the rules nor any earlier set, measured once; the question model has since been trained on them',
        FOURTH_BLIND_SETS,
      ],
      [
        'fifth blind sets, written by someone who had read neither the rules nor any earlier set, measured once; the question model has since been trained on them, and one of their misses changed a rule',
        FIFTH_BLIND_SETS,
      ],
      ['sixth blind sets, written by someone who had read neither the rules nor any earlier set, measured once', SIXTH_BLIND_SETS],
    ] as const
  ).map(([what, sets]): [string, () => Promise<Figure[]> | Figure[]] => [`Transcripts (the same, on ${what})`, () => benchPrecision(sets)]),
  [
    'Transcripts (each generation of sets held out in turn: the question model trained on the others, against the cues alone)',
    benchQuestionModel,
  ],
  ['Probes', benchProbes],
  ['Terminal', benchStartup],
  ['Batch', benchBatch],
  ['One large transcript', benchLargeTranscript],
  ['Filter (grade - on JSON Lines, and GNU parallel over it)', benchFilter],
  ['Validate', benchValidate],
];

console.log(`rehearse bench · node ${process.version} · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
// `npm run bench -- filter batch`: only the sections whose titles name one of the words.
const only = process.argv.slice(2).map((w) => w.toLowerCase());
let missed = 0;
for (const [title, run] of sections) {
  if (only.length && !only.some((w) => title.toLowerCase().includes(w))) continue;
  console.log(`\n${title}`);
  for (const r of await run()) {
    if (r.ok === false) missed++;
    const mark = r.ok === undefined ? ' ' : r.ok ? '✓' : '✗';
    console.log(`  ${mark} ${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
    if (r.detail) console.log(`      ${r.detail}`);
  }
}
console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
