import type { KubeConfig, V1NodeList, V1Node } from '@kubernetes/client-node';
import { describeNetworkError, mapK8sError, notKubernetes, TIMED_OUT } from './k8s-error.mapper.js';
import { requestJson } from './raw-client.js';

export interface ProbeResult {
  state: 'ok' | 'unreachable' | 'unauthorized';
  version: string | null;
  nodes: number | null;
  readyNodes: number | null;
  latencyMs: number | null;
  error: string | null;
}

const TIMEOUT_MS = 5_000;
/** What an apiserver's gitVersion looks like (v1.36.3, v1.30.2-eks-1234abc, v1.29.0+k3s1); anything else is not shown. */
const GIT_VERSION = /^v\d+\.\d+\.\d+[\w.+-]{0,60}$/;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(TIMED_OUT)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const isReady = (n: V1Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

class ProbeFailure extends Error {
  constructor(
    readonly state: 'unreachable' | 'unauthorized',
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(kc: KubeConfig, path: string): Promise<T> {
  const res = await withTimeout(requestJson<T>(kc, { method: 'GET', path, timeoutMs: TIMEOUT_MS }), TIMEOUT_MS);
  if (res.status === 200) return res.body;
  const state = res.status === 401 || res.status === 403 ? 'unauthorized' : 'unreachable';
  throw new ProbeFailure(state, `HTTP ${res.status}: ${mapK8sError(res.status, res.body).message}`);
}

/**
 * Version, node count, ready nodes and round-trip latency; errors become data, never exceptions. Over the raw
 * client like every other request (guarded resolver, no redirects followed), and only Kubernetes-shaped answers
 * are believed: the health shown for a cluster never carries another server's text.
 */
export async function probeCluster(kc: KubeConfig): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const version = await get<{ gitVersion?: unknown } | null>(kc, '/version');
    const gitVersion = version?.gitVersion;
    if (typeof gitVersion !== 'string' || !GIT_VERSION.test(gitVersion)) throw notKubernetes(200);
    const latencyMs = Math.round(performance.now() - started);
    const nodes = await get<V1NodeList | null>(kc, '/api/v1/nodes?limit=5000');
    if (!Array.isArray(nodes?.items)) throw notKubernetes(200);
    return { state: 'ok', version: gitVersion, nodes: nodes.items.length, readyNodes: nodes.items.filter(isReady).length, latencyMs, error: null };
  } catch (err) {
    const state = err instanceof ProbeFailure ? err.state : 'unreachable';
    const error = err instanceof ProbeFailure ? err.message : describeNetworkError(err);
    return { state, version: null, nodes: null, readyNodes: null, latencyMs: null, error: error.slice(0, 300) };
  }
}
