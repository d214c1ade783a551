'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IdentityProviderSchema,
  ProviderTestResultSchema,
  type CreateIdentityProviderRequest,
  type UpdateIdentityProviderRequest,
} from '@wheelhouse/shared';
import { z } from 'zod';
import { apiCommand, apiRequest } from '@/lib/api-client';

const KEY = ['identity-providers'] as const;
const path = (id: string) => `/api/identity-providers/${encodeURIComponent(id)}`;

export function useIdentityProviders() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      apiRequest('/api/identity-providers', z.object({ items: z.array(IdentityProviderSchema) }), { signal }),
  });
}

export function useSaveProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { create: CreateIdentityProviderRequest } | { id: string; update: UpdateIdentityProviderRequest },
    ) =>
      'create' in input
        ? apiRequest('/api/identity-providers', IdentityProviderSchema, { method: 'POST', body: input.create })
        : apiRequest(path(input.id), IdentityProviderSchema, { method: 'PATCH', body: input.update }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCommand(path(id), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useTestProvider() {
  return useMutation({
    mutationFn: ({ id, username }: { id: string; username?: string }) =>
      apiRequest(`${path(id)}/test`, ProviderTestResultSchema, { method: 'POST', body: username ? { username } : {} }),
  });
}
