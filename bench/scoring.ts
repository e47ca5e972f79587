// Scorer throughput on realistic answers, the time for one very long answer, and how soon a new process
// has its first rubric ready to score.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/scenario/catalog.js';
import type { ResolvedRubric } from '../src/scenario/rubric.js';
import { score } from '../src/scoring/score.js';
import { cpuSeconds, median, lcg, wordCount, type Figure } from './util.js';

/** Answers of 150–400 words, made by mixing sentences of the shipped answers to the same question. */
function realisticAnswers(count: number): { rubric: ResolvedRubric; text: string }[] {
  const rand = lcg(42);
  const questions = loadCatalog().flatMap((s) => s.scenario.questions.map((q) => ({ q, rubric: s.rubrics[q.id]! })));
  const out: { rubric: ResolvedRubric; text: string }[] = [];
  for (let n = 0; n < count; n++) {
    const { q, rubric } = questions[n % questions.length]!;
    const sentences = [q.example, ...q.exemplars.map((e) => e.text)]
      .join(' ')
      .split(/(?<=[.!?])\s+/)
      .filter(Boolean);
    const target = 150 + Math.floor(rand() * 250);
    let text = '';
    while (wordCount(text) < target) text += `${sentences[Math.floor(rand() * sentences.length)]!} `;
    out.push({ rubric, text: text.trim() });
  }
  return out;
}

export function benchScoring(): Figure[] {
  const answers = realisticAnswers(400);
  const words = answers.map((a) => wordCount(a.text));
  for (const a of answers) score(a.rubric, a.text); // warm up
  // CPU time, not time on the clock: the machine is shared, and what the scorer costs is its own work.
  let scored = 0;
  const started = cpuSeconds();
  while (cpuSeconds() - started < 3) {
    for (const a of answers) score(a.rubric, a.text);
    scored += answers.length;
  }
  const seconds = cpuSeconds() - started;

  const ecommerce = loadCatalog().find((s) => s.scenario.id === 'ecommerce')!;
  const q = ecommerce.scenario.questions[0]!;
  const parts = ecommerce.scenario.questions.flatMap((x) => [x.example, ...x.exemplars.map((e) => e.text)]);
  let long = '';
  for (let i = 0; wordCount(long) < 20000; i++) long += `${parts[i % parts.length]}\n\n`;
  const rubric = ecommerce.rubrics[q.id]!;
  for (let i = 0; i < 3; i++) score(rubric, long);
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    score(rubric, long);
    times.push(performance.now() - t);
  }
  return [
    {
      name: 'scorer throughput (one core)',
      value: Math.round(scored / seconds),
      unit: 'answers per CPU-second',
      target: '>= 12000',
      ok: scored / seconds >= 12000,
      detail: `${answers.length} answers of ${Math.min(...words)}–${Math.max(...words)} words, ${scored} scored in ${seconds.toFixed(1)} CPU-seconds`,
    },
    {
      name: `one ${wordCount(long)}-word answer`,
      value: Number(median(times).toFixed(1)),
      unit: 'ms (median of 21)',
      target: '< 50',
      ok: median(times) < 50,
      detail: `min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    },
  ];
}

/** The first rubric of a new process: compiled with no cache, then read from the cache the first run left. */
export function benchFirstRubric(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-compiled-'));
  const child = join(import.meta.dirname, 'first-rubric.js');
  const run = (cache?: string) => {
    const r = spawnSync(process.execPath, [child, ...(cache ? [cache] : [])], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`first-rubric.js failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as { built: number; builtCpu: number; firstAnswer: number };
  };
  try {
    const cold = run(dir);
    const warm = Array.from({ length: 9 }, () => run(dir));
    const built = median(warm.map((r) => r.built));
    return [
      {
        name: 'first rubric of a process, read from the cache',
        value: Number(built.toFixed(1)),
        unit: 'ms (median of 9 processes)',
        target: '< 20',
        ok: built < 20,
        detail: `CPU ${median(warm.map((r) => r.builtCpu)).toFixed(1)} ms; then its first answer scored in ${median(warm.map((r) => r.firstAnswer)).toFixed(1)} ms`,
      },
      {
        name: 'first rubric of a process, compiled (nothing cached)',
        value: Math.round(cold.built),
        unit: 'ms (one run)',
        detail: `CPU ${Math.round(cold.builtCpu)} ms; then its first answer scored in ${cold.firstAnswer.toFixed(1)} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
