import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { createInterface } from 'node:readline';
import { redirected } from './k8s-error.mapper.js';
import { rawRequest } from './raw-client.js';

/** As client-node's: a watch silent this long is restarted from its resourceVersion. */
const IDLE_MS = 30_000;

/**
 * client-node's Watch with its transport replaced by the raw client. The original uses undici's fetch, which follows
 * redirects, dials through a dispatcher outside the address policy and puts the server's status text into its
 * errors; ListWatch only needs this method's contract: events to `callback`, one `done` when the stream ends or
 * fails, an `abort()` on the returned controller, and an inactivity timeout named TimeoutError (ListWatch
 * reconnects at once after it).
 */
export class GuardedWatch extends Watch {
  constructor(kc: KubeConfig) {
    super(kc);
  }

  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    const controller = new AbortController();
    const query = new URLSearchParams({ watch: 'true' });
    for (const [key, value] of Object.entries(queryParams ?? {})) if (value !== undefined) query.set(key, String(value));
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (err: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      // Aborted by the caller (ListWatch stopping or restarting): it knows, and a done() would start another loop.
      const byCaller = controller.signal.aborted;
      controller.abort();
      if (!byCaller) done(err);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(Object.assign(new Error('the watch was idle too long'), { name: 'TimeoutError' })), IDLE_MS);
      timer.unref();
    };
    controller.signal.addEventListener('abort', () => finish(null), { once: true });
    try {
      arm();
      const res = await rawRequest(this.config, { method: 'GET', path: `${path}?${query.toString()}`, timeoutMs: 0, signal: controller.signal });
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.destroy();
        const err = status >= 300 && status < 400 ? redirected(status) : new Error(`The cluster answered HTTP ${status}`);
        finish(Object.assign(err, { statusCode: status }));
        return controller;
      }
      arm();
      res.on('data', arm);
      res.on('error', finish);
      res.on('close', () => finish(null));
      const lines = createInterface(res);
      lines.on('error', finish); // readline re-emits the response's errors (a reset, our own abort)
      lines.on('line', (line) => {
        try {
          const data = JSON.parse(line) as { type: string; object: unknown };
          callback(data.type, data.object, data);
        } catch {
          // a line that is not a watch event is ignored, as client-node does
        }
      });
    } catch (err) {
      finish(err);
    }
    return controller;
  }
}
