// The 1 MB limit on one answer holds wherever an answer comes in: `calibrate` refuses a labelled
// answer past it as `score` does, and standard input is refused once past the limit, not read whole.
// Through the built CLI: the message, the exit code, and how long it takes to say so.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, rehearse, ROOT, noTrace } from '../helpers.js';

const MB = 1024 * 1024;
const oneLine = (text: string) => expect(text.trim().split('\n')).toHaveLength(1);
const label = (answer: string | string[], tier = 'adequate') =>
  JSON.stringify({ scenario: 'fintech', question: 'north-star', answer, tier });

/** An answer of about `bytes` bytes, in sentences the scorer would read. */
const longAnswer = (bytes: number) =>
  'Weekly paying merchants, because they keep coming back. '.repeat(Math.ceil(bytes / 56)).slice(0, bytes);

describe('an answer larger than 1 MB', () => {
  it('calibrate refuses the labelled answer, naming the file, the line and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-limits-'));
    const labels = join(dir, 'labels.jsonl');
    writeFileSync(labels, [label('Weekly paying merchants, because they come back.'), label(longAnswer(1.1 * MB))].join('\n') + '\n');
    const started = Date.now();
    const r = rehearse(['calibrate', labels]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    noTrace(r.stderr);
    oneLine(r.stderr);
    expect(r.stderr).toContain(`${labels}:2: answer: too large to be an answer (1.1 MB; the limit is 1 MB)`);
    expect(r.stdout).toBe('');
  });

  it('calibrate counts an answer given in parts as a whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-limits-'));
    const labels = join(dir, 'labels.jsonl');
    const part = longAnswer(0.6 * MB);
    writeFileSync(labels, `${label('Weekly paying merchants, because they come back.')}\n${label([part, part])}\n`);
    const r = rehearse(['calibrate', labels]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${labels}:2: answer: too large to be an answer (1.2 MB; the limit is 1 MB)`);
  });

  it('calibrate still grades an answer just under the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-limits-'));
    const labels = join(dir, 'labels.jsonl');
    writeFileSync(
      labels,
      [label('Weekly paying merchants, because they come back.', 'weak'), label(longAnswer(MB - 100), 'strong')].join('\n') + '\n',
    );
    const r = rehearse(['calibrate', labels, '--json']);
    noTrace(r.stderr);
    expect(r.code).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('"n":2');
  });

  it.each([
    ['score', ['score', '--scenario', 'fintech', '--question', 'north-star']],
    ['interview', ['interview', '--scenario', 'fintech', '--probes', '0']],
  ])(
    '%s stops reading standard input once past the limit: one line, exit 2',
    async (_, args) => {
      // 64 MB offered as fast as the pipe takes it: refused long before it is all written.
      const child = spawn(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, REHEARSE_HOME: mkdtempSync(join(tmpdir(), 'rehearse-limits-')), NO_COLOR: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.resume();
      let written = 0;
      child.stdin.on('error', () => undefined);
      const chunk = Buffer.from('word '.repeat((64 * 1024) / 5));
      const pump = () => {
        while (written < 64 * MB) {
          written += chunk.length;
          if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
        }
        child.stdin.end();
      };
      pump();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(2);
      noTrace(stderr);
      oneLine(stderr);
      expect(stderr).toMatch(
        /^rehearse (score|interview): standard input: cannot read the answers?: too large to be (an answer|a file of answers) \(more than 1 MB; the limit is 1 MB\)\n$/,
      );
      expect(written).toBeLessThan(64 * MB);
    },
    30_000,
  );
});
