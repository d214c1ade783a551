// A self-contained kubeconfig (certificates embedded as *-data) so it can be copied or imported anywhere.
import { readFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import type { Pki } from './pki.ts';

const b64 = (path: string) => readFileSync(path).toString('base64');

/** Two users: the admin client certificate (current context) and the static admin token. */
export function renderKubeconfig(clusterName: string, server: string, pki: Pki): string {
  const cluster = `wheelhouse-${clusterName}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster, cluster: { server, 'certificate-authority-data': b64(pki.caCert) } }],
    users: [
      {
        name: `${cluster}-admin`,
        user: { 'client-certificate-data': b64(pki.adminCert), 'client-key-data': b64(pki.adminKey) },
      },
      { name: `${cluster}-token`, user: { token: pki.adminToken } },
    ],
    contexts: [
      { name: cluster, context: { cluster, user: `${cluster}-admin`, namespace: 'default' } },
      { name: `${cluster}-token`, context: { cluster, user: `${cluster}-token`, namespace: 'default' } },
    ],
    'current-context': cluster,
  });
}

export function kubeConfigFromYaml(yaml: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(yaml);
  return kc;
}
