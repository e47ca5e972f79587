// Every way an answer or a transcript comes in is held to the one input policy: an oversized or
// binary file is one line naming it, before any scoring; a guessed encoding is a notice.
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFrom } from '../../src/commands/answers.js';
import { scoreCommand } from '../../src/commands/score.js';
import { processFile } from '../../src/batch/process.js';
import { UsageError } from '../../src/errors.js';
import { loadLibrary } from '../../src/scenario/load.js';
import { fixture, ROOT } from '../helpers.js';
import { captureIO } from '../support/capture-io.js';

const SCENARIO = fixture('scenarios/good/interview.yaml');
const score = (...args: string[]) => ['--scenario', SCENARIO, '--question', 'kpi', ...args];
const BINARY = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);

function sparse(path: string, mb: number): string {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, mb * 1024 * 1024);
  closeSync(fd);
  return path;
}

describe('rehearse score', () => {
  it('refuses a 50 MB answer file at once, by its size, on one line', async () => {
    const io = captureIO();
    const big = sparse(join(io.home, 'big.txt'), 50);
    const started = performance.now();
    await expect(scoreCommand(score('--file', big), io)).rejects.toThrow(
      new UsageError(`${big}: cannot read the answer: too large to be an answer (50 MB; the limit is 1 MB)`),
    );
    // Scoring it took 16 s; refusing it reads nothing.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a binary answer file, and a binary answer on standard input', async () => {
    const io = captureIO(new TextDecoder().decode(BINARY));
    const bin = join(io.home, 'photo.png');
    writeFileSync(bin, BINARY);
    await expect(scoreCommand(score('--file', bin), io)).rejects.toThrow(new UsageError(`${bin}: this is a binary file, not an answer`));
    await expect(scoreCommand(score(), io)).rejects.toThrow(new UsageError('standard input: this is a binary file, not an answer'));
    expect(io.stdout()).toBe('');
  });

  it('reads a Windows-1252 answer, and says on standard error that it guessed', async () => {
    const io = captureIO();
    const file = join(io.home, 'answer.txt');
    const text = 'My KPI is the weekly share of merchants who take twenty payments, because they come back and trust us.';
    // Curly quotes as Windows-1252 writes them: 0x93 and 0x94, which are not UTF-8.
    writeFileSync(file, Buffer.concat([Buffer.from(`${text} `), Buffer.from([0x93]), Buffer.from('done'), Buffer.from([0x94])]));
    expect(await scoreCommand(score('--file', file, '--json'), io)).toBe(0);
    expect(JSON.parse(io.stdout()).total).toBeGreaterThan(0);
    expect(io.stderr()).toBe(`${file}: not UTF-8; read as Windows-1252\n`);
  });
});

describe('answers given up front (interview --answers, resume --answers)', () => {
  it('a binary answers file is refused, not shown as answers', async () => {
    const io = captureIO();
    const bin = join(io.home, 'answers.bin');
    writeFileSync(bin, BINARY);
    await expect(answersFrom(bin, io, 'usage')).rejects.toThrow(new UsageError(`${bin}: this is a binary file, not a file of answers`));
  });

  it('an answers file over the limit is refused by its size', async () => {
    const io = captureIO();
    const big = sparse(join(io.home, 'answers.txt'), 3);
    await expect(answersFrom(big, io, 'usage')).rejects.toThrow(
      /answers\.txt: cannot read the answers: too large to be a file of answers \(3 MB; the limit is 1 MB\)$/,
    );
  });

  it('answers on standard input are split as before', async () => {
    expect((await answersFrom(undefined, captureIO('one\n---\ntwo\n'), 'usage'))!.map((a) => a.text)).toEqual(['one', 'two']);
  });
});

describe('batch grading keeps its outcome shape', () => {
  const opts = { scenarios: new Map(), library: loadLibrary(join(ROOT, 'scenarios', 'rubrics', 'pm.yaml')) };

  it.each([
    {
      name: 'binary',
      make: (dir: string) => (writeFileSync(join(dir, 'b.txt'), BINARY), join(dir, 'b.txt')),
      reason: 'this is a binary file, not a transcript',
    },
    {
      name: 'too large',
      make: (dir: string) => sparse(join(dir, 'huge.vtt'), 33),
      reason: 'cannot be read: too large to be a transcript (33 MB; the limit is 32 MB)',
    },
  ])('a $name file is one failure, with no notices', ({ make, reason }) => {
    const file = make(captureIO().home);
    expect(processFile(file, 'table', opts)).toEqual({
      items: [],
      kept: [],
      failures: [{ file, reason }],
      notices: [],
      ungraded: 0,
      transcripts: 0,
      answers: 0,
      points: 0,
    });
  });
});
