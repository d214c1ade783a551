import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const run = promisify(execFile);
let t: TestApp;
let ca: Buffer;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wh-tls-'));
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=wheelhouse-test', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
  ca = await readFile(join(dir, 'cert.pem'));
  t = await startTestApp({ TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem'), PUBLIC_URL: 'https://127.0.0.1' });
  await t.app.listen(0, '127.0.0.1');
});
afterAll(async () => t.close());

describe('serving HTTPS directly', () => {
  it('answers over TLS with the configured certificate and marks session cookies Secure', async () => {
    const port = (t.server.address() as AddressInfo).port;
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/healthz', ca }, (r) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
    expect(t.config.secureCookies).toBe(true);
  });
});
