import type { FullConfig } from '@playwright/test';
import { startTestCluster, stopTestCluster } from '@wheelhouse/cluster';

/**
 * The launcher reports ready (/readyz) once the API and database are; the Next.js server behind its proxy
 * may still be starting, so wait until the login page itself answers.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  // A real local control plane for the cluster specs; workers inherit what is put in process.env here.
  const cluster = await startTestCluster({ nodes: 1 });
  process.env.E2E_CLUSTER = JSON.stringify({
    server: cluster.server,
    token: cluster.token,
    ca: Buffer.from(cluster.caData, 'base64').toString('utf8'),
    kubeconfigYaml: cluster.kubeconfigYaml,
  });
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) {
    throw new Error('baseURL is not configured');
  }
  const deadline = Date.now() + 60_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(new URL('/login', baseURL));
      if (response.ok) {
        return () => stopTestCluster();
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The web app did not answer at ${baseURL}/login within 60 s (${last})`);
}
