// Folders for the whole run, set before the workers start so they and every process they spawn
// inherit them:
// - One cache folder: every rehearse the tests start, each with a data folder of its own, reads
//   the parsed scenarios and compiled rubrics the first one wrote, as a user's several data
//   folders can with REHEARSE_CACHE_DIR. A test about the data folder's own cache sets
//   REHEARSE_CACHE_DIR to '' (unset); test/helpers.ts passes the folder to in-process runs too.
// - One temporary folder (TMPDIR): the data folders, homes and files the tests make go in it, and
//   it is removed when the run ends, so a run leaves nothing behind in the system's /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), 'rehearse-test-run-'));
  const cache = join(run, 'cache');
  process.env.TMPDIR = run;
  process.env.REHEARSE_CACHE_DIR = cache;
  return () => rmSync(run, { recursive: true, force: true });
}
