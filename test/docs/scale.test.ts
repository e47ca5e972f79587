// docs/scale.md, checked: its worked GNU parallel example runs as written over the built CLI and
// writes what one filter writes, a line per conversation in the order they came.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, fixture, ROOT } from '../helpers.js';

const DOC = readFileSync(join(ROOT, 'docs', 'scale.md'), 'utf8');

/** The shell block the page marks `<!-- tested: NAME -->`. */
function tested(name: string): string {
  const at = DOC.indexOf(`<!-- tested: ${name} -->`);
  const block = /```sh\n([\s\S]*?)```/.exec(DOC.slice(at));
  if (at < 0 || !block) throw new Error(`docs/scale.md has no block marked "tested: ${name}"`);
  return block[1]!;
}

/** GNU parallel, not moreutils' program of the same name, which has no --pipe. */
const gnuParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).stdout?.includes('GNU parallel') ?? false;

const TITLE = 'the GNU parallel example grades a stream as one filter does, in order';

describe('docs/scale.md', () => {
  it.skipIf(!gnuParallel)(
    gnuParallel ? TITLE : `${TITLE} (skipped: GNU parallel is not installed here; apt-get install parallel)`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rehearse-scale-'));
      // `rehearse` on the PATH, as `npm install -g` puts it, running the built CLI.
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'rehearse'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
      chmodSync(join(bin, 'rehearse'), 0o755);
      const [conversation] = readFileSync(fixture('transcripts/interviews.jsonl'), 'utf8').split('\n');
      const lines = Array.from({ length: 12 }, (_, i) => `{"id":"c${i}",${conversation!.slice(1)}`);
      writeFileSync(join(dir, 'conversations.jsonl'), `${lines.join('\n')}\n`);
      const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, REHEARSE_HOME: dir, NO_COLOR: '1' };
      const command = tested('one machine');
      expect(command).toContain('--block 10M');
      // As written, but in blocks of 8 KB, so these 12 conversations (24 KB) are split among three filters.
      const r = spawnSync('sh', ['-c', command.replace('--block 10M', '--block 8k')], {
        cwd: dir,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const grades = readFileSync(join(dir, 'grades.jsonl'), 'utf8');
      const one = spawnSync('sh', ['-c', 'rehearse grade - --format jsonl < conversations.jsonl'], { cwd: dir, env, encoding: 'utf8' });
      const ids = grades
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id);
      expect(ids).toEqual(lines.map((_, i) => `c${i}`));
      // More than one filter graded them: each numbers its block's conversations from 1.
      expect(grades.match(/"conversation":1(?!\d)/g)?.length ?? 0).toBeGreaterThan(1);
      // The same grades as one filter over the whole stream, but for the numbering: each filter counts
      // conversations and lines from the start of its own block.
      const unnumbered = (out: string) => out.replace(/"(?:conversation|line)":\d+/g, '');
      expect(unnumbered(grades)).toBe(unnumbered(one.stdout));
    },
    180_000,
  );
});
