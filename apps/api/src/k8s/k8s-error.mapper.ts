import type { ErrorCode } from '@wheelhouse/shared';
import { AppError } from '../common/errors/app-error.js';

interface K8sStatus {
  kind: 'Status';
  apiVersion: 'v1';
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; causes?: unknown };
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

const text = (v: unknown, max = 1000) => (typeof v === 'string' ? v.slice(0, max) : null);

/**
 * A Kubernetes `Status` object as an apiserver sends it. requestJson only hands over bodies that came with a JSON
 * content type, so the shape check is the rest of "this is a Kubernetes API speaking".
 */
export function isK8sStatus(body: unknown): body is K8sStatus {
  const s = body as Partial<K8sStatus> | null;
  return typeof s === 'object' && s !== null && !Array.isArray(s) && s.kind === 'Status' && s.apiVersion === 'v1';
}

/**
 * Keeps the apiserver's meaning: its status code (as our stable code), its reason and message, and field-level
 * causes for 422 and server-side-apply conflicts, so the UI can point at the offending field. Whatever else
 * answered (an HTML error page, a proxy, an internal service someone registered as a cluster) is reported by its
 * HTTP status alone: its text never reaches the user.
 */
export function mapK8sError(status: number, body: unknown): AppError {
  const code = BY_STATUS[status] ?? 'K8S_ERROR';
  if (!isK8sStatus(body)) {
    return new AppError(code, `The cluster answered HTTP ${status} without a Kubernetes Status`, { details: { status, reason: null, causes: [], kind: null, name: null } });
  }
  const causes = Array.isArray(body.details?.causes)
    ? (body.details.causes as Record<string, unknown>[]).slice(0, 50).map((c) => ({ field: text(c?.field, 300) ?? undefined, message: text(c?.message) ?? undefined, reason: text(c?.reason, 100) ?? undefined }))
    : [];
  return new AppError(code, text(body.message) || `The cluster answered HTTP ${status}`, {
    details: { status, reason: text(body.reason, 100), causes, kind: text(body.details?.kind, 300), name: text(body.details?.name, 300) },
  });
}

/** A 3xx from a cluster: never followed (the target is an address the policy never saw), and its Location never shown. */
export function redirected(status: number): AppError {
  return new AppError('CLUSTER_REDIRECTED', `The cluster answered with a redirect (HTTP ${status}); redirects are not followed`);
}

/** A success answer that is not Kubernetes JSON: whatever it said stays unread. */
export function notKubernetes(status: number): AppError {
  return new AppError('K8S_ERROR', `The server answered HTTP ${status} with something that is not a Kubernetes API response`);
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_OSSL_)/;
const CATEGORIES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'timed out',
  ESOCKETTIMEDOUT: 'timed out',
  ENOTFOUND: 'the name does not resolve',
  EAI_AGAIN: 'the name does not resolve',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * A network failure as a category: our own AppErrors (address policy, redirect, not Kubernetes) keep their message;
 * anything else is named by its error code alone, since messages can carry what the remote end sent (a
 * certificate's names, a malformed status line).
 */
export function describeNetworkError(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const e = err as { code?: unknown; name?: unknown; cause?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (CATEGORIES[code]) return CATEGORIES[code];
  if (TLS_CODES.test(code) || code.includes('CERT')) return `TLS failure (${code})`;
  if (code.startsWith('HPE_')) return 'the server does not speak HTTP';
  if (e?.name === 'TimeoutError' || (err as Error)?.message === TIMED_OUT) return 'timed out';
  if (e?.cause) return describeNetworkError(e.cause);
  return /^[A-Z][A-Z0-9_]{2,40}$/.test(code) ? `network error (${code})` : 'network error';
}

/** The message of our own request timers, recognised by describeNetworkError. */
export const TIMED_OUT = 'request to the cluster timed out';

/** Network-level failures (refused, TLS, timeout) while talking to a cluster; policy and redirect errors pass through. */
export function unreachable(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('CLUSTER_UNREACHABLE', `The cluster is unreachable: ${describeNetworkError(err)}`);
}
