import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    // Tests that run the built CLI spawn processes; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
