import type { APIRequestContext } from '@playwright/test';
import { binaryDir } from '@wheelhouse/cluster';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_BASE_URL } from './constants';
import { expect } from './fixtures';

/** The run's local cluster, as global-setup.ts put it in the environment. */
export type ClusterInfo = { server: string; token: string; ca: string; kubeconfigYaml: string };
export const clusterInfo = (): ClusterInfo => JSON.parse(process.env.E2E_CLUSTER ?? '{}') as ClusterInfo;

/** kubectl from the harness's own build, with the e2e cluster's admin kubeconfig: what a colleague would run. */
export function kubectl(args: string[], input?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wh-e2e-kubectl-'));
  try {
    const kubeconfig = join(dir, 'config');
    writeFileSync(kubeconfig, clusterInfo().kubeconfigYaml, { mode: 0o600 });
    return execFileSync(join(binaryDir(), 'kubectl'), ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8', input });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The API checks Origin on cookie-authenticated writes, as the browser sends it.
const headers = { origin: E2E_BASE_URL };

/** A console API write with the page's session; anything but 2xx fails the test with the answer's body. */
export async function post(request: APIRequestContext, path: string, data: unknown): Promise<unknown> {
  const response = await request.post(path, { data, headers });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json().catch(() => undefined);
}

/** Registers the run's cluster under another console id (each registration has its own caches and bindings). */
export async function registerCluster(request: APIRequestContext, id: string, displayName = id): Promise<void> {
  const c = clusterInfo();
  await post(request, '/api/clusters', { method: 'token', id, displayName, server: c.server, caData: c.ca, token: c.token });
}

/** A namespace, ready for pods once the controller manager has made its default ServiceAccount. */
export async function createNamespace(request: APIRequestContext, cluster: string, ns: string): Promise<void> {
  const base = `/api/clusters/${cluster}/resources/core/v1`;
  await post(request, `${base}/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  await expect
    .poll(async () => (await request.get(`${base}/serviceaccounts/default?namespace=${ns}`)).status(), { timeout: 60_000 })
    .toBe(200);
}
