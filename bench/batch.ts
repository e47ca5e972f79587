// Batch grading of 10,000 generated transcripts of five answers each: throughput, peak memory,
// one job against two, and the ratio to a baseline that only reads and parses the same files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { loadCatalog } from '../src/scenario/catalog.js';
import type { Question } from '../src/scenario/schema.js';
import { lcg, type Figure } from './util.js';

const COUNT = Number(process.env.BENCH_TRANSCRIPTS ?? 10_000);
const FORMAT = process.env.BENCH_FORMAT ?? 'json';

/** One interview's turns: a greeting, then five questions of the shipped scenarios, answers mixed from their examples. */
let shipped: Question[] | undefined;
export function interview(rand: () => number): [string, string][] {
  const questions = (shipped ??= loadCatalog().flatMap((s) => s.scenario.questions));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const turns: [string, string][] = [
    ['Interviewer', 'Hi, thanks for joining.'],
    ['Candidate', 'Happy to be here.'],
  ];
  for (let q = 0; q < 5; q++) {
    const question = pick(questions);
    const pool = [question.example, ...question.exemplars.map((e) => e.text)].join(' ').split(/(?<=[.!?])\s+/);
    const answer = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => pick(pool))
      .join(' ')
      .replace(/\s+/g, ' ');
    turns.push(['Interviewer', question.prompt.replace(/\s+/g, ' ')], ['Candidate', answer]);
  }
  return turns;
}

/** Transcripts in the formats people have, five questions each, answers mixed from the shipped ones. */
export function generate(dir: string): void {
  const rand = lcg(7);
  for (let n = 0; n < COUNT; n++) {
    const turns = interview(rand);
    const sub = join(dir, String(n % 100));
    if (n < 100) mkdirSync(sub, { recursive: true });
    const kind = n % 4;
    let text: string;
    if (kind === 0) text = turns.map(([s, t]) => `${s}: ${t}`).join('\n') + '\n';
    else if (kind === 1)
      text = `WEBVTT\n\n${turns.map(([s, t], i) => `${i + 1}\n00:${String(i).padStart(2, '0')}:00.000 --> 00:${String(i).padStart(2, '0')}:05.000\n<v ${s}>${t}</v>\n`).join('\n')}`;
    else if (kind === 2)
      text = turns
        .map(([s, t], i) => `${i + 1}\n00:00:${String(i).padStart(2, '0')},000 --> 00:00:${String(i).padStart(2, '0')},900\n${s}: ${t}\n`)
        .join('\n');
    else text = JSON.stringify(turns.map(([s, t]) => ({ role: s === 'Interviewer' ? 'assistant' : 'user', content: t })));
    writeFileSync(join(sub, `t${n}.${['txt', 'vtt', 'srt', 'json'][kind]}`), text);
  }
}

/** Runs a command under /usr/bin/time for its wall time and peak resident memory. */
function measure(args: string[]): { seconds: number; peakMb: number; status: number | null; stderr: string } {
  const time = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = spawnSync(time ? '/usr/bin/time' : process.execPath, time ? ['-f', '@@peak %M', process.execPath, ...args] : args, {
    encoding: 'utf8',
    // A data folder of its own, whose parse cache the first run fills, as a user's would be.
    env: { ...process.env, REHEARSE_HOME: `${tmpdir()}/rehearse-bench-home` },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /@@peak (\d+)/.exec(r.stderr ?? '');
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, status: r.status, stderr: (r.stderr ?? '').replace(/@@peak \d+\n?/, '') };
}

/** Runs two commands side by side; the wall time until both have ended. */
async function together(a: string[], b: string[]): Promise<{ seconds: number; statuses: (number | null)[]; stderr: string }> {
  const started = performance.now();
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, REHEARSE_HOME: `${tmpdir()}/rehearse-bench-home` },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', (e) => resolve({ status: null, stderr: e.message }));
      child.on('close', (status) => resolve({ status, stderr }));
    });
  const runs = await Promise.all([run(a), run(b)]);
  return { seconds: (performance.now() - started) / 1000, statuses: runs.map((r) => r.status), stderr: runs.map((r) => r.stderr).join('') };
}

