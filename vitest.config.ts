import { setFlagsFromString } from 'node:v8';
import { defineConfig } from 'vitest/config';

// The test workers are threads of this process, and their heaps take V8's settings as they are when
// each starts. A young generation four times V8's default: the tests make many short-lived objects
// (answers scored, screens drawn). Measured over a whole run: with the default, 2,100 young-generation
// collections took 18% of this process's CPU time; with this, 550 took 12%.
setFlagsFromString('--max-semi-space-size=64');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The CLI the tests spawn shares one cache folder for the run (see the file).
    globalSetup: ['test/support/shared-cache.ts'],
    // Many tests spawn the built CLI several times; on a loaded two-core machine one such test can
    // take tens of seconds. A test that hangs still fails, a minute later.
    testTimeout: 60_000,
    // Tests that run the built CLI spawn processes; two workers fit the 2-core machines. Worker
    // threads rather than child processes: one process for the runner and both workers costs less
    // memory, and less of the kernel's time, than three.
    pool: 'threads',
    maxWorkers: 2,
    // The test files share each worker's modules rather than loading them again per file: the
    // scorer and its word lists are loaded, and compiled by V8, once a worker instead of once a
    // file (about half the suite's time). Nothing in src/ or test/ keeps state a test relies on
    // being fresh: no module mocks, fake timers or changes to process.env (the shared cache folder
    // is set once, before the workers start), and each test makes its own data folder where it
    // counts what is in one. What src/ keeps for the process's life (files parsed, phrase lists
    // compiled, the locks of sessions the CLI's main opened here) is the same whichever test made it.
    isolate: false,
    // Test and source files as transformed by the last run are kept on disk (in node_modules, so a
    // new install starts afresh) and read again when unchanged: a second run transforms almost
    // nothing (about 2 s of CPU instead of 8, and less to import).
    experimental: { fsModuleCache: true },
  },
});
