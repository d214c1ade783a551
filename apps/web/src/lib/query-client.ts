import { MutationCache, QueryCache, QueryClient, hashKey } from '@tanstack/react-query';
import { isApiError } from './api-client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;
/** The signed-in user's permission summary; refreshed after any change to roles, bindings or teams. */
export const PERMISSIONS_QUERY_KEY = ['auth', 'permissions'] as const;

/** One client per browser tab (created in a useState initialiser), never shared between server requests. */
export function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers are final; only retry what may be transient.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
    // A session that ends mid-use (expiry, logout elsewhere, disabled account) surfaces as AUTH_REQUIRED on any call:
    // re-check /me so the auth gate sends the user to the login page.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryHash !== hashKey(ME_QUERY_KEY)) {
          onAuthLost(client, error);
        }
      },
    }),
    mutationCache: new MutationCache({ onError: (error) => onAuthLost(client, error) }),
  });
  return client;
}

function onAuthLost(client: QueryClient, error: unknown): void {
  if (isApiError(error, 'AUTH_REQUIRED')) {
    void client.invalidateQueries({ queryKey: ME_QUERY_KEY });
  }
}
