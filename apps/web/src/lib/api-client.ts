import { ERROR_CODES, ErrorBodySchema, type ErrorCode } from '@wheelhouse/shared';
import type { z } from 'zod';

/** NETWORK: the request never got an HTTP answer. UNKNOWN: an answer we could not interpret. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly requestId?: string,
    /** From Retry-After on 429 responses, in whole seconds. */
    readonly retryAfterSeconds?: number,
    readonly details?: unknown,
  ) {
    super(`API error ${status} ${code}`);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export function isKnownErrorCode(code: string): code is ErrorCode {
  return ERROR_CODES.some((c) => c === code);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim());
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RequestOptions = { method?: Method; body?: unknown; signal?: AbortSignal };

async function send(path: string, { method = 'GET', body, signal }: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    // Same-origin only: the session cookie is httpOnly, and the browser's Origin header is the CSRF proof.
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) {
      throw cause;
    }
    throw new ApiError(0, 'NETWORK');
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const headerRequestId = response.headers.get('x-request-id') ?? undefined;
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorBodySchema.safeParse(json);
  if (parsed.success) {
    const { code, requestId, details } = parsed.data;
    return new ApiError(response.status, code, requestId, retryAfter, details);
  }
  return new ApiError(response.status, 'UNKNOWN', headerRequestId, retryAfter);
}

/** Sends a request and validates the JSON answer with a shared zod schema. */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(response.status, 'UNKNOWN', response.headers.get('x-request-id') ?? undefined);
  }
  return parsed.data;
}

/** Sends a request whose answer has no body we need (204, or one we ignore). */
export async function apiCommand(path: string, options: RequestOptions): Promise<void> {
  await send(path, options);
}
