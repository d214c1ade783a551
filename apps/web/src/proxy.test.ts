import { describe, expect, it } from 'vitest';
import { buildCsp } from './proxy';

describe('content security policy', () => {
  it('allows scripts only by nonce and forbids framing', () => {
    const csp = buildCsp('abc123', false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // No third-party origin anywhere: the console must work without internet access.
    expect(csp).not.toMatch(/https?:/);
  });

  it('adds unsafe-eval only for the dev server', () => {
    expect(buildCsp('n', true)).toContain("'unsafe-eval'");
  });
});
