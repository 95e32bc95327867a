import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that take minutes (a build and an install; adds killed with SIGKILL): .ci/run runs
 * them with the rest (`npm run test:all`, vitest.all.config.ts); `npm test` leaves them out.
 */
export const SLOW = ['test/pack/**', 'test/store/crash-test.test.ts'];

/**
 * Test files that replace a module with vi.mock (a full disk, a throwing reader, counted
 * work): they need a module registry of their own, so they run isolated. Every other file
 * shares one registry per worker.
 */
export const MOCKING = [
  'test/fuzz/hostile.test.ts',
  'test/hostile/b02-full-disk.test.ts',
  'test/hostile/b05-linear-work.test.ts',
  'test/hostile/report-failed.test.ts',
  // imports another test file's suites: in a shared registry they would register only once
  'test/fuzz/reconcile.test.ts',
];

const common = {
  // Tests that start the CLI as a process run dist/: rebuilt first when it is older than src/.
  globalSetup: ['test/support/build.ts'],
  // FCSEED replays a property's seed (test/support/fc-seed.ts)
  setupFiles: ['test/support/fc-seed.ts'],
  testTimeout: 60_000,
};

/** The two projects, with `slow` left out of both (or not). */
export const projects = (slow: readonly string[]) => [
  {
    test: {
      ...common,
      name: 'shared',
      include: ['test/**/*.test.ts'],
      exclude: [...configDefaults.exclude, ...slow, ...MOCKING],
      // Test files share one module registry per worker instead of importing src/ (zod
      // schemas, rules, kits) again for each file: that was most of the suite's processor
      // time. No file here changes the working directory, the environment or a module.
      isolate: false,
    },
  },
  {
    test: { ...common, name: 'isolated', include: MOCKING, exclude: [...configDefaults.exclude, ...slow], isolate: true },
  },
];

export default defineConfig({ test: { projects: projects(SLOW) } });
