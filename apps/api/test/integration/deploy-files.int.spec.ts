import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** docker-compose.yml checked by Debian's docker-compose (no Docker engine is needed for `config`). */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const SECRETS = { POSTGRES_PASSWORD: 'pg-secret', WHEELHOUSE_SECRET_KEY: 'a2V5LWtleS1rZXkta2V5LWtleS1rZXkta2V5LWtleQ==' };

function compose(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in SECRETS)));
  return spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args], { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' });
}

describe('docker-compose.yml', () => {
  it('is a valid compose file with postgres, redis, api and web', () => {
    const res = compose(['config'], SECRETS);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    for (const service of ['postgres:', 'redis:', 'api:', 'web:']) expect(res.stdout).toContain(service);
    expect(res.stdout).toContain('WEB_UPSTREAM: http://web:3001');
    expect(res.stdout).toContain('REDIS_URL: redis://redis:6379');
  });

  it('refuses to render without the secrets: there are no default credentials', () => {
    const res = compose(['config', '-q'], {});
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/POSTGRES_PASSWORD|WHEELHOUSE_SECRET_KEY/);
  });
});
