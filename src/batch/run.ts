// Grades many files, or conversations as they arrive: a pool of workers (or this thread for one
// job), results written in input order as they complete, a progress line on a terminal. Memory
// holds the work in flight, not the batch.
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import { OUTPUT_FORMATS } from '../report/formats.js';
import type { BatchFormat, Kept } from '../report/output.js';
import type { Failure } from '../report/graded.js';
import { gradeOptions, type GradeSettings } from './options.js';
import type { FileOutcome } from './process.js';
import { failedTask, processTask, taskBytes, type Task } from './task.js';

export interface BatchEvents {
  /** Each task's outcome, in the order of the tasks. */
  onOutcome(task: Task, outcome: FileOutcome): void | Promise<void>;
  /** After each outcome: how many are done, of how many when that is known. */
  onProgress?(done: number, total: number | undefined): void;
}

export interface BatchResult {
  transcripts: number;
  answers: number;
  points: number;
  /** How many files or conversations failed. */
  failed: number;
  /** Each failure, for a format that lists them at the end (one that writes them in place keeps none). */
  failures: Failure[];
  /** Questions with answers that were graded under nothing. */
  ungraded: number;
  kept: Kept[];
}

interface Runner {
  run(id: number, task: Task): Promise<FileOutcome>;
  close(): Promise<void>;
}

function localRunner(settings: GradeSettings, format: BatchFormat, width: number): Runner {
  const opts = gradeOptions(settings);
  return {
    run: async (_id, task) => {
      // Grading is synchronous: a turn of the event loop between files lets a signal (Ctrl+C) be
      // handled, and standard input be read.
      await setImmediate();
      return processTask(task, format, opts, width);
    },
    close: async () => {},
  };
}

/**
 * One job: files graded in this thread, but a large one in a worker of its own, so a transcript
 * too large for the memory fails alone instead of ending the run with everything graded so far.
 */
function oneJobRunner(settings: GradeSettings, format: BatchFormat, width: number, heapMb: number): Runner {
  const local = localRunner(settings, format, width);
  let worker: Runner | undefined;
  return {
    run: (id, task) =>
      (taskBytes(task) > LOCAL_MAX_BYTES ? (worker ??= workerRunner(1, settings, format, width, heapMb)) : local).run(id, task),
    close: async () => {
      await Promise.all([local.close(), worker?.close()]);
    },
  };
}

/**
 * The heap each grading worker may use, unless set: together the jobs take at most half the
 * machine's memory, each between 128 MB and 4 GB. A job grades a transcript up to a sixteenth of
 * its heap (HEAP_PER_BYTE): 8 MB in the smallest, 32 MB in one of 512 MB.
 */
export function workerHeapMb(jobs: number, configured?: number): number {
  if (configured) return configured;
  return Math.max(128, Math.min(4096, Math.floor(totalmem() / 2 / jobs / 2 ** 20)));
}

/** Files larger than this are graded in a worker even with one job: how much memory they take is bounded there. */
const LOCAL_MAX_BYTES = 1024 * 1024;

/**
 * How many bytes of heap to allow for each byte of transcript. Measured in every output format: a
 * 30 MB transcript of plain text graded within a 300 MB heap and not within 200 MB; 7.5 MB ones
 * (plain text with accented letters, so held two bytes a character; a chat export's JSON) within
 * 112 MB, under the 128 MB of the smallest job. The report is encoded as it is made, outside the heap.
 */
const HEAP_PER_BYTE = 16;

/** The failure line for a transcript the memory of a grading job cannot hold. */
const tooLargeReason = (heapMb: number) =>
  `too large to grade within the memory of a grading job (${heapMb} MB; REHEARSE_GRADE_MEMORY_MB sets it)`;

/**
 * A transcript that would clearly need more than a job's heap fails at once, without a worker: a
 * worker that runs out of memory is usually stopped alone, but V8 can end the whole process instead
 * when the heap fills faster than the worker can be stopped.
 */
function withinMemory(runner: Runner, heapMb: number, format: BatchFormat): Runner {
  return {
    run: (id, task) =>
      taskBytes(task) * HEAP_PER_BYTE > heapMb * 2 ** 20
        ? Promise.resolve(failedTask(task, tooLargeReason(heapMb), format))
        : runner.run(id, task),
    close: () => runner.close(),
  };
}

/** Why a worker stopped while grading a file, in words for the failure line. */
function stopReason(e: Error | number, heapMb: number): string {
  if (typeof e === 'number') return `the grading worker stopped unexpectedly (exit code ${e})`;
  if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return tooLargeReason(heapMb);
  }
  return `the grading worker failed: ${e.message}`;
}

/**
 * The most a worker's young generation may take, in MB. Against V8's default, a batch of 10,000
 * transcripts with two workers peaked 20–30 MB lower at 16, at the same speed (`npm run bench --
 * batch`); at 4 it was a quarter slower.
 */
const YOUNG_MB = 16;

