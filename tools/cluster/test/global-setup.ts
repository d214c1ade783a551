// Vitest globalSetup: one cluster for the whole run; test files reuse it via WHEELHOUSE_TEST_CLUSTER.
import { performance } from 'node:perf_hooks';
import { startTestCluster, stopTestCluster } from '../src/index.ts';

/** Acceptance budget for starting the cluster once the binaries are cached; reported, not asserted. */
const WARM_START_BUDGET_SECONDS = 30;

export async function setup(): Promise<void> {
  const began = performance.now();
  const cluster = await startTestCluster(); // builds the binaries first when the cache is empty
  const setupSeconds = ((performance.now() - began) / 1000).toFixed(1);
  const seconds = cluster.startupSeconds ?? 0;
  const verdict = seconds <= WARM_START_BUDGET_SECONDS ? 'within' : 'OVER';
  process.stderr.write(
    `[cluster] test cluster "${cluster.name}" at ${cluster.server}: started in ${seconds}s ` +
      `(${verdict} the ${WARM_START_BUDGET_SECONDS}s budget; setup incl. binary check ${setupSeconds}s)\n`,
  );
}

export async function teardown(): Promise<void> {
  await stopTestCluster();
}
