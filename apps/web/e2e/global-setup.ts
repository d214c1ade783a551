import type { FullConfig } from '@playwright/test';
import { startTestCluster, stopTestCluster } from '@wheelhouse/cluster';
import { startSlapd } from '../../api/test/setup/slapd';
import { directorySeed } from './directory';

/**
 * The launcher reports ready (/readyz) once the API and database are; the Next.js server behind its proxy
 * may still be starting, so wait until the login page itself answers.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  // Real peers for the specs, started side by side: a local control plane and an OpenLDAP directory.
  // Workers inherit what is put in process.env here.
  const [clusterStart, slapdStart] = await Promise.allSettled([
    startTestCluster({ nodes: 1, metrics: true }),
    directorySeed().then(startSlapd),
  ]);
  const teardown = async () => {
    await Promise.all([stopTestCluster(), slapdStart.status === 'fulfilled' ? slapdStart.value.stop() : undefined]);
  };
  if (clusterStart.status === 'rejected' || slapdStart.status === 'rejected') {
    await teardown();
    throw clusterStart.status === 'rejected' ? clusterStart.reason : (slapdStart as PromiseRejectedResult).reason;
  }
  const [cluster, slapd] = [clusterStart.value, slapdStart.value];
  process.env.E2E_CLUSTER = JSON.stringify({
    server: cluster.server,
    token: cluster.token,
    ca: Buffer.from(cluster.caData, 'base64').toString('utf8'),
    kubeconfigYaml: cluster.kubeconfigYaml,
  });
  process.env.E2E_LDAP_URL = slapd.url;
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) {
    await teardown();
    throw new Error('baseURL is not configured');
  }
  const deadline = Date.now() + 60_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(new URL('/login', baseURL));
      if (response.ok) {
        return teardown;
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await teardown();
  throw new Error(`The web app did not answer at ${baseURL}/login within 60 s (${last})`);
}
