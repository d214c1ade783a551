'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LogoutResponseSchema, UserSchema, type ChangePasswordRequest, type LoginRequest } from '@wheelhouse/shared';
import { apiCommand, apiRequest } from '@/lib/api-client';
import { ME_QUERY_KEY } from '@/lib/query-client';

export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => apiRequest('/api/auth/me', UserSchema, { signal }),
    retry: false,
    staleTime: 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => apiRequest('/api/auth/login', UserSchema, { method: 'POST', body }),
    onSuccess: (user) => queryClient.setQueryData(ME_QUERY_KEY, user),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout', LogoutResponseSchema, { method: 'POST' }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => apiCommand('/api/auth/password', { method: 'POST', body }),
    // The server rotates the session and clears mustChangePassword: read the user again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

/** Only same-site paths are valid targets after login; anything else (//evil, https://…) goes home. */
export function safeRedirectTarget(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) {
    return '/';
  }
  return next;
}

export function loginHref(returnTo: string): string {
  const target = safeRedirectTarget(returnTo);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}
