import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC, not esbuild/oxc: Nest's dependency injection needs emitDecoratorMetadata.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  plugins,
  test: {
    environment: 'node',
    projects: [
      {
        plugins,
        test: { name: 'unit', include: ['src/**/*.spec.ts', 'test/unit/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        plugins,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.int.spec.ts'],
          environment: 'node',
          globalSetup: ['test/setup/global-setup.ts'],
          setupFiles: ['test/setup/per-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two workers keep a 2-core machine busy without thrashing.
          maxWorkers: 2,
        },
      },
    ],
  },
});
