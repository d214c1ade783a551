import { describe, expect, it } from 'vitest';
import { loginHref, safeRedirectTarget } from './api';

describe('post-login redirect', () => {
  it('keeps same-site paths', () => {
    expect(safeRedirectTarget('/admin/users?page=2')).toBe('/admin/users?page=2');
    expect(loginHref('/workloads')).toBe('/login?next=%2Fworkloads');
  });

  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '',
    undefined,
    '/login?next=/x',
  ])('sends %s home', (target) => {
    expect(safeRedirectTarget(target)).toBe('/');
  });
});
