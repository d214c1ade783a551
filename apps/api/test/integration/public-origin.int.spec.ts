import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

// The console opened at another address than PUBLIC_URL: loopback spellings of a loopback PUBLIC_URL are sent to
// it before any page loads; any other address is refused at sign-in with ORIGIN_MISMATCH, naming both origins.
// A plain HTTP server stands in for the Next.js server behind the web proxy (it only has to say "I was reached").

let web: Server;
let webHits: string[] = [];
let local: TestApp;
let port: number;
let corp: TestApp;

const listen = (server: Server, p = 0) =>
  new Promise<number>((resolve) => server.listen(p, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** One request over a real socket to the API's port, with the Host header a browser would send for `host`. */
function get(host: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  web = createServer((req, res) => {
    webHits.push(`${req.headers.host} ${req.url}`);
    res.setHeader('content-type', 'text/html');
    res.end('<p>the web app</p>');
  });
  const webPort = await listen(web);
  // The port is fixed before the app starts because PUBLIC_URL names it, as in a real deployment.
  const probe = createServer();
  port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  local = await startTestApp({ PUBLIC_URL: `http://localhost:${port}`, WEB_UPSTREAM: `http://127.0.0.1:${webPort}` });
  await local.app.listen(port, '127.0.0.1');
  corp = await startTestApp({ PUBLIC_URL: 'https://console.corp', WEB_UPSTREAM: `http://127.0.0.1:${webPort}` }, local.db);
});

afterAll(async () => {
  await corp?.close();
  await local?.close();
  await new Promise((resolve) => web?.close(resolve));
});

describe('loopback spellings of PUBLIC_URL', () => {
  it.each(['127.0.0.1', '[::1]', '127.0.0.2'])('a page at %s is redirected to PUBLIC_URL before it loads', async (hostname) => {
    webHits = [];
    const res = await get(`${hostname}:${port}`, '/login?next=%2Fclusters');
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe(`http://localhost:${port}/login?next=%2Fclusters`);
    expect(res.headers['cache-control']).toBe('no-store'); // a later PUBLIC_URL change must not meet a cached redirect
    expect(webHits).toEqual([]);
  });

  it('following the redirect reaches the web app at PUBLIC_URL', async () => {
    webHits = [];
    const first = await fetch(`http://127.0.0.1:${port}/clusters`, { redirect: 'manual' });
    expect(first.status).toBe(307);
    const page = await fetch(first.headers.get('location')!, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('the web app');
    expect(webHits).toEqual([`localhost:${port} /clusters`]);
  });

  it('a path that looks like another host stays a path on PUBLIC_URL', async () => {
    const res = await get(`127.0.0.1:${port}`, '//evil.example/x');
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe(`http://localhost:${port}//evil.example/x`);
  });

  it('API calls, other ports and non-loopback hosts are not redirected', async () => {
    webHits = [];
    expect((await get(`127.0.0.1:${port}`, '/api/auth/me')).status).toBe(401);
    expect((await get(`127.0.0.1:${port}`, '/readyz')).status).toBe(200);
    expect((await get(`10.0.0.5:${port}`, '/login')).status).toBe(200);
    expect((await get(`127.0.0.1:${port + 1}`, '/login')).status).toBe(200);
    expect(webHits).toEqual([`10.0.0.5:${port} /login`, `127.0.0.1:${port + 1} /login`]);
  });
});

describe('sign-in from another address than PUBLIC_URL', () => {
  const sessions = async () => (await query<{ n: number }>(local.db.url, 'SELECT count(*)::int AS n FROM sessions'))[0]!.n;
  const login = (headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });

  it('answers ORIGIN_MISMATCH with both origins for the console opened elsewhere, and signs nobody in', async () => {
    const before = await sessions();
    const res = await login({ origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { code: string; details: unknown };
    expect(body.code).toBe('ORIGIN_MISMATCH');
    expect(body.details).toEqual({ expected: `http://localhost:${port}`, got: `http://127.0.0.1:${port}` });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await sessions()).toBe(before);
  });

  it('says the same for PUBLIC_URL=https://console.corp opened at http://10.0.0.5:3000', async () => {
    const res = await request(corp.server)
      .post('/api/auth/login')
      .set({ host: '10.0.0.5:3000', origin: 'http://10.0.0.5:3000' }) // a browser without Fetch Metadata
      .send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'ORIGIN_MISMATCH', details: { expected: 'https://console.corp', got: 'http://10.0.0.5:3000' } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['a cross-site page', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a same-site page', { origin: `http://evil.localhost:${port}`, 'sec-fetch-site': 'same-site' }],
    ['no Origin at all', {}],
  ])('keeps CSRF_FAILED for %s', async (_name, headers) => {
    const before = await sessions();
    const res = await login(headers);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { code: string; details?: unknown };
    expect(body.code).toBe('CSRF_FAILED');
    expect(body.details).toBeUndefined();
    expect(await sessions()).toBe(before);
  });

  it('signs in from PUBLIC_URL itself', async () => {
    const res = await login({ origin: `http://localhost:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
  });
});
