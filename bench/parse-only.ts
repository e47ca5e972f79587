// The batch baseline: read and parse every transcript file, and do nothing else.
import { readFileSync } from 'node:fs';
import { expandInputs } from '../src/batch/files.js';
import { parseTranscripts } from '../src/transcripts/detect.js';
import { cast } from '../src/transcripts/speakers.js';

let turns = 0;
for (const file of expandInputs(process.argv.slice(2)).files) {
  for (const t of parseTranscripts(readFileSync(file, 'utf8'))) turns += cast(t).turns.length;
}
process.stdout.write(`${turns} turns\n`);
