// Starting, stopping and restarting one named cluster. State lives in <cluster dir>/state.json (see state.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { componentArgv, KUBERNETES_SERVICE_IP, type ComponentContext } from './components.ts';
import { kubeConfigFromYaml, renderKubeconfig } from './kubeconfig.ts';
import { writeKwokConfig } from './kwok-config.ts';
import { withClusterLock } from './lock.ts';
import {
  ensureAggregationPki,
  ensureMetricsServerBinary,
  kwokMetricsDocs,
  registerMetricsApi,
  waitMetricsApiAvailable,
} from './metrics.ts';
import { ensureNodes } from './nodes.ts';
import { ensurePki } from './pki.ts';
import { pickFreePorts } from './ports.ts';
import { clusterDir, clustersRoot } from './paths.ts';
import { isOurProcess, startProcess, stopProcess, tailLog } from './processes.ts';
import { httpOk, waitDefaultServiceAccount, waitFor, waitNodesReady } from './readiness.ts';
import {
  COMPONENTS,
  expectedComponents,
  METRICS_COMPONENT,
  PORT_NAMES,
  readState,
  writeState,
  type ClusterState,
  type ComponentName,
  type Ports,
} from './state.ts';

export type Logger = (message: string) => void;

export interface UpOptions {
  name: string;
  nodes?: number;
  binDir: string;
  /** Wipe etcd data and PKI first (tests want a clean cluster; dev clusters keep theirs across down/up). */
  fresh?: boolean;
  /** Also run metrics-server (metrics.k8s.io); kept on later `up`s of the same cluster until --fresh. */
  metrics?: boolean;
  log?: Logger;
}

const STARTUP_TIMEOUT_MS = 120_000;
const ALL_COMPONENTS: ComponentName[] = [...COMPONENTS, METRICS_COMPONENT];
const marker = (dir: string) => `${dir}/`; // every component's argv contains a path under its cluster dir

/** Components of the cluster whose recorded PID is still one of its processes. */
export function aliveComponents(state: ClusterState): ComponentName[] {
  return expectedComponents(state).filter((c) => {
    const pid = state.components[c]?.pid;
    return pid !== undefined && isOurProcess(pid, marker(state.dir));
  });
}

export function isRunning(state: ClusterState): boolean {
  return aliveComponents(state).length === expectedComponents(state).length;
}

/** Running, and the apiserver answers /readyz. */
export async function isHealthy(state: ClusterState): Promise<boolean> {
  if (!state.readyAt || !isRunning(state)) return false;
  const ca = readFileSync(join(state.dir, 'pki', 'ca.crt'));
  return httpOk(`${state.server}/readyz`, { ca }).catch(() => false);
}

/** Starts `name`, or returns its state untouched when it is already healthy. Idempotent; cleans up crashed runs. */
export async function up(options: UpOptions): Promise<ClusterState & { reused: boolean }> {
  const dir = clusterDir(options.name);
  return withClusterLock(dir, async () => {
    const previous = readState(dir);
    // A healthy cluster is reused unless --metrics asks for more than it runs (then it restarts, data kept).
    const wantsMore = options.metrics && !previous?.metrics;
    if (previous && !options.fresh && !wantsMore && (await isHealthy(previous))) {
      if (options.nodes && options.nodes > previous.nodes) await addNodes(previous, options.nodes);
      return { ...readState(dir)!, reused: true };
    }
    if (previous) await stopComponents(previous, options.log);
    if (options.fresh) {
      for (const sub of ['etcd', 'pki', 'exec-sandbox']) rmSync(join(dir, sub), { recursive: true, force: true });
    }
    const state = await start(dir, options, previous);
    return { ...state, reused: false };
  });
}

