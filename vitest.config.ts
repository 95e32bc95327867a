import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that start the CLI as a process run dist/: rebuilt first when it is older than src/.
    globalSetup: ['test/support/build.ts'],
    testTimeout: 60_000,
  },
});
