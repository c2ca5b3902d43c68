import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DuckDB files, child processes and PDF rendering: give slow CI machines room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores in CI: more workers only fight over them.
    maxWorkers: 2,
  },
});
