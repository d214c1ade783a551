// kwok's configuration: the upstream "fast" stages (copied next to the binaries by build.sh), plus ClusterLogs
// (pod logs come from a file we write) and ClusterExec (exec runs real commands on this host, in a sandbox dir).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Node Ready + lease heartbeat; pods Running, Job pods Succeeded, deletion finalized. */
const STAGE_FILES = [
  'node-initialize.yaml',
  'node-heartbeat-with-lease.yaml',
  'pod-ready.yaml',
  'pod-complete.yaml',
  'pod-delete.yaml',
];
const REQUIRED_STAGES = new Set(['node-initialize.yaml', 'pod-ready.yaml', 'pod-complete.yaml', 'pod-delete.yaml']);

/**
 * Only containers with this name accept exec. kwok runs exec commands on the host as the harness user (only the
 * working directory is sandboxed), so exec is opt-in per container instead of open for every pod.
 */
export const EXEC_CONTAINER = 'exec-sandbox';

export const podLogLines = [
  'wheelhouse local cluster: this pod is simulated by kwok',
  'log lines come from a file written by tools/cluster',
  'ready',
];

export interface KwokFiles {
  configPath: string;
  podLogPath: string;
  execSandbox: string;
}

/** `extraDocs`: more kwok resources (the --metrics Metric and ClusterResourceUsage). */
export function writeKwokConfig(dir: string, binDir: string, extraDocs: string[] = []): KwokFiles {
  const files: KwokFiles = {
    configPath: join(dir, 'kwok.yaml'),
    podLogPath: join(dir, 'pod-logs', 'container.log'),
    execSandbox: join(dir, 'exec-sandbox'),
  };
  mkdirSync(join(dir, 'pod-logs'), { recursive: true });
  mkdirSync(files.execSandbox, { recursive: true });
  // kwok parses the file as CRI container logs ("<RFC3339Nano> stdout F <line>"), like a kubelet would.
  const now = new Date().toISOString();
  writeFileSync(files.podLogPath, podLogLines.map((line) => `${now} stdout F ${line}\n`).join(''));

  const stages = STAGE_FILES.flatMap((file) => {
    const path = join(binDir, 'stages', file);
    if (existsSync(path)) return [readFileSync(path, 'utf8').trim()];
    if (REQUIRED_STAGES.has(file)) throw new Error(`missing kwok stage ${path}: rerun tools/cluster/build.sh`);
    return [];
  });
  const logs = {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterLogs',
    metadata: { name: 'wheelhouse-logs' },
    spec: { logs: [{ logsFile: files.podLogPath, follow: true }] },
  };
  const exec = {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterExec',
    metadata: { name: 'wheelhouse-exec' },
    spec: {
      execs: [
        {
          containers: [EXEC_CONTAINER],
          local: { workDir: files.execSandbox, envs: [{ name: 'HOME', value: files.execSandbox }] },
        },
      ],
    },
  };
  const docs = [...stages, stringify(logs).trim(), stringify(exec).trim(), ...extraDocs];
  writeFileSync(files.configPath, `${docs.join('\n---\n')}\n`);
  return files;
}
