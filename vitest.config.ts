import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The CLI tests run `argonaut` as child processes, and `argonaut demo` books a whole year (a PGlite
    // initdb included): on a busy 2-core machine one such test takes minutes. Timeouts only catch hangs.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: two test files at a time; each starts its own databases from the template.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
