import { monitorEventLoopDelay } from 'node:perf_hooks';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_PASSWORD, ORIGIN, loginAs, startTestApp, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

let t: TestApp;
let admin: Browser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => t.close());

const SIZE = 900_000;
/** Bodies just under the 1 MB limit that are cheap to send and (before the fix) expensive to parse. */
const hostile: Record<string, string> = {
  'nested flow sequences': `clusters: ${'['.repeat(SIZE / 2)}${']'.repeat(SIZE / 2)}`,
  'nested flow mappings': `clusters: ${'{a: '.repeat(SIZE / 5)}${'}'.repeat(SIZE / 5)}`,
  'compact nested sequences': `clusters:\n${'- '.repeat(SIZE / 2)}x`,
  'one flat list of 450k items': `clusters: [${'1,'.repeat(SIZE / 2)}1]`,
  'one mapping of 60k keys': `clusters:\n${Array.from({ length: 60_000 }, (_, i) => `  k${i}: v`).join('\n')}`,
};

describe('parse cost of user YAML and JSON is bounded before parsing', () => {
  for (const [name, kubeconfig] of Object.entries(hostile)) {
    it(`kubeconfig preview and import of ${name} → 413 PAYLOAD_TOO_COMPLEX, nothing registered`, async () => {
      const preview = await admin.post('/api/clusters/kubeconfig/preview', { kubeconfig });
      expect(preview.status).toBe(413);
      expect(preview.body.code).toBe('PAYLOAD_TOO_COMPLEX');
      const register = await admin.post('/api/clusters', { method: 'kubeconfig', id: 'hostile', kubeconfig, context: 'x' });
      expect(register.body.code).toBe('PAYLOAD_TOO_COMPLEX');
      expect(await query(t.db.url, `SELECT 1 FROM clusters WHERE id = 'hostile'`)).toHaveLength(0);
    });
  }

  it('the event loop keeps turning while a hostile kubeconfig is refused (no turn waits ≥ 1 s; it stalled ~3 s)', async () => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const [bad, health] = await Promise.all([
      admin.post('/api/clusters/kubeconfig/preview', { kubeconfig: hostile['nested flow sequences'] }),
      request(t.server).get('/healthz'),
    ]);
    loop.disable();
    expect(bad.body.code).toBe('PAYLOAD_TOO_COMPLEX');
    expect(health.status).toBe(200);
    expect(loop.max / 1e6).toBeLessThan(1000);
  });

  it('a real kubeconfig (YAML, and the same as JSON) still previews', async () => {
    const { kubeconfigYaml } = inject('clusters')[0]!;
    const yaml = await admin.post('/api/clusters/kubeconfig/preview', { kubeconfig: kubeconfigYaml });
    expect(yaml.status, JSON.stringify(yaml.body)).toBe(200);
    expect(yaml.body.contexts.length).toBeGreaterThan(0);
    const { parse } = await import('yaml');
    const json = await admin.post('/api/clusters/kubeconfig/preview', { kubeconfig: JSON.stringify(parse(kubeconfigYaml), null, 2) });
    expect(json.status).toBe(200);
    expect(json.body.contexts).toEqual(yaml.body.contexts);
  });

  it('a deeply nested JSON body to any route → 413 PAYLOAD_TOO_COMPLEX before anything runs; normal bodies pass', async () => {
    const deep = `{"username":"admin","password":"x","extra":${'['.repeat(SIZE / 2)}${']'.repeat(SIZE / 2)}}`;
    for (const path of ['/api/auth/login', '/api/users']) {
      const res = await request(t.server).post(path).set('Origin', ORIGIN).set('Content-Type', 'application/json').send(deep);
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_COMPLEX');
    }
    // Brackets inside strings are text, not nesting.
    const res = await request(t.server).post('/api/auth/login').set('Origin', ORIGIN).send({ username: 'admin', password: '['.repeat(200) });
    expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });
});
