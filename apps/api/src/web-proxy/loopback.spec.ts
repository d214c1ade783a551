import { describe, expect, it } from 'vitest';
import { isLoopbackAlias } from './loopback.js';

const LOCAL = new URL('http://localhost:3000');

describe('loopback spellings of PUBLIC_URL', () => {
  it.each(['127.0.0.1:3000', '127.1:3000', '0x7f.0.0.1:3000', '127.8.9.10:3000', '[::1]:3000', '[0:0::1]:3000', '[::ffff:127.0.0.1]:3000', 'app.localhost:3000', 'LOCALHOST.:3000'])(
    '%s is the same console',
    (host) => expect(isLoopbackAlias('http', host, LOCAL)).toBe(true),
  );

  it.each([
    ['PUBLIC_URL itself', 'http', 'localhost:3000'],
    ['another port', 'http', '127.0.0.1:3001'],
    ['the default port', 'http', '127.0.0.1'],
    ['another scheme', 'https', '127.0.0.1:3000'],
    ['a LAN address', 'http', '10.0.0.5:3000'],
    ['a look-alike name', 'http', 'localhost.evil.example:3000'],
    ['credentials in the Host', 'http', 'a@127.0.0.1:3000'],
    ['a path in the Host', 'http', '127.0.0.1:3000/x'],
    ['no Host', 'http', undefined],
  ])('%s is not', (_name, scheme, host) => expect(isLoopbackAlias(scheme, host, LOCAL)).toBe(false));

  it('applies only when PUBLIC_URL itself is a loopback address', () => {
    expect(isLoopbackAlias('http', '127.0.0.1:3000', new URL('http://console.corp:3000'))).toBe(false);
    expect(isLoopbackAlias('http', 'localhost:3000', new URL('http://127.0.0.1:3000'))).toBe(true);
  });
});
