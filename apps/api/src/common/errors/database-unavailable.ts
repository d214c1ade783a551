/**
 * Whether an error means "the database cannot be reached or did not answer in time" (→ 503
 * DATABASE_UNAVAILABLE), as opposed to a query error of ours (→ 500) or a constraint (→ its own code). The shapes
 * come from three layers: node-postgres (socket errors, its own timeout messages), PostgreSQL (SQLSTATE classes
 * 08 connection, 57 operator intervention — shutdown, statement timeout —, 53 insufficient resources, 55P03 lock
 * timeout) and
 * Prisma (P1xxx connection codes, P2024 pool timeout, P2028 transaction timeout; driver-adapter error kinds),
 * each possibly wrapping the one below in `cause` (or, for Prisma, `meta.driverAdapterError`).
 */
const PRISMA_CODES = new Set(['P1000', 'P1001', 'P1002', 'P1008', 'P1011', 'P1017', 'P2024', 'P2028']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TlsConnectionError', 'TooManyConnections', 'DatabaseDoesNotExist', 'AuthenticationFailed']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const MESSAGES = [
  /Query read timeout/,
  /timeout exceeded when trying to connect/,
  /Connection terminated/,
  /connection timeout/i,
  /not queryable/,
  /Can't reach database server/,
  /Server has closed the connection/,
  /Transaction already closed/,
  /Unable to start a transaction in the given time/,
  /ECONNREFUSED|ECONNRESET/,
];

interface Shape {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  originalCode?: unknown;
  meta?: { driverAdapterError?: unknown };
}

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as Shape;
  const code = typeof e.code === 'string' ? e.code : typeof e.originalCode === 'string' ? e.originalCode : '';
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code)) return true;
  if (/^(08|57|53)[0-9A-Z]{3}$/.test(code) || code === '55P03') return true; // 55P03: lock_timeout
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // Prisma's known-request errors (e.g. P2039) carry the driver's error in meta, not in cause.
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}
