// A transcript too large for the memory of a grading job fails alone, with its reason; every other
// file is graded and written, with one job or several. These sizes fail before a worker starts (their
// size says they would not fit), so the path of a worker that runs out of memory is not reached here.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, rehearseAsync, noTrace } from '../helpers.js';

/** Two transcripts of some 9 MB (the fixture interview again and again) and three ordinary ones. */
function batch(): { dir: string; big: string[]; small: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-memory-'));
  const one = readFileSync(fixture('transcripts/interview.txt'), 'utf8');
  const big = ['big-a.txt', 'big-b.txt'];
  for (const name of big) writeFileSync(join(dir, name), `${one}\n`.repeat(Math.ceil((9 * 2 ** 20) / one.length)));
  const small = ['small-1.txt', 'small-2.txt', 'small-3.txt'];
  for (const name of small) copyFileSync(fixture('transcripts/interview.txt'), join(dir, name));
  return { dir, big, small };
}

describe('a transcript too large for a grading job', () => {
  it.each(['1', '2'])(
    'with --jobs %s: it fails alone with its reason, the others are written',
    async (jobs) => {
      const { dir, big, small } = batch();
      const out = join(dir, 'grades.json');
      const files = [big[0]!, small[0]!, big[1]!, small[1]!, small[2]!].map((f) => join(dir, f));
      const r = await rehearseAsync(['grade', ...files, '--jobs', jobs, '--out', out], {
        env: { REHEARSE_GRADE_MEMORY_MB: '128' },
      });
      noTrace(r.stderr);
      expect(r.code).toBe(1);
      for (const name of big) {
        expect(r.stderr).toContain(
          `${join(dir, name)}: too large to grade within the memory of a grading job (128 MB; REHEARSE_GRADE_MEMORY_MB sets it)`,
        );
      }
      expect(r.stderr).toContain(`wrote ${out} (3 transcript(s), 2 failure(s))`);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { transcripts: { file: string }[]; failures: { file: string }[] };
      expect(report.transcripts.map((t) => t.file)).toEqual(small.map((f) => join(dir, f)));
      expect(report.failures.map((f) => f.file)).toEqual(big.map((f) => join(dir, f)));
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    60_000,
  );
});
