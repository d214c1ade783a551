// Readiness polling (§5.3 of the notes): components' health endpoints, Ready nodes, the default ServiceAccount.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `check` until it returns true. `failFast` is called on every round and throws when waiting is pointless
 * (e.g. the component's process died), so a broken start fails in seconds with the reason instead of timing out.
 */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  failFast: () => void = () => {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    failFast();
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}${reason}`);
    }
    await sleep(250);
  }
}

/**
 * GET returning true on HTTP 200. `ca` verifies the apiserver; the controller-manager and scheduler serve
 * self-signed certs generated at startup, so for them (loopback only) the certificate is not checked.
 */
export function httpOk(url: string, tls: { ca?: Buffer } = {}): Promise<boolean> {
  return new Promise((resolvePromise, reject) => {
    const isHttps = url.startsWith('https:');
    const options = isHttps ? { ca: tls.ca, rejectUnauthorized: Boolean(tls.ca), timeout: 5000 } : { timeout: 5000 };
    const req = (isHttps ? httpsRequest : httpRequest)(url, options, (res) => {
      res.resume();
      res.on('end', () => resolvePromise(res.statusCode === 200));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

export async function waitNodesReady(kc: KubeConfig, names: string[], timeoutMs: number): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  await waitFor(
    `nodes Ready (${names.join(', ')})`,
    async () => {
      const nodes = await core.listNode();
      const ready = new Set(
        nodes.items
          .filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
          .map((n) => n.metadata?.name),
      );
      return names.every((n) => ready.has(n));
    },
    timeoutMs,
  );
}

/** ServiceAccount admission rejects pods until the namespace's "default" ServiceAccount exists. */
export async function waitDefaultServiceAccount(kc: KubeConfig, namespace: string, timeoutMs: number): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  await waitFor(
    `serviceaccount/default in ${namespace}`,
    async () => {
      await core.readNamespacedServiceAccount({ name: 'default', namespace });
      return true;
    },
    timeoutMs,
  );
}
