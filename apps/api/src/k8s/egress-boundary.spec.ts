import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every connection to a cluster must go through the guarded egress (address policy at connect time, no redirects):
 * raw-client.ts and proxy-transport.ts. client-node's own HTTP paths (API clients, Watch, exec/attach over its
 * WebSocket) use undici's fetch or their own agents, which follow redirects and bypass the resolver.
 */
const src = fileURLToPath(new URL('..', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}
const files = sources(src).map((p) => ({ path: relative(src, p), text: readFileSync(p, 'utf8') }));

describe('cluster egress boundary', () => {
  it.each([
    ['client-node API clients', /\bmakeApiClient\s*\(/],
    ["client-node's fetch-based Watch", /new\s+Watch\s*\(/],
    ["client-node's exec/attach/port-forward/log clients", /new\s+(Exec|Attach|PortForward|Log|Cp|Metrics|Top)\s*\(/],
    ['client-node request decoration for foreign transports', /applySecurityAuthentication|applyToFetchOptions/],
    ['undici or node-fetch', /from\s+['"](undici|node-fetch)['"]/],
  ])('nothing uses %s', (_what, pattern) => {
    expect(files.filter((f) => pattern.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it('the only network clients in k8s/ dial through the guarded resolver and check literal hosts first', () => {
    const httpImport = /^import (?!type)([^;]* from 'node:(http|https|tls)'|[^;]*\b(connect|createConnection|Socket)\b[^;]* from 'node:net');$/m;
    const clients = files.filter((f) => f.path.startsWith('k8s/') && f.path !== 'k8s/egress.ts' && httpImport.test(f.text)).map((f) => f.path).sort();
    expect(clients).toEqual(['k8s/proxy-transport.ts', 'k8s/raw-client.ts']);
    for (const f of files.filter((x) => clients.includes(x.path))) {
      expect(f.text).toMatch(/lookup: guardedLookup/);
      expect(f.text).toMatch(/assertAllowedUrl\(url\)/);
      expect(f.text).toMatch(/egressAgents\(\)/);
    }
  });
});
