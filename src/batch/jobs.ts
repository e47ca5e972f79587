// How many workers grade a batch: the machine's cores by default, as many as asked when asked.
import { availableParallelism } from 'node:os';

/**
 * A worker costs a start-up (the catalog read and the rubrics compiled again, most of a second):
 * with fewer files than this each, one thread grades the batch sooner.
 */
const FILES_PER_WORKER = 200;

export interface Jobs {
  jobs: number;
  /** Said when the user asked for more workers than the machine has cores. */
  note?: string;
}

/**
 * By default, one worker per core, and none that would have fewer than a few hundred files to
 * grade; a number asked for is used as asked (up to one worker a file), with a note when it is
 * more than the cores, which only makes the workers take turns on them.
 */
export function workerCount(asked: number | undefined, files: number, cores: number = availableParallelism()): Jobs {
  if (asked === undefined) return { jobs: Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER))) };
  // A worker with no file to grade would only cost its start-up.
  const jobs = Math.min(asked, Math.max(1, files));
  if (jobs <= cores) return { jobs };
  return {
    jobs,
    note: `--jobs ${asked} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}: the workers take turns, so grading may be slower than with --jobs ${cores}`,
  };
}
