import { describe, expect, it } from 'vitest';
import { safeNext } from './oidc-client.js';

describe('post-login redirect', () => {
  it.each([
    ['/clusters', '/clusters'],
    ['/admin/users?x=1', '/admin/users?x=1'],
    [undefined, '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\r\nSet-Cookie: x', '/'],
  ])('%j → %j', (input, expected) => expect(safeNext(input)).toBe(expected));
});
