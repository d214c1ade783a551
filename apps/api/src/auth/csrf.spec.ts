import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { assertSameOrigin } from './csrf.js';

const ORIGIN = 'https://console.example.com';
function req(method: string, headers: Record<string, string>, json = true): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, get: (h: string) => lower[h.toLowerCase()], is: () => (json ? 'application/json' : false) } as unknown as Request;
}

describe('same-origin check for unsafe methods', () => {
  it('lets safe methods through from anywhere', () => {
    expect(() => assertSameOrigin(req('GET', { origin: 'https://evil.example' }), ORIGIN)).not.toThrow();
  });

  it('accepts the console origin and Sec-Fetch-Site: same-origin', () => {
    expect(() => assertSameOrigin(req('POST', { origin: ORIGIN }), ORIGIN)).not.toThrow();
    expect(() => assertSameOrigin(req('DELETE', { 'sec-fetch-site': 'same-origin' }), ORIGIN)).not.toThrow();
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['a look-alike origin', { origin: 'https://console.example.com.evil.example' }],
    ['the null origin', { origin: 'null' }],
    ['no origin at all', {}],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['same-site but not same-origin', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s', (_name, headers) => {
    expect(() => assertSameOrigin(req('POST', headers), ORIGIN)).toThrow(expect.objectContaining({ code: 'CSRF_FAILED' }));
  });

  it.each([
    ['the browser says same-origin', { origin: 'http://10.0.0.5:3000', 'sec-fetch-site': 'same-origin' }],
    ['no Fetch Metadata, Origin names the host asked', { origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' }],
  ])('answers ORIGIN_MISMATCH with both origins when the console was opened elsewhere: %s', (_name, headers) => {
    expect(() => assertSameOrigin(req('POST', headers), ORIGIN)).toThrow(
      expect.objectContaining({ code: 'ORIGIN_MISMATCH', status: 403, details: { expected: ORIGIN, got: 'http://10.0.0.5:3000' } }),
    );
  });

  it.each([
    ['a cross-site page', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', host: 'console.example.com' }],
    ['a same-site page', { origin: 'https://evil.example.com', 'sec-fetch-site': 'same-site', host: 'console.example.com' }],
    ['an old browser on another host', { origin: 'https://evil.example', host: 'console.example.com' }],
    ['a same-origin claim with the null origin', { origin: 'null', 'sec-fetch-site': 'same-origin' }],
  ])('keeps CSRF_FAILED for %s', (_name, headers) => {
    expect(() => assertSameOrigin(req('POST', headers), ORIGIN)).toThrow(expect.objectContaining({ code: 'CSRF_FAILED' }));
  });

  it('refuses a non-JSON body from the right origin with 415', () => {
    expect(() => assertSameOrigin(req('POST', { origin: ORIGIN, 'content-length': '10' }, false), ORIGIN)).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 }),
    );
  });
});
