import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { binaryDir } from '@wheelhouse/cluster';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../setup/test-app.js';

/**
 * The proxy tests need a real listening port (kubectl is a separate process) and a PUBLIC_URL that is that port
 * (the downloaded kubeconfig points at it), so sessions here send that origin instead of test-app's ORIGIN.
 */
export interface ProxyTestApp extends TestApp {
  base: string;
  port: number;
}

export async function startListeningApp(env: Record<string, string> = {}): Promise<ProxyTestApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await startTestApp({ PUBLIC_URL: base, CLUSTER_HEALTH_INTERVAL_SECONDS: '0', ...env });
  await t.app.listen(port, '127.0.0.1');
  return { ...t, base, port };
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** A signed-in browser-like client for the app's own origin. */
export async function session(t: ProxyTestApp, username: string, password: string) {
  const agent = request.agent(t.server);
  const o = t.base;
  const s = {
    agent,
    get: (url: string) => agent.get(url).set('Origin', o),
    post: (url: string, body?: object) => agent.post(url).set('Origin', o).send(body),
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

  private env() {
    return { PATH: process.env.PATH ?? '', HOME: this.home, KUBECONFIG: join(this.home, 'none'), KUBECACHEDIR: join(this.home, 'cache') };
  }

  /** `--server <proxy> --token <token>`, or a kubeconfig file. */
  target(server: string, auth: { token: string } | { kubeconfig: string }): string[] {
    return 'token' in auth ? ['--server', server, '--token', auth.token] : ['--kubeconfig', auth.kubeconfig];
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
