import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { egressAgents, guardedLookup } from './egress.js';

let server: http.Server;
let port: number;
let hits = 0;
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits += 1;
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => vi.restoreAllMocks());

const agents = egressAgents();
function get(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host, port, path: '/', agent: agents.http }, (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode)));
      })
      .on('error', reject);
  });
}

/** DNS answering `addresses` for `name` only (a rebinding resolver); everything else resolves normally. */
function resolveAs(name: string, addresses: string[]) {
  const real = dns.lookup.bind(dns) as (...a: unknown[]) => void;
  vi.spyOn(dns, 'lookup').mockImplementation(((host: string, options: unknown, cb: (...a: unknown[]) => void) => {
    if (host !== name) return real(host, options, cb);
    process.nextTick(() => cb(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))));
  }) as never);
}

describe('guarded connections', () => {
  it('connect to an allowed name over a real socket', async () => {
    const before = hits;
    expect(await get('localhost')).toBe('200');
    expect(hits).toBe(before + 1);
  });

  it('refuse a name that resolves to a metadata address at connect time, before any byte is sent', async () => {
    resolveAs('rebound.test', ['169.254.169.254']);
    const before = hits;
    await expect(get('rebound.test')).rejects.toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' });
    expect(hits).toBe(before);
  });

  it('refuse when any one of the resolved addresses is denied (no picking the allowed one)', async () => {
    resolveAs('mixed.test', ['127.0.0.1', '::ffff:100.100.100.200']);
    await expect(get('mixed.test')).rejects.toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' });
  });

  it('refuse metadata hostnames without asking DNS', async () => {
    const spy = vi.spyOn(dns, 'lookup');
    await new Promise<void>((resolve) =>
      guardedLookup('metadata.google.internal.', { all: true }, (err) => {
        expect(err).toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' });
        resolve();
      }),
    );
    expect(spy).not.toHaveBeenCalled();
  });
});