export async function benchBatch(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-batch-'));
  try {
    generate(dir);
    const cli = join(PACKAGE_ROOT, 'dist', 'cli.js');
    const out = `${dir}-grades.json`;
    const baseline = measure([join(PACKAGE_ROOT, 'build', 'bench', 'bench', 'parse-only.js'), dir]);
    const one = measure([cli, 'grade', dir, '--format', FORMAT, '--out', out, '--jobs', '1']);
    const two = measure([cli, 'grade', dir, '--format', FORMAT, '--out', out, '--jobs', '2']);
    // What two cores give this work with nothing shared but the machine and the parse cache: two separate
    // processes, one job each, on half the generated folders each. --jobs 2 can do no better than this.
    const made = Math.min(100, COUNT);
    const half = Math.ceil(made / 2);
    const folders = (from: number) => Array.from({ length: Math.min(half, made - from) }, (_, i) => join(dir, String(from + i)));
    const halves = await together(
      [cli, 'grade', ...folders(0), '--format', FORMAT, '--out', `${out}.a`, '--jobs', '1'],
      [cli, 'grade', ...folders(half), '--format', FORMAT, '--out', `${out}.b`, '--jobs', '1'],
    );
    for (const r of [baseline, one, two]) if (r.status !== 0) throw new Error(`a batch run failed:\n${r.stderr.slice(0, 2000)}`);
    if (halves.statuses.some((s) => s !== 0)) throw new Error(`a batch run failed:\n${halves.stderr.slice(0, 2000)}`);
    const ratio = one.seconds / baseline.seconds;
    const speedup = one.seconds / two.seconds;
    const ceiling = one.seconds / halves.seconds;
    return [
      {
        name: `grade ${COUNT} transcripts, --jobs 1`,
        value: Math.round(COUNT / one.seconds),
        unit: 'transcripts/s',
        detail: `${one.seconds.toFixed(1)} s, peak ${one.peakMb.toFixed(0)} MB`,
      },
      {
        name: `grade ${COUNT} transcripts, --jobs 2`,
        value: Math.round(COUNT / two.seconds),
        unit: 'transcripts/s',
        detail: `${two.seconds.toFixed(1)} s, peak ${two.peakMb.toFixed(0)} MB`,
      },
      {
        name: '--jobs 2 against --jobs 1',
        value: Number(speedup.toFixed(2)),
        unit: '× faster',
        target: '>= 1.6',
        ok: speedup >= 1.6,
        detail: `two separate processes side by side, one job each on half the files: ${ceiling.toFixed(2)}× (${halves.seconds.toFixed(1)} s), what this machine's two cores give this work, sharing only the machine and the parse cache`,
      },
      {
        name: 'peak memory (the larger of the two runs)',
        value: Math.round(Math.max(one.peakMb, two.peakMb)),
        unit: 'MB',
        target: '< 300',
        ok: Math.max(one.peakMb, two.peakMb) < 300,
      },
      {
        name: 'grading time ÷ read-and-parse time (one job each)',
        value: Number(ratio.toFixed(2)),
        unit: '',
        target: '< 3',
        ok: ratio < 3,
        detail: `baseline ${baseline.seconds.toFixed(1)} s to read and parse the same files, peak ${baseline.peakMb.toFixed(0)} MB`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const f of ['', '.a', '.b']) rmSync(`${dir}-grades.json${f}`, { force: true });
  }
}

/** The size of the large transcript, in MB: 30 unless BENCH_LARGE_MB says (up to 31, below the 32 MB a transcript may be). */
const LARGE_MB = Number(process.env.BENCH_LARGE_MB ?? 30);

/**
 * One transcript of LARGE_MB: generated interviews one after another in one text file, every answer
 * graded. Its peak memory against the issue's bound, and the time it takes.
 */
export function benchLargeTranscript(): Figure[] {
  if (!(LARGE_MB > 0 && LARGE_MB <= 31))
    throw new Error(`BENCH_LARGE_MB must be a number of MB from 1 to 31, not "${process.env.BENCH_LARGE_MB}"`);
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-large-'));
  try {
    const rand = lcg(11);
    const parts: string[] = [];
    let bytes = 0;
    while (bytes < LARGE_MB * 2 ** 20) {
      const text = `${interview(rand)
        .map(([who, said]) => `${who}: ${said}`)
        .join('\n')}\n`;
      parts.push(text);
      bytes += Buffer.byteLength(text);
    }
    const file = join(dir, 'large.txt');
    writeFileSync(file, parts.join(''));
    const run = measure([join(PACKAGE_ROOT, 'dist', 'cli.js'), 'grade', file, '--format', 'json', '--out', join(dir, 'grades.json')]);
    if (run.status !== 0) throw new Error(`grading the large transcript failed:\n${run.stderr.slice(0, 2000)}`);
    const mb = bytes / 2 ** 20;
    return [
      {
        name: `grade one ${mb.toFixed(0)} MB transcript (${parts.length} interviews of five questions, one after another)`,
        value: Math.round(run.peakMb),
        unit: 'MB peak',
        target: '< 600',
        ok: run.peakMb < 600,
        detail: `${run.seconds.toFixed(1)} s, ${(run.peakMb / mb).toFixed(0)} MB of memory per MB of transcript`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
