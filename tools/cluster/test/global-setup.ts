// Vitest globalSetup: one cluster for the whole run; test files reuse it via WHEELHOUSE_TEST_CLUSTER.
import { performance } from 'node:perf_hooks';
import { startTestCluster, stopTestCluster } from '../src/index.ts';

export async function setup(): Promise<void> {
  const began = performance.now();
  const cluster = await startTestCluster();
  const total = ((performance.now() - began) / 1000).toFixed(1);
  process.stderr.write(
    `[cluster] test cluster "${cluster.name}" at ${cluster.server}: control plane ready in ` +
      `${cluster.startupSeconds}s (setup incl. binary check ${total}s)\n`,
  );
}

export async function teardown(): Promise<void> {
  await stopTestCluster();
}
