'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { AccessDecisionSchema, SecretRevealSchema, type ObjectRef } from '@wheelhouse/shared';
import { apiRequest } from '@/lib/api-client';
import { toQueryString } from '@/lib/query-string';

/** `POST …/secrets/:name/reveal`: the real values, audited on the server. Never cached. */
export function useRevealSecret(target: ObjectRef) {
  return useMutation({
    mutationFn: () =>
      apiRequest(
        `/api/clusters/${encodeURIComponent(target.cluster)}/resources/core/v1/secrets/${encodeURIComponent(target.name)}/reveal${toQueryString({ namespace: target.namespace })}`,
        SecretRevealSchema,
        { method: 'POST' },
      ),
  });
}

/**
 * Whether the console's RBAC lets the user `get` this Secret (what reveal needs), asked of the explainer for this
 * namespace: the global permission summary knows nothing of namespace-scoped roles. Only hides a button.
 */
export function useCanReveal(target: ObjectRef): boolean {
  const decision = useQuery({
    queryKey: ['explain', 'reveal', target.cluster, target.namespace, target.name],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/rbac/explain${toQueryString({ verb: 'get', group: '', resource: 'secrets', cluster: target.cluster, namespace: target.namespace, name: target.name })}`,
        AccessDecisionSchema,
        { signal },
      ),
    staleTime: 30_000,
  });
  return decision.data?.allowed ?? false;
}
