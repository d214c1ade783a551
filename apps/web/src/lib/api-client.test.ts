import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiCommand, apiRequest, parseRetryAfter } from './api-client';
import { UserSchema } from '@wheelhouse/shared';

const user = {
  id: 'u1',
  username: 'admin',
  displayName: 'Admin',
  email: null,
  origin: 'local',
  isAdmin: true,
  disabled: false,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastLoginAt: null,
};

function mockFetch(response: Response | Error) {
  const fn = vi.fn(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)));
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('42')).toBe(42);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 0)).toBe(61);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('apiRequest', () => {
  it('sends same-origin JSON and validates the answer', async () => {
    const fetchFn = mockFetch(Response.json(user));
    await expect(
      apiRequest('/api/auth/login', UserSchema, { method: 'POST', body: { username: 'a' } }),
    ).resolves.toEqual(user);
    expect(fetchFn).toHaveBeenCalledWith(
      '/api/auth/login',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        body: '{"username":"a"}',
        headers: expect.objectContaining({ 'content-type': 'application/json' }) as unknown,
      }),
    );
  });

  it('turns an error body into an ApiError with code, request id and Retry-After', async () => {
    mockFetch(
      Response.json(
        { code: 'AUTH_RATE_LIMITED', message: 'slow down', requestId: 'r1' },
        { status: 429, headers: { 'retry-after': '30' } },
      ),
    );
    const error = await apiRequest('/api/auth/login', UserSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'AUTH_RATE_LIMITED', requestId: 'r1', retryAfterSeconds: 30 });
  });

  it('reports unreadable answers as UNKNOWN and failed connections as NETWORK', async () => {
    mockFetch(new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(apiRequest('/api/users', UserSchema)).rejects.toMatchObject({ status: 502, code: 'UNKNOWN' });
    mockFetch(Response.json({ unexpected: true }));
    await expect(apiRequest('/api/auth/me', UserSchema)).rejects.toMatchObject({ code: 'UNKNOWN' });
    mockFetch(new TypeError('fetch failed'));
    await expect(apiCommand('/api/auth/logout', { method: 'POST' })).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
    });
  });
});
