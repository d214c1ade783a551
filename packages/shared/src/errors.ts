import { z } from 'zod';

/**
 * Stable error codes: the API returns them in every error body and the web app translates them.
 * Never rename a code; add new ones.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_LABEL_SELECTOR',
  'INVALID_FIELD_SELECTOR',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'CONFLICT',
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_RATE_LIMITED',
  'AUTH_ACCOUNT_DISABLED',
  'AUTH_PASSWORD_MISMATCH',
  'AUTH_PASSWORD_POLICY',
  'AUTH_EXTERNAL_ACCOUNT',
  'CSRF_FAILED',
  'FORBIDDEN',
  'USER_EXISTS',
  'USER_NOT_FOUND',
  'USER_SELF_LOCKOUT',
  'ROLE_NOT_FOUND',
  'ROLE_EXISTS',
  'ROLE_BUILT_IN',
  'ROLE_IN_USE',
  'ROLE_SCOPE_MISMATCH',
  'BINDING_EXISTS',
  'BINDING_NOT_FOUND',
  'RBAC_ESCALATION',
  'TEAM_NOT_FOUND',
  'TEAM_EXISTS',
  'TOKEN_NOT_FOUND',
  'TOKEN_LIMIT',
  'RBAC_LAST_ADMIN',
  'CLUSTER_NOT_FOUND',
  'CLUSTER_EXISTS',
  'CLUSTER_URL_FORBIDDEN',
  'CLUSTER_UNREACHABLE',
  'CLUSTER_UNAUTHORIZED',
  'KUBECONFIG_INVALID',
  'KUBECONFIG_UNSUPPORTED_AUTH',
  'INSECURE_NOT_CONFIRMED',
  'IN_CLUSTER_UNAVAILABLE',
  'K8S_BAD_REQUEST',
  'K8S_FORBIDDEN',
  'K8S_NOT_FOUND',
  'K8S_CONFLICT',
  'K8S_INVALID',
  'K8S_UNAVAILABLE',
  'K8S_ERROR',
  'RESOURCE_UNKNOWN',
  'IDP_NOT_FOUND',
  'IDP_EXISTS',
  'IDP_UNAVAILABLE',
  'IDP_DISABLED',
  'NOT_READY',
  'DATABASE_UNAVAILABLE',
  'CLUSTER_REDIRECTED',
  'ORIGIN_MISMATCH',
  'PAYLOAD_TOO_COMPLEX',
  'RATE_LIMITED',
  'SOCKET_LIMIT',
  'SUBSCRIPTION_LIMIT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z
  .object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
