// The per-cluster state file (<cluster dir>/state.json): ports, PIDs and exact argv of every component.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok'] as const;
/** Started only on clusters created with `up --metrics` (state.metrics), after the five above. */
export const METRICS_COMPONENT = 'metrics-server';
export type ComponentName = (typeof COMPONENTS)[number] | typeof METRICS_COMPONENT;

export const PORT_NAMES = ['etcdClient', 'etcdPeer', 'apiserver', 'controllerManager', 'scheduler', 'kwok'] as const;
export type Ports = Record<(typeof PORT_NAMES)[number], number> & { metricsServer?: number };

export interface ComponentState {
  pid: number;
  argv: string[];
  log: string;
}

export interface ClusterState {
  name: string;
  dir: string;
  binDir: string;
  ports: Ports;
  server: string;
  kubeconfigPath: string;
  nodes: number;
  /** metrics-server + the apiserver's aggregation layer (`up --metrics`); absent on clusters without it. */
  metrics?: boolean;
  components: Partial<Record<ComponentName, ComponentState>>;
  /** Set once every readiness check passed; a state without it is a crashed or interrupted start. */
  readyAt?: string;
  startupSeconds?: number;
}

/** The components a healthy cluster runs: the five, plus metrics-server when it was started with --metrics. */
export function expectedComponents(state: Pick<ClusterState, 'metrics'>): ComponentName[] {
  return state.metrics ? [...COMPONENTS, METRICS_COMPONENT] : [...COMPONENTS];
}

export const statePath = (dir: string) => join(dir, 'state.json');

export function readState(dir: string): ClusterState | undefined {
  const path = statePath(dir);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ClusterState;
  } catch {
    return undefined; // a torn write from a killed CLI: treat as "no state", the next `up` starts clean
  }
}

/** Written after every PID change, atomically, so a crash at any point leaves a usable record for cleanup. */
export function writeState(state: ClusterState): void {
  const path = statePath(state.dir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
