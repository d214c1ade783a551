// The real, built API (apps/api/dist/main.js) as a child process with its own embedded PostgreSQL, so its event
// loop, heap and CPU are its own and not the load generator's. The probe (probe.ts) is preloaded for loop lag and
// heap; /proc gives RSS and CPU from the outside.
import { fork, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { endpoint, json, request, type Endpoint } from './http.ts';
import { sleep } from './stats.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
export const MAIN = join(ROOT, 'apps/api/dist/main.js');
const PROBE = new URL('./probe.ts', import.meta.url).pathname;
const ADMIN_PASSWORD = 'bench-admin-password-1';
export const CLUSTER_ID = 'bench';

export interface Lag {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  count: number;
  /** GC pauses in the same window (absent in results of runs before the probe reported them). */
  gc?: { count: number; totalMs: number; maxMs: number };
}
export interface Heap {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  gcExposed: boolean;
}

export interface ApiProcess {
  pid: number;
  origin: string;
  /** Signed-in admin (session cookie + Origin), for the console's own REST routes. */
  console: Endpoint;
  /** The kubectl-compatible proxy with an API token: `/k8s/clusters/bench/...`. */
  proxy: Endpoint;
  cookie: string;
  logPath: string;
  probe<T>(cmd: 'lag-reset' | 'lag' | 'heap' | 'cpu'): Promise<T>;
  /** Resident set size from /proc (includes what V8's heap numbers do not: buffers, code, PostgreSQL client). */
  rss(): number;
  /** User+system CPU seconds of the process so far, from /proc. */
  cpuSeconds(): number;
  socket(): Promise<Socket>;
  stop(): Promise<void>;
}

/** A free loopback TCP port (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export async function startApi(
  cluster: { server: string; caData: string; token: string },
  logDir: string,
): Promise<ApiProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'wheelhouse-bench-'));
  const logPath = join(logDir, 'api.log');
  const log = openSync(logPath, 'a');
  const child: ChildProcess = fork(MAIN, [], {
    execArgv: ['--expose-gc', '--import', PROBE],
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      WHEELHOUSE_DATA_DIR: dataDir,
      WHEELHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Request logging is I/O the bench does not mean to measure; warnings and errors are still written.
      LOG_LEVEL: 'warn',
      // The bench decides when informers start and stop; the periodic health probe would only add noise.
      INFORMER_GRACE_SECONDS: '3600',
      // S6–S8 open hundreds of viewer sockets with one admin session: the per-session/user caps are not under test.
      STREAM_SOCKETS_PER_SESSION: '100000',
      STREAM_SOCKETS_PER_USER: '100000',
      CLUSTER_HEALTH_INTERVAL_SECONDS: '0',
      API_DOCS: 'false',
    },
    stdio: ['ignore', log, log, 'ipc'],
  });
  const pid = child.pid!;
  let exited = false;
  child.on('exit', () => (exited = true));
  const pending = new Map<number, (v: unknown) => void>();
  let nextId = 1;
  child.on('message', (m: { id: number; result: unknown }) => pending.get(m.id)?.(m.result));

  const anon = endpoint(origin, { Origin: origin });
  for (let t = 0; ; t++) {
    if (exited) throw new Error(`the API exited during startup; see ${logPath}`);
    if (t > 1200) throw new Error('the API did not answer /readyz within 120 s');
    const ok = await request(anon, 'GET', '/readyz').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(100);
  }
  const login = await request(anon, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  const setCookie = login.headers['set-cookie']?.find((c) => c.startsWith('wh_session='));
  if (login.status !== 200 || !setCookie) {
    throw new Error(`login failed: ${login.status} ${login.body.toString().slice(0, 200)}`);
  }
  const cookie = setCookie.split(';')[0]!;
  const admin = endpoint(origin, { Origin: origin, Cookie: cookie });
  const caPem = Buffer.from(cluster.caData, 'base64').toString('utf8');
  await json(admin, 'POST', '/api/clusters', {
    method: 'token',
    id: CLUSTER_ID,
    server: cluster.server,
    caData: caPem,
    token: cluster.token,
  });
  const created = await json<{ token: string }>(admin, 'POST', '/api/tokens', { name: 'bench', expiresInDays: 1 });
  const proxy = endpoint(origin, { Authorization: `Bearer ${created.token}` });

  const statFields = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = 100; // USER_HZ on Linux
  return {
    pid,
    origin,
    console: admin,
    proxy,
    cookie,
    logPath,
    probe<T>(cmd: 'lag-reset' | 'lag' | 'heap' | 'cpu'): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`probe ${cmd} timed out`)), 60_000);
        pending.set(id, (v) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(v as T);
        });
        child.send({ id, cmd });
      });
    },
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    cpuSeconds: () => {
      const f = statFields();
      return (Number(f[11]) + Number(f[12])) / ticks; // utime, stime (fields 14 and 15 of /proc/<pid>/stat)
    },
    socket: () => connectSocket(origin, cookie),
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([gone, sleep(20_000)]);
        if (!exited) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like socket.io client: the session cookie and the console's Origin, WebSocket transport only. */
function connectSocket(origin: string, cookie: string): Promise<Socket> {
  const s = io(origin, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { Cookie: cookie, Origin: origin },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', (err) => reject(err));
  });
}
