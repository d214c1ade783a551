import type { Request } from 'express';
import { AppError } from '../common/errors/app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions (SameSite=Lax does not cover every case): an unsafe request must come from
 * the console's own origin (Origin header, or Sec-Fetch-Site: same-origin where a browser omits Origin) and
 * carry JSON, which a cross-site HTML form cannot send.
 */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

export function assertSameOrigin(req: Request, publicOrigin: string): void {
  if (isSafeMethod(req.method)) return;
  const origin = req.get('origin');
  const sameOrigin = origin ? origin === publicOrigin : req.get('sec-fetch-site') === 'same-origin';
  if (!sameOrigin) throw new AppError('CSRF_FAILED', 'Cross-origin request refused');
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json');
  }
}
