// A grading worker: takes file paths, sends back each file's outcome.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchFormat } from '../report/output.js';
import { gradeOptions, type GradeSettings } from './options.js';
import { processFile } from './process.js';

const data = workerData as { settings: GradeSettings; format: BatchFormat; width: number };
const opts = gradeOptions(data.settings);

parentPort!.on('message', (task: { id: number; file: string }) => {
  try {
    parentPort!.postMessage({ id: task.id, outcome: processFile(task.file, data.format, opts, data.width) });
  } catch (e) {
    parentPort!.postMessage({ id: task.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
