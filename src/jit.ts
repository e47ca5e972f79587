// How much V8 optimises a run of the CLI. Most runs are short: a `score`, a `grade` of a few
// transcripts, an interview that waits on the candidate. In those, V8's optimising compiler
// (TurboFan) costs more CPU than it saves; measured on `grade` of one to two hundred transcripts,
// its compile threads cost a fifth to a third of the run. A run that keeps the CPU busy (a batch of
// hundreds) gains from it, so it is turned on once the process has used BUSY_CPU_MS of CPU.
// V8's flags belong to the process: the grading workers follow the main thread's choice.
import { setFlagsFromString } from 'node:v8';

/** CPU the process may use before its hot code is worth optimising. */
export const BUSY_CPU_MS = 2_000;
const CHECK_MS = 100;

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
