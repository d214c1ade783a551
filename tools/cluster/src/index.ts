// Library API for tests: one real cluster per test run, shared by all test files, one namespace per test file.
//
//   // vitest globalSetup (runs once, in the main process):
//   export async function setup() { await startTestCluster(); }      // sets WHEELHOUSE_TEST_CLUSTER for workers
//   export async function teardown() { await stopTestCluster(); }
//   // a test file (runs in a worker): reuses the running cluster, gets its own namespace
//   const cluster = await startTestCluster();
//   const ns = await createTestNamespace(cluster, 'pods');
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { down, listClusters, restartApiserver as restart, up } from './control-plane.ts';
import { kubeConfigFromYaml } from './kubeconfig.ts';
import { ensureBinaries } from './paths.ts';
import { waitDefaultServiceAccount, waitFor } from './readiness.ts';
import type { ClusterState } from './state.ts';

export { EXEC_CONTAINER, podLogLines } from './kwok-config.ts';
export { auditClusterSockets, isLoopbackIp, nonLoopbackIpv4, type SocketEntry } from './network-audit.ts';
export { down as stopCluster, listClusters, up as startCluster } from './control-plane.ts';
export { binaryDir, clusterDir, ensureBinaries } from './paths.ts';
export { readState, type ClusterState } from './state.ts';

/** Names the cluster of the current test run; set by the first startTestCluster() and inherited by workers. */
export const TEST_CLUSTER_ENV = 'WHEELHOUSE_TEST_CLUSTER';
/** `test-<runner pid>`, optionally with a suffix for extra clusters of the same run (e.g. `test-123-b`). */
const TEST_NAME = /^test-(\d+)(?:-[a-z0-9-]+)?$/;

export interface TestCluster {
  name: string;
  server: string;
  kubeconfigPath: string;
  /** Self-contained (certificates embedded); current context uses the admin client certificate. */
  kubeconfigYaml: string;
  /** Static bearer token of a system:masters user (the kubeconfig's "-token" context). */
  token: string;
  /** Base64 PEM of the cluster CA, as in certificate-authority-data. */
  caData: string;
  state: ClusterState;
  /** False when an already running cluster was reused. */
  startedNow: boolean;
  startupSeconds: number | undefined;
  kubeConfig(): KubeConfig;
}

let startedByThisProcess: string | undefined;

function toTestCluster(state: ClusterState, startedNow: boolean): TestCluster {
  const kubeconfigYaml = readFileSync(state.kubeconfigPath, 'utf8');
  return {
    name: state.name,
    server: state.server,
    kubeconfigPath: state.kubeconfigPath,
    kubeconfigYaml,
    token: readFileSync(`${state.dir}/pki/tokens.csv`, 'utf8').split(',')[0] ?? '',
    caData: readFileSync(`${state.dir}/pki/ca.crt`).toString('base64'),
    state,
    startedNow,
    startupSeconds: state.startupSeconds,
    kubeConfig: () => kubeConfigFromYaml(kubeconfigYaml),
  };
}

/** Clusters of earlier test runs whose runner died before its teardown: stop them by PID and delete them. */
async function reapAbandonedTestClusters(): Promise<void> {
  for (const state of listClusters()) {
    const ownerPid = Number(TEST_NAME.exec(state.name)?.[1]);
    if (!ownerPid || ownerPid === process.pid) continue;
    try {
      process.kill(ownerPid, 0);
    } catch {
      // Another run may be reaping the same leftovers right now: garbage of others never fails this run.
      await down(state.name, { purge: true }).catch((error: unknown) => console.warn(`[cluster] could not reap ${state.name}: ${String(error)}`));
    }
  }
}

/**
 * Starts the test run's cluster, or reuses it when WHEELHOUSE_TEST_CLUSTER names a running one. The default name
 * `test-<pid>` is unique per runner, so parallel test runs never share (or stop) each other's cluster.
 */
export async function startTestCluster(options: { name?: string; nodes?: number; metrics?: boolean } = {}): Promise<TestCluster> {
  const name = options.name ?? process.env[TEST_CLUSTER_ENV] ?? `test-${process.pid}`;
  const newRunCluster = options.name === undefined && process.env[TEST_CLUSTER_ENV] === undefined;
  if (newRunCluster) await reapAbandonedTestClusters();
  // fresh: a leftover dir of a recycled PID must not leak old objects into this run.
  const state = await up({ name, nodes: options.nodes ?? 3, binDir: ensureBinaries(), fresh: newRunCluster, metrics: options.metrics });
  process.env[TEST_CLUSTER_ENV] = name;
  if (!state.reused) startedByThisProcess = name;
  return toTestCluster(state, !state.reused);
}

/** Stops (and deletes) the cluster this process started; a no-op in workers that only reused it. */
export async function stopTestCluster(): Promise<void> {
  if (!startedByThisProcess) return;
  await down(startedByThisProcess, { purge: TEST_NAME.test(startedByThisProcess) });
  startedByThisProcess = undefined;
}

export interface TestNamespace {
  name: string;
  delete(): Promise<void>;
}

/** A fresh namespace `<prefix>-<random>` whose default ServiceAccount exists, so pods can be created at once. */
export async function createTestNamespace(cluster: TestCluster, prefix: string): Promise<TestNamespace> {
  const kc = cluster.kubeConfig();
  const core = kc.makeApiClient(CoreV1Api);
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await core.createNamespace({ body: { metadata: { name, labels: { 'wheelhouse.dev/test': 'true' } } } });
  await waitDefaultServiceAccount(kc, name, 60_000);
  return {
    name,
    async delete() {
      await core.deleteNamespace({ name });
      await waitFor(
        `namespace ${name} deleted`,
        async () => {
          const list = await core.listNamespace({ fieldSelector: `metadata.name=${name}` });
          return list.items.length === 0;
        },
        120_000,
      );
    },
  };
}

/** Kills kube-apiserver and starts it again on the same port; returns once /readyz is ok. */
export async function restartApiserver(name: string): Promise<{ seconds: number; pid: number }> {
  return restart(name);
}
