'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiTokenSchema, CreatedApiTokenSchema, type CreateApiTokenRequest } from '@wheelhouse/shared';
import { z } from 'zod';
import { apiCommand, apiRequest } from '@/lib/api-client';

const TokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
const TOKENS_KEY = ['tokens'] as const;

/** The signed-in user's own API tokens. */
export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => apiRequest('/api/tokens', TokenListSchema, { signal }),
  });
}

/** The answer carries the token itself, once; it is kept only in the mutation result until the dialog closes. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenRequest) =>
      apiRequest('/api/tokens', CreatedApiTokenSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiCommand(`/api/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
