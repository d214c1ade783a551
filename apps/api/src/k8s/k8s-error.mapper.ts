import type { ErrorCode } from '@wheelhouse/shared';
import { AppError } from '../common/errors/app-error.js';

interface K8sStatus {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; causes?: { field?: string; message?: string; reason?: string }[] };
}

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'K8S_BAD_REQUEST',
  401: 'CLUSTER_UNAUTHORIZED',
  403: 'K8S_FORBIDDEN',
  404: 'K8S_NOT_FOUND',
  409: 'K8S_CONFLICT',
  410: 'K8S_CONFLICT',
  422: 'K8S_INVALID',
  429: 'K8S_UNAVAILABLE',
  503: 'K8S_UNAVAILABLE',
};

/**
 * Keeps the apiserver's meaning: its status code (as our stable code), its reason and message, and field-level
 * causes for 422 and server-side-apply conflicts, so the UI can point at the offending field.
 */
export function mapK8sError(status: number, body: unknown): AppError {
  const s = (typeof body === 'object' && body !== null ? body : {}) as K8sStatus;
  const code = BY_STATUS[status] ?? 'K8S_ERROR';
  const message = s.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `The cluster answered ${status}`);
  return new AppError(code, message, {
    details: { status, reason: s.reason ?? null, causes: s.details?.causes ?? [], kind: s.details?.kind ?? null, name: s.details?.name ?? null },
  });
}

/** Network-level failures (refused, TLS, timeout) while talking to a cluster. */
export function unreachable(err: unknown): AppError {
  const e = err as { code?: string; message?: string };
  return new AppError('CLUSTER_UNREACHABLE', `The cluster is unreachable: ${e.code ?? e.message ?? 'unknown error'}`);
}
