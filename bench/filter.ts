// `grade -` as a stream filter: one process, one process with two workers, and GNU parallel over
// one filter per core; answers a second, answers a CPU-second, peak memory at two stream lengths,
// and what the rates mean for a million transcripts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { interview } from './batch.js';
import { lcg, type Figure } from './util.js';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 2000);
const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');

/** `count` conversations as JSON Lines, each with an id and five questions, as a platform would send them. */
export function conversationLines(count: number): string {
  const rand = lcg(11);
  let out = '';
  for (let n = 0; n < count; n++) {
    const messages = interview(rand).map(([who, content]) => ({ role: who === 'Interviewer' ? 'assistant' : 'user', content }));
    out += `${JSON.stringify({ id: `c${n}`, messages })}\n`;
  }
  return out;
}

interface Run {
  seconds: number;
  /** User and system time of the process and everything it waited for. */
  cpu: number;
  peakMb: number;
  answers: number;
  lines: number;
}

/** Runs a shell pipeline under /usr/bin/time with `input` on its standard input. */
function measure(command: string, input: string): Run {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '@@ %U %S %M', 'sh', '-c', command], {
    input,
    encoding: 'utf8',
    env: { ...process.env, REHEARSE_HOME: `${tmpdir()}/rehearse-bench-home` },
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  // Exit 1 says some questions went ungraded, and GNU parallel exits with the number of filters
  // that said so: still measured (the rates count the answers graded),
  // as long as nothing else was said on standard error and every conversation has its line.
  const said = r.stderr.replace(/^(?:Command exited with non-zero status \d+|@@ .*)\n?/gm, '');
  if (r.status === null || r.status > 100 || said.trim()) throw new Error(`${command} failed:\n${r.stderr.slice(0, 2000)}`);
  const [, user, sys, peak] = /@@ ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr) ?? [];
  const lines = r.stdout.trim().split('\n');
  const answers = lines.reduce((n, l) => n + ((JSON.parse(l) as { answers?: unknown[] }).answers?.length ?? 0), 0);
  return { seconds, cpu: Number(user) + Number(sys), peakMb: Number(peak) / 1024, answers, lines: lines.length };
}

export function benchFilter(): Figure[] {
  if (!existsSync('/usr/bin/time')) return [{ name: 'grade - (needs /usr/bin/time to measure)', value: NaN, unit: '' }];
  const input = conversationLines(COUNT);
  const quarter = conversationLines(COUNT / 4);
  const filter = `node ${CLI} grade - --format jsonl`;
  const cores = availableParallelism();
  const one = measure(filter, input);
  const short = measure(filter, quarter);
  const two = measure(`${filter} --jobs 2`, input);
  // V8 lets a heap grow well past what is live before it collects: with a small cap, what is left is what the stream needs.
  const capped = measure(`node --max-old-space-size=120 ${CLI} grade - --format jsonl`, input);
  for (const r of [one, two]) if (r.lines !== COUNT) throw new Error(`expected ${COUNT} lines, got ${r.lines}`);
  const perCpu = one.answers / one.cpu;
  // A filter's start (loading the scenarios, building each rubric the first time it is met, the
  // JIT warming) is paid once per process; the rate past it is what a long stream runs at.
  const marginal = (one.answers - short.answers) / (one.cpu - short.cpu);
  const startCpu = Math.max(0, short.cpu - short.answers / marginal);
  const figures: Figure[] = [
    {
      name: `grade - --format jsonl, ${COUNT} conversations, one process`,
      value: Math.round(one.answers / one.seconds),
      unit: 'answers/s',
      detail: `${one.seconds.toFixed(1)} s, ${Math.round(COUNT / one.seconds)} conversations/s, ${Math.round(perCpu)} answers per CPU-second, peak ${one.peakMb.toFixed(0)} MB`,
    },
    {
      name: 'one filter past its start (from the two stream lengths)',
      value: Math.round(marginal),
      unit: 'answers per CPU-second',
      detail: `its start costs about ${startCpu.toFixed(1)} CPU-seconds, paid once per process (per block under GNU parallel)`,
    },
    {
      name: 'peak memory of one filter, a stream four times as long',
      value: Math.round(one.peakMb - short.peakMb),
      unit: 'MB more',
      detail: `${COUNT / 4} conversations: ${short.peakMb.toFixed(0)} MB; ${COUNT}: ${one.peakMb.toFixed(0)} MB`,
    },
    {
      name: `peak memory of one filter, ${COUNT} conversations, its heap capped at 120 MB`,
      value: Math.round(capped.peakMb),
      unit: 'MB',
      detail: `${capped.lines} of ${COUNT} conversations written, ${capped.seconds.toFixed(1)} s`,
    },
    {
      name: `grade - --jobs 2, ${COUNT} conversations`,
      value: Math.round(two.answers / two.seconds),
      unit: 'answers/s',
      detail: `${two.seconds.toFixed(1)} s, ${(one.seconds / two.seconds).toFixed(2)}× one job, peak ${two.peakMb.toFixed(0)} MB`,
    },
  ];
  const parallel = spawnSync('sh', ['-c', 'command -v parallel']).status === 0;
  let best = Math.max(one.answers / one.seconds, two.answers / two.seconds);
  if (parallel) {
    // Blocks of whole lines, one per filter, so each process's start is paid once.
    const block = Math.ceil(Buffer.byteLength(input) / cores) + 1;
    const p = measure(`parallel --pipe --keep-order --block ${block} --jobs ${cores} ${filter}`, input);
    if (p.lines !== COUNT) throw new Error(`expected ${COUNT} lines from GNU parallel, got ${p.lines}`);
    best = Math.max(best, p.answers / p.seconds);
    figures.push({
      name: `GNU parallel over ${cores} filters, ${COUNT} conversations`,
      value: Math.round(p.answers / p.seconds),
      unit: 'answers/s',
      detail: `${p.seconds.toFixed(1)} s, ${(one.seconds / p.seconds).toFixed(2)}× one process, ${Math.round(p.answers / p.seconds / cores)} answers/s per core, ${Math.round(p.answers / p.cpu)} per CPU-second`,
    });
  } else figures.push({ name: 'GNU parallel over the filter: not installed (apt-get install parallel)', value: NaN, unit: '' });
  // A million conversations in blocks of 2,500 (10 MB): the rate past the start, and a start per block.
  const answersPerConversation = one.answers / COUNT;
  const cpuHours = ((1e6 * answersPerConversation) / marginal + (1e6 / 2500) * startCpu) / 3600;
  figures.push({
    name: `a million ${answersPerConversation.toFixed(1)}-answer transcripts, in blocks of 2,500`,
    value: Number(cpuHours.toFixed(1)),
    unit: 'CPU-hours',
    detail: `${((1e6 * answersPerConversation) / best / 3600).toFixed(1)} h on this machine's ${cores} cores at the best rate measured above; ${((cpuHours * 60) / 100).toFixed(0)} min on 100 idle cores`,
  });
  return figures;
}
