import Provider from 'oidc-provider';
import type { Server } from 'node:http';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

// No imports from src/: skewed-clock-oidc-provider.ts loads this file in a plain Node process (type stripping).
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface TestAccount {
  preferred_username: string;
  name: string;
  email: string;
  groups: string[];
}

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

/**
 * A real OpenID Provider (node-oidc-provider) in this process on a free loopback port: code flow with PKCE
 * required, dev interactions (a login form that accepts any password), and a `groups` claim.
 */
export async function startOidcProvider(clients: TestClient[], accounts: Record<string, TestAccount>, ttl: { AuthorizationCode?: number } = {}) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({ ...c, response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_post' })),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['wheelhouse-test-cookie-key'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    ttl: { AuthorizationCode: ttl.AuthorizationCode ?? 60 },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts[sub];
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A minimal browser: a cookie jar per host and manual redirects, so each hop can be inspected or tampered with. */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string, extraCookie?: string): Promise<Response> {
    return this.send(url, { method: 'GET' }, extraCookie);
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(url, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Follows redirects while they stay on `host` (as the browser would, but stopping where we want). */
  async follow(url: string, stopAt: (u: URL) => boolean): Promise<URL> {
    let current = new URL(url);
    for (let i = 0; i < 20; i++) {
      if (stopAt(current)) return current;
      const res = await this.get(current.toString());
      const location = res.headers.get('location');
      if (!location) return current;
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  private async send(url: string, init: RequestInit, extraCookie?: string): Promise<Response> {
    const u = new URL(url);
    const jar = this.jars.get(u.host) ?? new Map<string, string>();
    this.jars.set(u.host, jar);
    const cookie = [...jar.entries()].map(([k, v]) => `${k}=${v}`).concat(extraCookie ? [extraCookie] : []).join('; ');
    const res = await fetch(u, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [k, ...v] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(set)) jar.delete(k!.trim());
      else jar.set(k!.trim(), v.join('='));
    }
    return res;
  }
}

/** The same provider in a child process whose clock is `skewSeconds` behind (see skewed-clock-oidc-provider.ts). */
export async function startSkewedOidcProvider(clients: TestClient[], accounts: Record<string, TestAccount>, skewSeconds: number) {
  const child = spawn(process.execPath, [new URL('./skewed-clock-oidc-provider.ts', import.meta.url).pathname], {
    env: { ...process.env, OP_CLOCK_SKEW_SECONDS: String(skewSeconds), OP_CONFIG: JSON.stringify({ clients, accounts }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the skewed OpenID Provider exited (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
