// `npm run bench`: measures rehearse's performance targets and prints the figures.
import os from 'node:os';
import { benchBatch } from './batch.js';
import { benchFilter } from './filter.js';
import { benchPrecision, BLIND_SETS, FRESH_SETS, LATER_SETS, UNSEEN_SETS } from './precision.js';
import { benchProbes } from './probes.js';
import { benchRecognition } from './recognition.js';
import { benchScoring } from './scoring.js';
import { benchStartup } from './startup.js';
import { benchValidate } from './validate.js';
import { benchValidity } from './validity.js';
import type { Figure } from './util.js';

const sections: [string, () => Figure[] | Promise<Figure[]>][] = [
  ['Scoring', benchScoring],
  ['Validity (agreement with human raters)', benchValidity],
  ['Transcripts (reworded questions recognised by family)', benchRecognition],
  ['Transcripts (which questions are graded: precision and recall against written keys)', () => benchPrecision()],
  [
    'Transcripts (the same, on sets written after the rules were settled; their misses have since changed the rules)',
    () => benchPrecision(LATER_SETS),
  ],
  [
    'Transcripts (the same, on fresh sets written after the rules were settled; their misses have since changed the rules too)',
    () => benchPrecision(FRESH_SETS),
  ],
  [
    'Transcripts (the same, on unseen sets written after the rules were settled; their misses have since changed the rules too)',
    () => benchPrecision(UNSEEN_SETS),
  ],
  [
    'Transcripts (the same, on blind sets written after the recognition rules were last changed, measured once)',
    () => benchPrecision(BLIND_SETS),
  ],
  ['Probes', benchProbes],
  ['Terminal', benchStartup],
  ['Batch', benchBatch],
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
