// Where things live: the binary cache (owned by build.sh) and per-cluster run directories.
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const buildScript = join(packageDir, 'build.sh');

/** Root of all named clusters. Runtime dir first: it is per-user and wiped on reboot, like the processes. */
export function clustersRoot(): string {
  const override = process.env.WHEELHOUSE_CLUSTER_DIR;
  if (override) return resolve(override);
  const runtime = process.env.XDG_RUNTIME_DIR;
  if (runtime) return join(runtime, 'wheelhouse', 'clusters');
  return join(homedir(), '.cache', 'wheelhouse', 'clusters');
}

export function clusterDir(name: string): string {
  if (!/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/.test(name)) {
    throw new Error(`invalid cluster name "${name}": use lowercase letters, digits and "-" (max 40)`);
  }
  return join(clustersRoot(), name);
}

/** The version-keyed binary directory; build.sh is the single source of truth for the path. */
export function binaryDir(): string {
  return execFileSync('bash', [buildScript, '--print-dir'], { encoding: 'utf8' }).trim();
}

/** Builds the binaries when the cache is missing (a no-op when cached); progress goes to our stderr. */
export function ensureBinaries(): string {
  execFileSync('bash', [buildScript], { stdio: ['ignore', process.stderr, process.stderr] });
  return binaryDir();
}
