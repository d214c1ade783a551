// `npm run up|down|status|demo|restart-apiserver -w @wheelhouse/cluster -- [flags]`: the cluster CLI.
import { parseArgs } from 'node:util';
import { aliveComponents, down, isHealthy, listClusters, restartApiserver, up, type Logger } from './control-plane.ts';
import { applyDemo, DEMO_CLUSTER, DEMO_NODES } from './demo.ts';
import { ensureBinaries } from './paths.ts';
import type { ComponentName } from './state.ts';

const WARM_START_BUDGET_SECONDS = 30;
const usage = `usage: cli.ts <command> [flags]
  up [--name local] [--nodes 1] [--fresh] [--metrics]
                                            start (or reuse) a named cluster; --metrics adds metrics-server
  down [--name local | --all] [--purge]     stop by PID; --purge also deletes its data, PKI and logs
  status                                    list clusters under the run dir
  demo                                      start cluster "demo" (3 nodes, metrics-server) and apply tools/cluster/demo/*.yaml
  restart-apiserver --name local            kill and restart kube-apiserver (same port and flags)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string', default: 'local' },
    nodes: { type: 'string' },
    all: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    metrics: { type: 'boolean', default: false },
    purge: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const logFor =
  (name: string): Logger =>
  (message) =>
    console.error(`[cluster:${name}] ${message}`);

async function startCluster(name: string, nodes: number | undefined, fresh: boolean, metrics = false) {
  const binDir = ensureBinaries();
  const state = await up({ name, nodes, binDir, fresh, metrics, log: logFor(name) });
  if (state.reused) {
    console.log(`cluster "${name}" already running at ${state.server}`);
  } else {
    const verdict = (state.startupSeconds ?? 0) <= WARM_START_BUDGET_SECONDS ? 'within' : 'OVER';
    console.log(
      `cluster "${name}" started in ${state.startupSeconds}s (${verdict} the ${WARM_START_BUDGET_SECONDS}s budget)`,
    );
  }
  console.log(`  server:     ${state.server}\n  kubeconfig: ${state.kubeconfigPath}\n  nodes:      ${state.nodes}`);
  console.log(`  try:        KUBECONFIG=${state.kubeconfigPath} ${state.binDir}/kubectl get nodes -o wide`);
  if (state.metrics) {
    console.log(
      `  metrics:    KUBECONFIG=${state.kubeconfigPath} ${state.binDir}/kubectl top nodes  (first numbers ~20s after start)`,
    );
  }
  return state;
}

async function printStatus(): Promise<void> {
  const clusters = listClusters();
  if (clusters.length === 0) console.log('no clusters');
  for (const state of clusters) {
    const alive = new Set(aliveComponents(state));
    const health = (await isHealthy(state)) ? 'running' : alive.size > 0 ? 'degraded' : 'stopped';
    // A dead component is marked with "!" so a crash is visible; `up` restarts a degraded cluster cleanly.
    const pids = Object.entries(state.components)
      .map(([c, v]) => `${c}=${v.pid}${alive.has(c as ComponentName) ? '' : '!'}`)
      .join(' ');
    console.log(
      [state.name, health, state.server, `nodes=${state.nodes}`, state.kubeconfigPath, pids].join('\t').trim(),
    );
  }
}

async function main(): Promise<void> {
  const [command] = positionals;
  const nodes = values.nodes === undefined ? undefined : Number(values.nodes);
  if (nodes !== undefined && !(Number.isInteger(nodes) && nodes > 0)) {
    throw new Error('--nodes must be a positive integer');
  }
  switch (command) {
    case 'up':
      await startCluster(values.name, nodes, values.fresh, values.metrics);
      return;
    case 'down': {
      const names = values.all ? listClusters().map((s) => s.name) : [values.name];
      for (const name of names) {
        const stopped = await down(name, { purge: values.purge, log: logFor(name) });
        console.log(stopped ? `cluster "${name}" stopped${values.purge ? ' and purged' : ''}` : `no cluster "${name}"`);
      }
      return;
    }
    case 'status':
      await printStatus();
      return;
    case 'demo': {
      // The demo shows the console's usage charts, so it runs metrics-server (built once, cached by version).
      const state = await startCluster(DEMO_CLUSTER, DEMO_NODES, false, true);
      await applyDemo(state, logFor(DEMO_CLUSTER));
      console.log('demo objects applied (namespaces team-a, team-b)');
      return;
    }
    case 'restart-apiserver': {
      const { seconds, pid } = await restartApiserver(values.name);
      console.log(`kube-apiserver of "${values.name}" restarted (pid ${pid}), ready again after ${seconds}s`);
      return;
    }
    default:
      console.log(usage);
      if (!values.help) process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
