'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LoginProviderSchema, UserSchema, type LoginRequest } from '@wheelhouse/shared';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { ME_QUERY_KEY } from '@/lib/query-client';

/** Enabled identity providers for the login page (public: no settings, just how to sign in). */
export function useLoginProviders() {
  return useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: ({ signal }) =>
      apiRequest('/api/auth/providers', z.object({ items: z.array(LoginProviderSchema) }), { signal }),
    retry: false,
    staleTime: 60_000,
  });
}

/** Local login when `provider` is undefined, else the LDAP provider's login (same answers). */
export function useProviderLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ provider, body }: { provider?: string; body: LoginRequest }) =>
      apiRequest(provider ? `/api/auth/ldap/${encodeURIComponent(provider)}/login` : '/api/auth/login', UserSchema, {
        method: 'POST',
        body,
      }),
    onSuccess: (user) => queryClient.setQueryData(ME_QUERY_KEY, user),
  });
}

/** Where an OIDC button goes: a full-page navigation; the browser comes back signed in to `next`. */
export const oidcStartHref = (id: string, next: string) =>
  `/api/auth/oidc/${encodeURIComponent(id)}/start?next=${encodeURIComponent(next)}`;