async function start(dir: string, options: UpOptions, previous: ClusterState | undefined): Promise<ClusterState> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const pki = ensurePki(join(dir, 'pki'), options.name, KUBERNETES_SERVICE_IP);
  const metrics = Boolean(options.metrics || (previous?.metrics && !options.fresh));
  const metricsContext = metrics ? { binDir: ensureMetricsServerBinary(), pki: ensureAggregationPki(pki) } : undefined;
  const portNames = metrics ? [...PORT_NAMES, 'metricsServer' as const] : PORT_NAMES;
  const ports: Ports = await pickFreePorts(portNames, previous?.ports);
  const server = `https://127.0.0.1:${ports.apiserver}`;
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  const kubeconfigYaml = renderKubeconfig(options.name, server, pki);
  writeFileSync(kubeconfigPath, kubeconfigYaml, { mode: 0o600 });
  const kwok = writeKwokConfig(dir, options.binDir, metricsContext ? kwokMetricsDocs(metricsContext.binDir) : []);
  const context: ComponentContext = {
    dir,
    binDir: options.binDir,
    ports,
    pki,
    kubeconfigPath,
    kwokConfigPath: kwok.configPath,
    metrics: metricsContext,
  };
  const state: ClusterState = {
    name: options.name,
    dir,
    binDir: options.binDir,
    ports,
    server,
    kubeconfigPath,
    nodes: options.nodes ?? previous?.nodes ?? 1,
    ...(metrics ? { metrics } : {}),
    components: {},
  };
  writeState(state);

  try {
    log(`etcd on 127.0.0.1:${ports.etcdClient}`);
    launch(state, 'etcd', context);
    await waitHealthy(state, 'etcd', `http://127.0.0.1:${ports.etcdClient}/readyz`);
    log(`kube-apiserver on ${server}`);
    launch(state, 'kube-apiserver', context);
    await waitHealthy(state, 'kube-apiserver', `${server}/readyz`, true);
    log('kube-controller-manager, kube-scheduler, kwok');
    launch(state, 'kube-controller-manager', context);
    launch(state, 'kube-scheduler', context);
    launch(state, 'kwok', context);
    await Promise.all([
      waitHealthy(state, 'kube-controller-manager', `https://127.0.0.1:${ports.controllerManager}/healthz`),
      waitHealthy(state, 'kube-scheduler', `https://127.0.0.1:${ports.scheduler}/healthz`),
      waitHealthy(state, 'kwok', `http://127.0.0.1:${ports.kwok}/healthz`),
    ]);
    const kc = kubeConfigFromYaml(kubeconfigYaml);
    const nodeNames = await ensureNodes(kc, state.nodes, metrics);
    log(`waiting for ${nodeNames.length} node(s) Ready and serviceaccount/default`);
    await waitNodesReady(kc, nodeNames, STARTUP_TIMEOUT_MS);
    await waitDefaultServiceAccount(kc, 'default', STARTUP_TIMEOUT_MS);
    if (ports.metricsServer) {
      log(`metrics-server on https://127.0.0.1:${ports.metricsServer}`);
      launch(state, METRICS_COMPONENT, context);
      await waitHealthy(state, METRICS_COMPONENT, `https://127.0.0.1:${ports.metricsServer}/healthz`);
      await registerMetricsApi(kc, pki.caCert, ports.metricsServer);
      await waitMetricsApiAvailable(kc, STARTUP_TIMEOUT_MS);
    }
  } catch (error) {
    await stopComponents(state, log);
    throw error;
  }
  state.readyAt = new Date().toISOString();
  state.startupSeconds = Math.round((performance.now() - started) / 100) / 10;
  writeState(state);
  return state;
}

function launch(state: ClusterState, name: ComponentName, context: ComponentContext): void {
  const argv = componentArgv(name, context);
  const logPath = join(state.dir, 'logs', `${name}.log`);
  state.components[name] = { pid: startProcess({ argv, log: logPath }), argv, log: logPath };
  writeState(state); // record the PID before waiting, so a crash here still leaves it for cleanup
}

/** `verifyWithCa`: check the serving cert against the cluster CA (the apiserver; the others self-sign). */
async function waitHealthy(state: ClusterState, name: ComponentName, url: string, verifyWithCa = false): Promise<void> {
  const component = state.components[name];
  if (!component) throw new Error(`${name} was not started`);
  const ca = verifyWithCa ? readFileSync(join(state.dir, 'pki', 'ca.crt')) : undefined;
  await waitFor(
    `${name} ${url}`,
    () => httpOk(url, { ca }),
    STARTUP_TIMEOUT_MS,
    () => {
      if (!isOurProcess(component.pid, marker(state.dir))) {
        throw new Error(`${name} exited during startup; last lines of ${component.log}:\n${tailLog(component.log)}`);
      }
    },
  );
}

async function addNodes(state: ClusterState, count: number): Promise<void> {
  const kc = kubeConfigFromYaml(readFileSync(state.kubeconfigPath, 'utf8'));
  await waitNodesReady(kc, await ensureNodes(kc, count, state.metrics), STARTUP_TIMEOUT_MS);
  writeState({ ...state, nodes: count });
}

/** Stops components in reverse start order (metrics-server and kwok first, etcd last), each by its recorded PID. */
async function stopComponents(state: ClusterState, log?: Logger): Promise<void> {
  for (const name of ALL_COMPONENTS.toReversed()) {
    const component = state.components[name];
    if (!component) continue;
    if (isOurProcess(component.pid, marker(state.dir))) log?.(`stopping ${name} (pid ${component.pid})`);
    await stopProcess(component.pid, marker(state.dir));
  }
  state.components = {};
  delete state.readyAt;
  writeState(state);
}

export async function down(name: string, options: { purge?: boolean; log?: Logger } = {}): Promise<boolean> {
  const dir = clusterDir(name);
  if (!existsSync(dir)) return false;
  const stopped = await withClusterLock(dir, async () => {
    const state = readState(dir);
    if (state) await stopComponents(state, options.log);
    return Boolean(state);
  });
  if (options.purge) rmSync(dir, { recursive: true, force: true });
  return stopped;
}

/** Kills the kube-apiserver process and starts it again with the same argv (same port); returns the downtime. */
export async function restartApiserver(name: string): Promise<{ seconds: number; pid: number }> {
  const dir = clusterDir(name);
  return withClusterLock(dir, async () => {
    const state = readState(dir);
    const apiserver = state?.components['kube-apiserver'];
    if (!state || !apiserver) throw new Error(`cluster ${name} is not running`);
    const started = performance.now();
    // The apiserver stops listening at once on SIGTERM but then lingers while the controllers' watches drain;
    // a restart does not need to wait for that, so SIGKILL follows after 3s instead of the default 10s.
    await stopProcess(apiserver.pid, marker(dir), 3_000);
    apiserver.pid = startProcess({ argv: apiserver.argv, log: apiserver.log });
    writeState(state);
    await waitHealthy(state, 'kube-apiserver', `${state.server}/readyz`, true);
    return { seconds: Math.round((performance.now() - started) / 100) / 10, pid: apiserver.pid };
  });
}

export function listClusters(): ClusterState[] {
  const root = clustersRoot();
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((entry) => {
    const state = readState(join(root, entry));
    return state ? [state] : [];
  });
}
