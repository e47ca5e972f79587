// A grading worker: takes tasks (a file, or text from standard input), sends back each one's outcome.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchFormat } from '../report/output.js';
import { gradeOptions, type GradeSettings } from './options.js';
import { processTask, type Task } from './task.js';

const data = workerData as { settings: GradeSettings; format: BatchFormat; width: number };
const opts = gradeOptions(data.settings);

parentPort!.on('message', (task: { id: number; task: Task }) => {
  try {
    const outcome = processTask(task.task, data.format, opts, data.width);
    // The rendered bytes are moved to the main thread, not copied: a long report is in memory once.
    parentPort!.postMessage({ id: task.id, outcome }, [
      ...new Set(outcome.items.flatMap((item) => item.map((chunk) => chunk.buffer as ArrayBuffer))),
    ]);
  } catch (e) {
    parentPort!.postMessage({ id: task.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
