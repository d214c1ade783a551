import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('health and API docs', () => {
  it('/healthz answers without a session', async () => {
    const res = await request(t.server).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('/readyz reports the database migrated', async () => {
    const res = await request(t.server).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.migrations).toBeGreaterThanOrEqual(1);
  });

  it('serves an OpenAPI document generated from the shared zod schemas', async () => {
    const res = await request(t.server).get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/auth/login'].post).toBeDefined();
    const schemas = JSON.stringify(res.body.components?.schemas ?? {});
    expect(schemas).toContain('LoginRequest');
    expect(schemas).toContain('User');
  });

  it('sends security headers and a request id on API responses', async () => {
    const res = await request(t.server).get('/api/auth/me');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-request-id']).toMatch(/.+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
