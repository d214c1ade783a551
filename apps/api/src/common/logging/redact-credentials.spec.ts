import { describe, expect, it } from 'vitest';
import { redactCredentials, redactUrl } from './redact-credentials.js';

describe('redactUrl', () => {
  it('redacts credential-named query values and console tokens anywhere, keeps the rest', () => {
    expect(redactUrl('/api/x?token=abc&keep=1')).toBe('/api/x?token=[redacted]&keep=1');
    expect(redactUrl('/api/x?ACCESS_TOKEN=abc&%63ode=xyz')).toBe('/api/x?ACCESS_TOKEN=[redacted]&%63ode=[redacted]');
    expect(redactUrl('/k8s/wht_abcDEF-_1/pods?q=wht%5Fzzz')).toBe('/k8s/[redacted]/pods?q=[redacted]');
    expect(redactUrl('/api/plain?code')).toBe('/api/plain?code');
    expect(redactUrl('/api/bad?%E0%A4%A=1&password=p')).toBe('/api/bad?%E0%A4%A=1&password=[redacted]');
  });
});

describe('redactCredentials', () => {
  it('redacts inside free text', () => {
    expect(redactCredentials('GET https://h/x?id_token=eyJ.a.b failed; Bearer wht_abc')).toBe('GET https://h/x?id_token=[redacted] failed; Bearer [redacted]');
  });
});
