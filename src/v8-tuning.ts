// How V8 runs the CLI: how much it optimises, and how far its heap grows between collections.
//
// Most runs are short: a `score`, a `grade` of a few transcripts, an interview that waits on the
// candidate. In those, V8's optimising compiler (TurboFan) costs more CPU than it saves: measured
// on `grade` of one transcript, 0.64 CPU-seconds with it off against 0.78 with it on, and 1.50
// against 1.78 with two jobs. A run that keeps the CPU busy (a batch of hundreds) gains from it,
// so it is turned on once the process has used BUSY_CPU_MS of CPU. V8's flags belong to the
// process: the grading workers follow the main thread's choice. (Node documents changing V8's
// flags after start as unsupported; these are read when V8 decides whether to optimise a
// function, or how far to let the heap grow after a collection, and a test checks that the first
// two still work.)
import { setFlagsFromString } from 'node:v8';

/** CPU the process may use before its hot code is worth optimising. */
const BUSY_CPU_MS = 2_000;
const CHECK_MS = 250;

/**
 * Commands that can work for long without yielding to the event loop (fitting a model, checking
 * every exemplar of many scenarios): the check below runs between tasks, so they keep the optimising
 * compiler on from the start.
 */
const WORK_WITHOUT_YIELDING = new Set(['calibrate', 'validate']);

/** V8 set for the command the CLI runs (its first argument): its heap kept near what is alive; lean at the start, optimised once busy. */
export function tuneV8ForRun(args: readonly string[]): void {
  keepHeapNearLive();
  if (!WORK_WITHOUT_YIELDING.has(args[0] ?? '')) optimiseWhenBusy();
}

/**
 * How far the heap may grow past what survived the last full collection before the next one, in
 * percent: a growing factor of 2, where V8's own goes up to 4 when collecting is quick. Grading keeps
 * little alive from one transcript to the next (a worker's old generation holds some 15 MB after a
 * full collection), but V8's factor let it reach 50 MB of garbage before collecting: a batch of
 * 4,000 transcripts with two jobs peaked at 315–327 MB, and at 255–272 MB with this, in the same
 * time (`npm run bench -- batch` measures 10,000). Every command gets it, `calibrate` and `validate` too.
 */
const HEAP_GROWING_PERCENT = 100;

export function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Starts the run with the optimising compiler off, and turns it on when the run turns out to be busy. */
export function optimiseWhenBusy(busyMs = BUSY_CPU_MS): void {
  setFlagsFromString('--no-turbofan');
  const check = setInterval(() => {
    const used = process.cpuUsage();
    if ((used.user + used.system) / 1000 < busyMs) return;
    setFlagsFromString('--turbofan');
    clearInterval(check);
  }, CHECK_MS);
  // The check never keeps a finished run alive.
  check.unref();
}
