import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Many tests spawn the built CLI several times; on a loaded two-core machine one such test can
    // take tens of seconds. A test that hangs still fails, a minute later.
    testTimeout: 60_000,
    // Tests that run the built CLI spawn processes; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
