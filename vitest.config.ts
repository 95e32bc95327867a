import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that take minutes (a build and an install; adds killed with SIGKILL): .ci/run runs
 * them with the rest (`npm run test:all`, vitest.all.config.ts); `npm test` leaves them out.
 */
export const SLOW = ['test/pack/**', 'test/store/crash-test.test.ts'];

export const test = {
  include: ['test/**/*.test.ts'],
  // Tests that start the CLI as a process run dist/: rebuilt first when it is older than src/.
  globalSetup: ['test/support/build.ts'],
  testTimeout: 60_000,
  // Test files share one module registry per worker instead of importing src/ (zod schemas,
  // rules, kits) again for each file: that was most of the suite's processor time. No test
  // changes the working directory, the environment or a module (no vi.mock).
  isolate: false,
};

export default defineConfig({ test: { ...test, exclude: [...configDefaults.exclude, ...SLOW] } });