/**
 * A pool of `jobs` workers, each grading one file at a time. A worker that dies (out of memory,
 * or any other way) fails only the file it was grading, with the reason, and is replaced.
 */
function workerRunner(jobs: number, settings: GradeSettings, format: BatchFormat, width: number, heapMb: number): Runner {
  const script = join(PACKAGE_ROOT, 'dist', 'batch', 'worker.js');
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, { resolve: (o: FileOutcome) => void; reject: (e: Error) => void; worker: Worker; task: Task }>();
  const live = new Set<Worker>();
  let closing = false;
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const start = (): Worker => {
    // A worker's heap is capped, so memory stays bounded however long the batch runs;
    // the cap is far above what grading one ordinary transcript needs. Its young generation is
    // kept small (YOUNG_MB): grading keeps little alive from one transcript to the next.
    const w = new Worker(script, {
      workerData: { settings, format, width },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    live.add(w);
    w.on('message', (m: { id: number; outcome?: FileOutcome; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      release(w);
      if (m.outcome) p.resolve(m.outcome);
      else p.reject(new Error(m.error ?? 'worker failed'));
    });
    const stopped = (why: Error | number) => {
      if (!live.delete(w) || closing) return;
      const at = idle.indexOf(w);
      if (at >= 0) idle.splice(at, 1);
      for (const [id, p] of pending) {
        if (p.worker !== w) continue;
        pending.delete(id);
        p.resolve(failedTask(p.task, stopReason(why, heapMb), format));
      }
      // Replaced when there is work for it; otherwise the next file starts one (see acquire).
      if (waiting.length) release(start());
    };
    w.on('error', stopped);
    w.on('exit', stopped);
    return w;
  };
  for (let i = 0; i < jobs; i++) idle.push(start());
  const acquire = () =>
    new Promise<Worker>((resolve) => {
      if (idle.length) resolve(idle.pop()!);
      else if (live.size < jobs) resolve(start());
      else waiting.push(resolve);
    });
  return {
    run: async (id, task) => {
      const w = await acquire();
      return new Promise<FileOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w, task });
        w.postMessage({ id, task });
      });
    },
    close: async () => {
      closing = true;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}

/**
 * Grades the tasks, taken from `tasks` only as there is room for them: at most a few per job are
 * in flight, so memory holds the work under way whatever the length of the input, and a stream is
 * read no faster than it is graded. Outcomes are handed on in the tasks' order as soon as each is
 * ready; `total`, when known, is for the progress line.
 */
export async function runBatch(
  tasks: Iterable<Task> | AsyncIterable<Task>,
  total: number | undefined,
  settings: GradeSettings,
  format: BatchFormat,
  jobs: number,
  events: BatchEvents,
  width = 100,
  memoryMb?: number,
): Promise<BatchResult> {
  const heapMb = workerHeapMb(jobs, memoryMb);
  const runner = withinMemory(
    jobs > 1 ? workerRunner(jobs, settings, format, width, heapMb) : oneJobRunner(settings, format, width, heapMb),
    heapMb,
    format,
  );
  const result: BatchResult = { transcripts: 0, answers: 0, points: 0, failed: 0, failures: [], ungraded: 0, kept: [] };
  const listsFailures = !OUTPUT_FORMATS[format].failure;
  // At most this many tasks are graded ahead of the next one to be written.
  const window = Math.max(2, jobs * 4);
  const inFlight: { task: Task; outcome: Promise<FileOutcome> }[] = [];
  // Taking a task and writing an outcome each wait for the other to change what is in flight.
  const waiting: (() => void)[] = [];
  const change = () => new Promise<void>((resolve) => waiting.push(resolve));
  const changed = () => waiting.splice(0).forEach((resolve) => resolve());
  let fed = false;
  let feedError: unknown;
  // Taking tasks and writing outcomes run side by side: a task that arrives while the one before
  // is being graded starts at once, and an outcome is written without waiting for more input.
  const feed = (async () => {
    let id = 0;
    try {
      for await (const task of tasks) {
        while (inFlight.length >= window) await change();
        inFlight.push({ task, outcome: runner.run(id++, task) });
        changed();
      }
    } catch (e) {
      feedError = e;
    } finally {
      fed = true;
      changed();
    }
  })();
  let done = 0;
  try {
    for (;;) {
      while (!inFlight.length && !fed) await change();
      const next = inFlight[0];
      if (!next) break;
      const outcome = await next.outcome;
      inFlight.shift();
      changed();
      result.transcripts += outcome.transcripts;
      result.answers += outcome.answers;
      result.points += outcome.points;
      result.ungraded += outcome.ungraded;
      result.failed += outcome.failures.length;
      if (listsFailures) result.failures.push(...outcome.failures);
      result.kept.push(...outcome.kept);
      await events.onOutcome(next.task, outcome);
      events.onProgress?.(++done, total);
    }
    if (feedError) throw feedError;
  } finally {
    await runner.close();
  }
  await feed;
  return result;
}
