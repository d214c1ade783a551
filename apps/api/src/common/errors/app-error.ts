import type { ErrorCode } from '@wheelhouse/shared';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_LABEL_SELECTOR: 400,
  INVALID_FIELD_SELECTOR: 400,
  SEARCH_QUERY_INVALID: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  CONFLICT: 409,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_RATE_LIMITED: 429,
  AUTH_ACCOUNT_DISABLED: 403,
  AUTH_PASSWORD_MISMATCH: 400,
  AUTH_PASSWORD_POLICY: 400,
  AUTH_EXTERNAL_ACCOUNT: 400,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  USER_EXISTS: 409,
  USER_NOT_FOUND: 404,
  USER_SELF_LOCKOUT: 400,
  ROLE_NOT_FOUND: 404,
  ROLE_EXISTS: 409,
  ROLE_BUILT_IN: 409,
  ROLE_IN_USE: 409,
  ROLE_SCOPE_MISMATCH: 400,
  BINDING_EXISTS: 409,
  BINDING_NOT_FOUND: 404,
  RBAC_ESCALATION: 403,
  RBAC_LAST_ADMIN: 409,
  CLUSTER_NOT_FOUND: 404,
  CLUSTER_EXISTS: 409,
  CLUSTER_URL_FORBIDDEN: 400,
  CLUSTER_UNREACHABLE: 502,
  CLUSTER_UNAUTHORIZED: 502,
  KUBECONFIG_INVALID: 400,
  KUBECONFIG_UNSUPPORTED_AUTH: 400,
  INSECURE_NOT_CONFIRMED: 400,
  IN_CLUSTER_UNAVAILABLE: 400,
  K8S_BAD_REQUEST: 400,
  K8S_FORBIDDEN: 403,
  K8S_NOT_FOUND: 404,
  K8S_CONFLICT: 409,
  K8S_INVALID: 422,
  K8S_UNAVAILABLE: 503,
  K8S_ERROR: 502,
  RESOURCE_UNKNOWN: 404,
  IDP_NOT_FOUND: 404,
  IDP_EXISTS: 409,
  IDP_UNAVAILABLE: 503,
  IDP_DISABLED: 404,
  TEAM_NOT_FOUND: 404,
  TEAM_EXISTS: 409,
  TOKEN_NOT_FOUND: 404,
  TOKEN_LIMIT: 429,
  NOT_READY: 503,
  DATABASE_UNAVAILABLE: 503,
  CLUSTER_REDIRECTED: 502,
  ORIGIN_MISMATCH: 403,
  PAYLOAD_TOO_COMPLEX: 413,
  RATE_LIMITED: 429,
  SOCKET_LIMIT: 429,
  SUBSCRIPTION_LIMIT: 429,
  SECRET_MASKED: 400,
  INTERNAL: 500,
};

/** The one error type services throw; the exception filter turns it into `{code, message, details?, requestId}`. */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, opts: { details?: unknown; headers?: Record<string, string> } = {}) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}
