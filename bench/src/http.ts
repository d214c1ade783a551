// One small HTTP(S) client for both sides of every ratio: the apiserver directly (static token + cluster CA) and the
// console (API token or session cookie). Bodies are read to the last byte but only parsed when asked, so a timed
// LIST measures transfer, not the bench's own JSON.parse.
import http from 'node:http';
import https from 'node:https';

export interface Endpoint {
  base: string;
  headers: Record<string, string>;
  agent: http.Agent;
}

export interface Reply {
  status: number;
  body: Buffer;
  ms: number;
  headers: http.IncomingHttpHeaders;
}

export function endpoint(base: string, headers: Record<string, string>, ca?: Buffer): Endpoint {
  const agent = base.startsWith('https:')
    ? new https.Agent({ keepAlive: true, ca, maxSockets: 64 })
    : new http.Agent({ keepAlive: true, maxSockets: 64 });
  return { base, headers, agent };
}

/**
 * A keep-alive socket the server closed while idle (Node's server drops them after 5 s) fails on reuse with
 * ECONNRESET / "socket hang up": such a request never reached the server, so it is sent once more.
 */
function retryOnStaleSocket<T>(send: () => { promise: Promise<T>; reused: () => boolean }): Promise<T> {
  const first = send();
  return first.promise.catch((err: unknown) => {
    const code = (err as { code?: string }).code;
    if (first.reused() && (code === 'ECONNRESET' || code === 'EPIPE')) return send().promise;
    throw err;
  });
}

export function request(
  ep: Endpoint,
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Reply> {
  return retryOnStaleSocket(() => requestOnce(ep, method, path, body, extra));
}

function requestOnce(
  ep: Endpoint,
  method: string,
  path: string,
  body: unknown,
  extra: Record<string, string>,
): { promise: Promise<Reply>; reused: () => boolean } {
  const url = new URL(path, ep.base);
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const headers: Record<string, string> = { Accept: 'application/json', ...ep.headers, ...extra };
  if (payload) headers['Content-Type'] ??= 'application/json';
  const lib = url.protocol === 'https:' ? https : http;
  const started = performance.now();
  let req: http.ClientRequest | undefined;
  const promise = new Promise<Reply>((resolve, reject) => {
    req = lib.request(url, { method, headers, agent: ep.agent, timeout: 300_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req?.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
  return { promise, reused: () => Boolean(req?.reusedSocket) };
}

/** Like request(), but a non-2xx answer is an error and the body is parsed. */
export async function json<T>(
  ep: Endpoint,
  method: string,
  path: string,
  body?: unknown,
  extra?: Record<string, string>,
): Promise<T> {
  const r = await request(ep, method, path, body, extra);
  if (r.status < 200 || r.status >= 300) {
    throw new Error(`${method} ${path}: ${r.status} ${r.body.toString('utf8').slice(0, 300)}`);
  }
  return JSON.parse(r.body.toString('utf8')) as T;
}

/** Counts the bytes of a response without keeping them (a 10k-pod LIST is ~50 MB). */
export function drain(ep: Endpoint, path: string): Promise<{ status: number; bytes: number; ms: number }> {
  return retryOnStaleSocket(() => drainOnce(ep, path));
}

function drainOnce(
  ep: Endpoint,
  path: string,
): { promise: Promise<{ status: number; bytes: number; ms: number }>; reused: () => boolean } {
  const url = new URL(path, ep.base);
  const lib = url.protocol === 'https:' ? https : http;
  const started = performance.now();
  let req: http.ClientRequest | undefined;
  const promise = new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) => {
    req = lib.request(
      url,
      { headers: { Accept: 'application/json', ...ep.headers }, agent: ep.agent, timeout: 300_000 },
      (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req?.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
  return { promise, reused: () => Boolean(req?.reusedSocket) };
}

/**
 * A raw watch (newline-delimited JSON events) straight from the apiserver: the floor every live-event latency is
 * compared with. Returns a stop function.
 */
export function watchStream(
  ep: Endpoint,
  path: string,
  onEvent: (type: string, object: Record<string, unknown>) => void,
): () => void {
  const url = new URL(path, ep.base);
  const req = https.request(
    url,
    { headers: { Accept: 'application/json', ...ep.headers }, agent: false, ca: (ep.agent as https.Agent).options.ca },
    (res) => {
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (!line.trim()) continue;
          const e = JSON.parse(line) as { type: string; object: Record<string, unknown> };
          onEvent(e.type, e.object);
        }
      });
      res.on('error', () => undefined);
    },
  );
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}
