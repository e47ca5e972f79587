// `grade -` as a stream filter, as a user (or GNU parallel, Spark, Ray) runs the built CLI: JSON
// Lines in, a line per conversation out as each is graded, a bad line failing alone.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, fixture, noTrace, rehearse, rehearseAsync, rehearseHere, ROOT } from '../helpers.js';
import { CSV_COLUMNS } from '../../src/report/formats/csv.js';
import { parseCsv } from '../support/csv.js';

const conversations = readFileSync(fixture('transcripts/interviews.jsonl'), 'utf8').trim().split('\n');
const [first, second] = conversations as [string, string];
/** A conversation line with an id in front of what it says. */
const withId = (id: unknown, line: string) => (line.startsWith('{') ? `{"id":${JSON.stringify(id)},${line.slice(1)}` : line);

describe('grade - (standard input)', () => {
  it('writes the first conversation before the input ends, with one job and with two', async () => {
    for (const jobs of ['1', '2']) {
      const child = spawn(process.execPath, [CLI, 'grade', '-', '--format', 'jsonl', '--jobs', jobs], {
        cwd: ROOT,
        env: { ...process.env, REHEARSE_HOME: mkdtempSync(join(tmpdir(), 'rehearse-stdin-')), NO_COLOR: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const firstLine = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
        });
        child.on('close', () => reject(new Error(`ended before writing a line: ${stderr}`)));
      });
      const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.stdin.write(`${withId('first', first)}\n`);
      // Standard input is still open: the line can only come from the conversation already sent.
      const line = JSON.parse(await firstLine) as { id: string; conversation: number };
      expect(child.stdin.writableEnded).toBe(false);
      expect(line).toMatchObject({ id: 'first', conversation: 1 });
      child.stdin.end(`${withId(2, first)}\n${second}\n`);
      expect(await ended).toBe(0);
      expect(
        stdout
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { id: unknown }).id),
      ).toEqual(['first', 2, undefined]);
    }
  }, 60_000);

  it('grades each conversation as the file holding them all is graded, in every format', async () => {
    for (const format of ['jsonl', 'json', 'csv']) {
      // The built CLI's standard input for the line formats; json, which the built CLI is run for below with
      // a transcript on its standard input, in this process.
      const run = format === 'json' ? rehearseHere : rehearseAsync;
      const piped = await run(['grade', '-', '--format', format], { input: conversations.join('\n') });
      // The file graded by main in this process: what is under test is reading the same bytes from a pipe.
      const named = await rehearseHere(['grade', fixture('transcripts/interviews.jsonl'), '--format', format]);
      expect(piped.code).toBe(0);
      expect(piped.stdout).toBe(named.stdout.replaceAll(fixture('transcripts/interviews.jsonl'), '<stdin>'));
    }
  }, 60_000);

  it('a bad line fails alone: one line on standard error naming its line and field, an error in its place, exit 1', async () => {
    const input = [
      withId('a', first),
      '{"id": "b", "messages": [{"content": "no role"}]}',
      'not json',
      '',
      '{"id": {"nested": true}, "messages": []}',
      withId('c', first),
    ].join('\n');
    const r = await rehearseAsync(['grade', '-', '--format', 'jsonl'], { input });
    expect(r.code).toBe(1);
    noTrace(r.stderr);
    expect(r.stderr.trim().split('\n')).toEqual([
      'standard input:2 (id "b"): message 1 has no "role" or "speaker"',
      expect.stringMatching(/^standard input:3: line is not valid JSON: /),
      'standard input:5: id: should be a string or a number, not object',
    ]);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => [o.id, o.line, 'error' in o ? 'error' : 'graded'])).toEqual([
      ['a', undefined, 'graded'],
      ['b', 2, 'error'],
      [undefined, 3, 'error'],
      [undefined, 5, 'error'],
      ['c', undefined, 'graded'],
    ]);
    expect(out[1]).toEqual({ id: 'b', file: '<stdin>', conversation: 2, line: 2, error: 'message 1 has no "role" or "speaker"' });
  }, 30_000);

  it('the same bytes on every run and with any number of jobs', async () => {
    const input = Array.from({ length: 12 }, (_, i) => withId(`c${i}`, i % 3 === 2 ? '{"messages": 1}' : first)).join('\n');
    // Two runs of the built CLI at once, and two more by main in this process.
    const args = (jobs: string) => ['grade', '-', '--format', 'jsonl', '--jobs', jobs];
    const runs = [
      ...(await Promise.all(['1', '3'].map((jobs) => rehearseAsync(args(jobs), { input })))),
      await rehearseHere(args('2'), { input }),
      await rehearseHere(args('1'), { input }),
    ];
    expect(runs[0]!.stdout.trim().split('\n')).toHaveLength(12);
    for (const r of runs) expect(r.stdout).toBe(runs[0]!.stdout);
  }, 60_000);

  it('the table, Markdown, HTML and CSV name each conversation by its id, as standard error does', async () => {
    const input = [withId('cand-001', first), withId(7, first), first].join('\n');
    const csvRows = parseCsv((await rehearseHere(['grade', '-', '--format', 'csv'], { input: `${input}\nnot json\n` })).stdout).slice(1);
    const column = (name: (typeof CSV_COLUMNS)[number]) => csvRows.map((r) => r[CSV_COLUMNS.indexOf(name)]);
    expect([...new Set(column('id'))]).toEqual(['cand-001', '7', '']);
    expect(csvRows.at(-1)).toEqual(expect.arrayContaining(['<stdin>', '4', 'failed', expect.stringMatching(/^line is not valid JSON/)]));
    const table = (await rehearseHere(['grade', '-'], { input })).stdout.split('\n');
    expect(table.filter((l) => l.startsWith('<stdin> (id "cand-001")')).length).toBeGreaterThan(0);
    expect(table.filter((l) => l.startsWith('<stdin> (id 7)')).length).toBeGreaterThan(0);
    expect(table.filter((l) => /^<stdin> +\S/.test(l)).length).toBeGreaterThan(0); // no id, none shown
    expect((await rehearseHere(['grade', '-', '--format', 'md'], { input })).stdout).toContain('## &lt;stdin&gt; (id "cand-001") — ');
    expect((await rehearseHere(['grade', '-', '--format', 'html'], { input })).stdout).toContain(
      '<td>&lt;stdin&gt; (id &quot;cand-001&quot;)</td>',
    );
  });

  it('--out - is standard output, not a file named "-"', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rehearse-out-dash-'));
    const r = await rehearseAsync(['grade', '-', '--format', 'jsonl', '--out', '-'], { input: first, cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: '<stdin>', conversation: 1 });
    expect(r.stderr).toBe('');
    expect(existsSync(join(cwd, '-'))).toBe(false);
  }, 30_000);

  it('a transcript that is not JSON Lines is one transcript, graded as its file is', async () => {
    const file = fixture('transcripts/interview-zoom.vtt');
    const piped = await rehearseAsync(['grade', '-', '--format', 'json'], { input: readFileSync(file, 'utf8') });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe((await rehearseHere(['grade', file, '--format', 'json'])).stdout.replaceAll(file, '<stdin>'));
  }, 30_000);

  it('two transcripts run together are not graded as one', async () => {
    const vtt = readFileSync(fixture('transcripts/interview-zoom.vtt'), 'utf8');
    const r = await rehearseAsync(['grade', '-', '--format', 'jsonl'], { input: vtt + vtt });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^standard input:\d+: more than one transcript \(another WEBVTT header\)/);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: '<stdin>', error: expect.stringMatching(/^more than one transcript/) });
  }, 30_000);

  it.each(['1', '2'])(
    'with --jobs %s, a conversation too large for a grading job fails alone, with its id and line',
    async (jobs) => {
      // Some 9 MB: the first conversation's messages again and again, over what a 128 MB job takes (a sixteenth).
      const { messages } = JSON.parse(first) as { messages: unknown[] };
      const many = Array.from({ length: Math.ceil((9 * 2 ** 20) / first.length) }, () => messages).flat();
      const input = [withId('small-1', first), JSON.stringify({ id: 'big', messages: many }), withId('small-2', first)].join('\n');
      const r = await rehearseAsync(['grade', '-', '--format', 'jsonl', '--jobs', jobs], {
        input,
        env: { REHEARSE_GRADE_MEMORY_MB: '128' },
      });
      noTrace(r.stderr);
      expect(r.code).toBe(1);
      const reason = 'too large to grade within the memory of a grading job (128 MB; REHEARSE_GRADE_MEMORY_MB sets it)';
      expect(r.stderr.trim()).toBe(`standard input:2 (id "big"): ${reason}`);
      const out = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out.map((o) => [o.id, o.error])).toEqual([
        ['small-1', undefined],
        ['big', reason],
        ['small-2', undefined],
      ]);
    },
    60_000,
  );

  it('- is given alone', () => {
    const r = rehearse(['grade', '-', fixture('transcripts/interview.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rehearse grade: - \(standard input\) is graded on its own/);
  });
});
