// How much V8 optimises a run of the CLI. Most runs are short: a `score`, a `grade` of a few
// transcripts, an interview that waits on the candidate. In those, V8's optimising compiler
// (TurboFan) costs more CPU than it saves: measured on `grade` of one transcript, 0.64 CPU-seconds
// with it off against 0.78 with it on, and 1.50 against 1.78 with two jobs. A run that keeps the CPU
// busy (a batch of hundreds) gains from it, so it is turned on once the process has used BUSY_CPU_MS
// of CPU. V8's flags belong to the process: the grading workers follow the main thread's choice.
// (Node documents changing V8's flags after start as unsupported; these two are read when V8
// decides whether to optimise a function, and a test checks that they still work.)
import { setFlagsFromString } from 'node:v8';

/** CPU the process may use before its hot code is worth optimising. */
const BUSY_CPU_MS = 2_000;
const CHECK_MS = 250;

/**
 * Commands that can work for long without yielding to the event loop (fitting a model, checking
 * every exemplar of many scenarios): the check below runs between tasks, so they keep V8's defaults.
 */
const WORK_WITHOUT_YIELDING = new Set(['calibrate', 'validate']);

/** For the command the CLI runs (its first argument): lean at the start, optimised once busy. */
export function optimiseRunWhenBusy(args: readonly string[]): void {
  if (!WORK_WITHOUT_YIELDING.has(args[0] ?? '')) optimiseWhenBusy();
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
