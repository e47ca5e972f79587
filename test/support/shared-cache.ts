// One cache folder for the whole run: every rehearse the tests start, each with a data folder of
// its own, reads the parsed scenarios and compiled rubrics the first one wrote, as a user's
// several data folders can with REHEARSE_CACHE_DIR. A test about the data folder's own cache sets
// REHEARSE_CACHE_DIR to '' (unset); test/helpers.ts passes the folder to in-process runs too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-test-cache-'));
  // Set before the workers start, so they and every process they spawn inherit it.
  process.env.REHEARSE_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
