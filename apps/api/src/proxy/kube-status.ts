import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../common/errors/app-error.js';
import { describeNetworkError } from '../k8s/k8s-error.mapper.js';

/** A refusal by the proxy itself, answered as a Kubernetes Status so kubectl prints it like an apiserver error. */
export class ProxyRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  500: 'InternalError',
  502: 'InternalError',
  503: 'ServiceUnavailable',
};

export function statusBody(code: number, message: string): string {
  return JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: REASONS[code] ?? 'Unknown', code });
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

export function sendStatus(res: ServerResponse, code: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = statusBody(code, message);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

/** The same answer on a raw socket (upgrade requests have no ServerResponse); the connection is closed after it. */
export function writeStatusToSocket(socket: Duplex, code: number, message: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = statusBody(code, message);
  socket.end(
    `HTTP/1.1 ${code} ${STATUS_TEXT[code] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * How the proxy answers when the cluster could not be asked: 403 for the address policy, 503 otherwise, and a
 * category (refused, TLS, timeout), never the text of the remote end.
 */
export function upstreamFailure(err: unknown): { status: number; message: string } {
  if (err instanceof AppError && err.code === 'CLUSTER_URL_FORBIDDEN') return { status: 403, message: `${err.message} (${err.code})` };
  return { status: 503, message: `the cluster cannot be reached: ${describeNetworkError(err)}` };
}
