// Fake nodes for kwok. We create them ourselves (instead of `kwokctl scale node`) so their addresses are loopback:
// kwok's template would give them 192.0.2.1, which is this machine's default gateway.
import { CoreV1Api, setHeaderOptions, type KubeConfig, type V1Node } from '@kubernetes/client-node';
import { METRICS_PATH_ANNOTATION, nodeMetricsPath } from './metrics.ts';

export const nodeName = (index: number) => `kwok-node-${index}`;

function nodeManifest(name: string, metrics: boolean): V1Node {
  const resources = { cpu: '32', memory: '256Gi', pods: '110', 'ephemeral-storage': '1Ti' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: {
        'kwok.x-k8s.io/node': 'fake',
        'node.alpha.kubernetes.io/ttl': '0',
        ...(metrics ? { [METRICS_PATH_ANNOTATION]: nodeMetricsPath(name) } : {}),
      },
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        type: 'kwok',
      },
    },
    // Node create (unlike update) keeps status, and kwok's node-initialize stage keeps addresses that exist.
    status: {
      addresses: [
        { type: 'InternalIP', address: '127.0.0.1' },
        { type: 'Hostname', address: 'localhost' },
      ],
      allocatable: resources,
      capacity: resources,
    },
  };
}

/**
 * Creates kwok-node-0..count-1 when missing; existing nodes (from a kept data dir) are left alone, except that
 * `metrics` adds the metrics-server path annotation to nodes created by an earlier run without --metrics.
 */
export async function ensureNodes(kc: KubeConfig, count: number, metrics = false): Promise<string[]> {
  const core = kc.makeApiClient(CoreV1Api);
  const existing = new Map((await core.listNode()).items.map((n) => [n.metadata?.name, n]));
  const names = Array.from({ length: count }, (_, i) => nodeName(i));
  for (const name of names) {
    const node = existing.get(name);
    if (!node) await core.createNode({ body: nodeManifest(name, metrics) });
    else if (metrics && !node.metadata?.annotations?.[METRICS_PATH_ANNOTATION]) {
      const body = { metadata: { annotations: { [METRICS_PATH_ANNOTATION]: nodeMetricsPath(name) } } };
      await core.patchNode({ name, body }, setHeaderOptions('Content-Type', 'application/merge-patch+json'));
    }
  }
  return names;
}
