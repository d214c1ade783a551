import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startTestApp, type TestApp } from '../setup/test-app.js';

/** The API's own request log (LOG_LEVEL=info), read from the stream it writes to. */
const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'info' }, undefined, { write: (line: string) => void lines.push(line) });
});
afterAll(async () => t.close());

/** The line pino-http wrote for one request (it is written when the response ends, so wait for it, bounded). */
async function logLineOf(requestId: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const line = lines.find((l) => l.includes(`"id":"${requestId}"`) && l.includes('"url"'));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no log line for request ${requestId}:\n${lines.join('')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const TOKEN = 'wht_S3cretTokenValue-abc_def';

describe('credentials never reach the request log', () => {
  it('a console token in the query (refused) is logged as [redacted]', async () => {
    const res = await request(t.server).get(`/api/auth/me?access_token=${TOKEN}`).set('Origin', ORIGIN);
    expect(res.status).toBe(401);
    const line = await logLineOf(String(res.headers['x-request-id']));
    expect(line).not.toContain('S3cretTokenValue');
    expect(line).toContain('access_token=[redacted]');
  });

  it('credential-named parameters (any case, percent-encoded names) and tokens in the path are redacted; other parameters stay', async () => {
    const url = `/api/tokens/${TOKEN}/x?Token=tok-value-1&id_token=idt-value-2&code=code-value-3&pass%77ord=pw-value-4&secret=sec-value-5&q=${encodeURIComponent(TOKEN)}&keep=visible-value`;
    const res = await request(t.server).get(url).set('Origin', ORIGIN);
    const line = await logLineOf(String(res.headers['x-request-id']));
    for (const secret of ['S3cretTokenValue', 'tok-value-1', 'idt-value-2', 'code-value-3', 'pw-value-4', 'sec-value-5']) expect(line).not.toContain(secret);
    expect(line).toContain('/api/tokens/[redacted]/x?');
    expect(line).toContain('code=[redacted]');
    expect(line).toContain('q=[redacted]');
    expect(line).toContain('keep=visible-value');
  });

  it('an OIDC callback code is redacted', async () => {
    const res = await request(t.server).get('/api/auth/oidc/nobody/callback?code=oidc-code-secret&state=abc').set('Origin', ORIGIN);
    const line = await logLineOf(String(res.headers['x-request-id']));
    expect(line).not.toContain('oidc-code-secret');
    expect(line).toContain('code=[redacted]');
  });
});
