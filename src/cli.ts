#!/usr/bin/env node
// rehearse's entry point: the process's own streams and exit code around main. No logic lives here.
import { fileErrorReason } from './files.js';
import { nodeIO } from './io.js';
import { tuneV8ForRun } from './v8-tuning.js';
import { main, opensScreen } from './main.js';

// A reader that stops early (`rehearse grade … | head`) is not an error; a full disk or a closed
// output is one line and exit 1, never a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`rehearse: cannot write to standard output: ${fileErrorReason(e)}\n`);
  process.exit(1);
});

tuneV8ForRun(process.argv.slice(2));

const io = nodeIO();
// From the first moment: keys typed while the interview screen loads are neither echoed nor kept.
if (io.stdoutIsTTY && opensScreen(process.argv.slice(2))) io.holdKeys();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(String(e));
    process.exitCode = 1;
  },
);
