// Grades many files: a pool of workers (or this thread for one job), results written in input
// order as they complete, a progress line on a terminal. Memory holds the work in flight, not the batch.
import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import type { BatchFormat, Kept } from '../report/output.js';
import type { Failure } from '../report/graded.js';
import { gradeOptions, type GradeSettings } from './options.js';
import { failedFile, processFile, type FileOutcome } from './process.js';

export interface BatchEvents {
  /** Each file's outcome, in the order of `files`. */
  onOutcome(file: string, outcome: FileOutcome): void | Promise<void>;
  onProgress?(done: number, total: number): void;
}

export interface BatchResult {
  transcripts: number;
  answers: number;
  points: number;
  failures: Failure[];
  /** Questions with answers that were graded under nothing. */
  ungraded: number;
  kept: Kept[];
}

interface Runner {
  run(id: number, file: string): Promise<FileOutcome>;
  close(): Promise<void>;
}

function localRunner(settings: GradeSettings, format: BatchFormat, width: number): Runner {
  const opts = gradeOptions(settings);
  return {
    run: async (_id, file) => {
      // Grading is synchronous: a turn of the event loop between files lets a signal (Ctrl+C) be handled.
      await setImmediate();
      return processFile(file, format, opts, width);
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
  const large = (file: string) => {
    try {
      return statSync(file).size > LOCAL_MAX_BYTES;
    } catch {
      return false; // the input policy says what is wrong with it
    }
  };
  return {
    run: (id, file) => (large(file) ? (worker ??= workerRunner(1, settings, format, width, heapMb)) : local).run(id, file),
    close: async () => {
      await Promise.all([local.close(), worker?.close()]);
    },
  };
}

/**
 * The heap each grading worker may use, unless set: together the jobs take at most half the
 * machine's memory, each between 128 MB and 4 GB. Grading takes some seventy times a
 * transcript's size, so a 32 MB transcript wants about 2.5 GB.
 */
export function workerHeapMb(jobs: number, configured?: number): number {
  if (configured) return configured;
  return Math.max(128, Math.min(4096, Math.floor(totalmem() / 2 / jobs / 2 ** 20)));
}

/** Files larger than this are graded in a worker even with one job: how much memory they take is bounded there. */
const LOCAL_MAX_BYTES = 1024 * 1024;

/** About how many bytes of heap grading takes per byte of transcript (measured: some seventy). */
const HEAP_PER_BYTE = 70;

/** The failure line for a transcript the memory of a grading job cannot hold. */
const tooLargeReason = (heapMb: number) =>
  `too large to grade within the memory of a grading job (${heapMb} MB; REHEARSE_GRADE_MEMORY_MB sets it)`;

/**
 * A transcript that would clearly need more than a job's heap fails at once, without a worker: a
 * worker that runs out of memory is usually stopped alone, but V8 can end the whole process instead
 * when the heap fills faster than the worker can be stopped.
 */
function withinMemory(runner: Runner, heapMb: number): Runner {
  return {
    run: (id, file) => {
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        // The input policy says what is wrong with it.
      }
      return size * HEAP_PER_BYTE > heapMb * 2 ** 20 ? Promise.resolve(failedFile(file, tooLargeReason(heapMb))) : runner.run(id, file);
    },
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
 * A pool of `jobs` workers, each grading one file at a time. A worker that dies (out of memory,
 * or any other way) fails only the file it was grading, with the reason, and is replaced.
 */
function workerRunner(jobs: number, settings: GradeSettings, format: BatchFormat, width: number, heapMb: number): Runner {
  const script = join(PACKAGE_ROOT, 'dist', 'batch', 'worker.js');
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, { resolve: (o: FileOutcome) => void; reject: (e: Error) => void; worker: Worker; file: string }>();
  const live = new Set<Worker>();
  let closing = false;
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const start = (): Worker => {
    // A worker's heap is capped, so memory stays bounded however long the batch runs;
    // the cap is far above what grading one ordinary transcript needs.
    const w = new Worker(script, { workerData: { settings, format, width }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
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
        p.resolve(failedFile(p.file, stopReason(why, heapMb)));
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
    run: async (id, file) => {
      const w = await acquire();
      return new Promise<FileOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w, file });
        w.postMessage({ id, file });
      });
    },
    close: async () => {
      closing = true;
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}

export async function runBatch(
  files: readonly string[],
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
  );
  const result: BatchResult = { transcripts: 0, answers: 0, points: 0, failures: [], ungraded: 0, kept: [] };
  // At most this many files are graded ahead of the next one to be written.
  const window = Math.max(2, jobs * 4);
  const inFlight = new Map<number, Promise<FileOutcome>>();
  let next = 0;
  const start = (i: number) => inFlight.set(i, runner.run(i, files[i]!));
  try {
    while (next < files.length && inFlight.size < window) start(next++);
    for (let i = 0; i < files.length; i++) {
      const outcome = await inFlight.get(i)!;
      inFlight.delete(i);
      if (next < files.length) start(next++);
      result.transcripts += outcome.transcripts;
      result.answers += outcome.answers;
      result.points += outcome.points;
      result.ungraded += outcome.ungraded;
      result.failures.push(...outcome.failures);
      result.kept.push(...outcome.kept);
      await events.onOutcome(files[i]!, outcome);
      events.onProgress?.(i + 1, files.length);
    }
  } finally {
    await runner.close();
  }
  return result;
}
