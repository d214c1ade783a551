import { CoreV1Api, VersionApi, type KubeConfig, type V1Node } from '@kubernetes/client-node';

export interface ProbeResult {
  state: 'ok' | 'unreachable' | 'unauthorized';
  version: string | null;
  nodes: number | null;
  readyNodes: number | null;
  latencyMs: number | null;
  error: string | null;
}

const TIMEOUT_MS = 5_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const isReady = (n: V1Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Version, node count, ready nodes and round-trip latency; errors become data, never exceptions. */
export async function probeCluster(kc: KubeConfig): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const version = await withTimeout(kc.makeApiClient(VersionApi).getCode(), TIMEOUT_MS);
    const latencyMs = Math.round(performance.now() - started);
    const nodes = await withTimeout(kc.makeApiClient(CoreV1Api).listNode({ limit: 5000 }), TIMEOUT_MS);
    return { state: 'ok', version: version.gitVersion, nodes: nodes.items.length, readyNodes: nodes.items.filter(isReady).length, latencyMs, error: null };
  } catch (err) {
    const code = (err as { code?: number }).code;
    const state = code === 401 || code === 403 ? 'unauthorized' : 'unreachable';
    return { state, version: null, nodes: null, readyNodes: null, latencyMs: null, error: describe(err) };
  }
}

function describe(err: unknown): string {
  const e = err as { code?: number; message?: string; cause?: { code?: string; message?: string } };
  if (e.code) return `HTTP ${e.code}`;
  return (e.cause?.code ?? e.cause?.message ?? e.message ?? 'unknown error').slice(0, 300);
}
