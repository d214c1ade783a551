import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts one real cluster for the run (building the binaries first if the cache is empty).
    globalSetup: ['test/global-setup.ts'],
    // Real processes: generous waits, but never retries.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    retry: 0,
    // The control plane already keeps 2 cores busy; parallel test files would only compete with it.
    fileParallelism: false,
  },
});
