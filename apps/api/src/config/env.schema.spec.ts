import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.schema.js';

describe('configuration', () => {
  it('defaults to port 3000 on loopback with the public origin derived from the port', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.publicOrigin).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('turns on secure cookies when the public URL is https', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://console.example.com/' });
    expect(c.publicOrigin).toBe('https://console.example.com');
    expect(c.secureCookies).toBe(true);
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ WHEELHOUSE_ADMIN_PASSWORD: 'short' })).toThrow(/WHEELHOUSE_ADMIN_PASSWORD/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
