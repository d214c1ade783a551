import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { connect, type Socket } from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { binaryDir } from '@wheelhouse/cluster';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../setup/test-app.js';

/**
 * The proxy tests need real listening ports: kubectl is a separate process, and it sends bearer tokens only over
 * TLS (never over plain http, kubernetes/kubectl#744). So the app listens on plain http and a TLS front with a
 * throwaway self-signed certificate forwards to it, as an ingress would; PUBLIC_URL is the TLS front, so the
 * downloaded kubeconfig points there and sessions carry that origin (and Secure cookies).
 */
export interface ProxyTestApp extends TestApp {
  /** https://127.0.0.1:<tls port>: PUBLIC_URL, what kubectl talks to. */
  base: string;
  /** The app's own plain-http port, for raw requests. */
  port: number;
  /** PEM of the self-signed certificate of the TLS front (kubectl --certificate-authority). */
  caFile: string;
  ca: string;
}

export async function startListeningApp(env: Record<string, string> = {}): Promise<ProxyTestApp> {
  const dir = await mkdtemp(join(tmpdir(), 'wh-proxy-tls-'));
  const caFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', caFile]);
  const ca = await readFile(caFile, 'utf8');
  let appPort = 0;
  const sockets = new Set<Socket>();
  const front = tls.createServer({ key: await readFile(keyFile), cert: ca, ALPNProtocols: ['http/1.1'] }, (client) => {
    const upstream = connect(appPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const base = `https://127.0.0.1:${(front.address() as { port: number }).port}`;
  const t = await startTestApp({ PUBLIC_URL: base, CLUSTER_HEALTH_INTERVAL_SECONDS: '0', ...env });
  await t.app.listen(0, '127.0.0.1');
  appPort = (t.server.address() as { port: number }).port;
  return {
    ...t,
    base,
    port: appPort,
    caFile,
    ca,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => front.close(resolve));
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => execFile(cmd, args, (err) => (err ? reject(new Error(`${cmd} failed: ${err.message}`)) : resolve())));
}

/** A signed-in browser-like client on the app's public (TLS) origin. */
export async function session(t: ProxyTestApp, username: string, password: string) {
  const agent = request.agent(t.base, { ca: t.ca });
  const o = t.base;
  const s = {
    agent,
    get: (url: string) => agent.get(url).set('Origin', o),
    post: (url: string, body?: object) => agent.post(url).set('Origin', o).send(body),
    patch: (url: string, body?: object) => agent.patch(url).set('Origin', o).send(body),
    delete: (url: string) => agent.delete(url).set('Origin', o),
  };
  const res = await s.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return s;
}
export type Session = Awaited<ReturnType<typeof session>>;

export const adminSession = (t: ProxyTestApp) => session(t, 'admin', ADMIN_PASSWORD);

/** Creates a user, signs in, and mints an API token from that session. */
export async function userWithToken(t: ProxyTestApp, admin: Session, username: string) {
  const password = `${username}-password-1`;
  const created = await admin.post('/api/users', { username, password });
  if (created.status !== 201) throw new Error(`create ${username}: ${created.status}`);
  const s = await session(t, username, password);
  const token = (await s.post('/api/tokens', { name: 'kubectl', expiresInDays: 1 })).body.token as string;
  return { id: created.body.id as string, session: s, token };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real kubectl, isolated from the machine's own kubeconfig and discovery cache. */
export class Kubectl {
  readonly bin = join(binaryDir(), 'kubectl');
  private home = '';

  async init(): Promise<void> {
    this.home = await mkdtemp(join(tmpdir(), 'wh-kubectl-'));
  }

  async cleanup(): Promise<void> {
    await rm(this.home, { recursive: true, force: true });
  }

  /** Extra environment for every run (e.g. KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false to force SPDY). */
  extraEnv: Record<string, string> = {};

  private env() {
    return { PATH: process.env.PATH ?? '', HOME: this.home, KUBECONFIG: join(this.home, 'none'), KUBECACHEDIR: join(this.home, 'cache'), ...this.extraEnv };
  }

  /** `--server <proxy> --token <token>` (trusting the TLS front's certificate). */
  target(t: ProxyTestApp, token: string): string[] {
    return ['--server', `${t.base}/k8s/clusters/c1`, '--certificate-authority', t.caFile, '--token', token];
  }

  run(args: string[], input?: string, timeoutMs = 25_000): Promise<Run> {
    return new Promise((resolve) => {
      const child = execFile(this.bin, args, { env: this.env(), timeout: timeoutMs }, (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
      if (input !== undefined) child.stdin!.end(input);
    });
  }

  spawn(args: string[]): ChildProcess {
    return spawn(this.bin, args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

/** A raw HTTP request with an exact path (no client-side normalisation of `..` or `%2e`). */
export function raw(t: ProxyTestApp, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: t.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens a streaming GET; collects the body as it arrives. */
export function stream(t: ProxyTestApp, path: string, headers: Record<string, string>) {
  let text = '';
  let status = 0;
  let ended = false;
  const req = http.get({ host: '127.0.0.1', port: t.port, path, headers }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    res.on('close', () => (ended = true));
  });
  req.on('error', () => (ended = true));
  return {
    get status() {
      return status;
    },
    get text() {
      return text;
    },
    get ended() {
      return ended;
    },
    close: () => req.destroy(),
  };
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}
