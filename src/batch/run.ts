// Grades many files: a pool of workers (or this thread for one job), results written in input
// order as they complete, a progress line on a terminal. Memory holds the work in flight, not the batch.
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import type { BatchFormat, Compact } from '../report/output.js';
import type { Failure } from '../report/graded.js';
import { gradeOptions, type GradeSettings } from './options.js';
import { processFile, type FileOutcome } from './process.js';

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
  compact: Compact[];
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

/** The old-generation heap each grading worker may use. */
const WORKER_HEAP_MB = 96;

function workerRunner(jobs: number, settings: GradeSettings, format: BatchFormat, width: number): Runner {
  const script = join(PACKAGE_ROOT, 'dist', 'batch', 'worker.js');
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, { resolve: (o: FileOutcome) => void; reject: (e: Error) => void; worker: Worker }>();
  const workers = Array.from({ length: jobs }, () => {
    // A worker's heap is capped, so memory stays bounded however long the batch runs;
    // the cap is far above what grading one transcript needs.
    const w = new Worker(script, { workerData: { settings, format, width }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.on('message', (m: { id: number; outcome?: FileOutcome; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      release(w);
      if (m.outcome) p.resolve(m.outcome);
      else p.reject(new Error(m.error ?? 'worker failed'));
    });
    w.on('error', (e) => {
      for (const [id, p] of pending) {
        if (p.worker === w) {
          pending.delete(id);
          p.reject(e);
        }
      }
    });
    return w;
  });
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  idle.push(...workers);
  const acquire = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  return {
    run: async (id, file) => {
      const w = await acquire();
      return new Promise<FileOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: w });
        w.postMessage({ id, file });
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
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
): Promise<BatchResult> {
  const runner = jobs > 1 ? workerRunner(jobs, settings, format, width) : localRunner(settings, format, width);
  const result: BatchResult = { transcripts: 0, answers: 0, points: 0, failures: [], ungraded: 0, compact: [] };
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
      result.compact.push(...outcome.compact);
      await events.onOutcome(files[i]!, outcome);
      events.onProgress?.(i + 1, files.length);
    }
  } finally {
    await runner.close();
  }
  return result;
}
