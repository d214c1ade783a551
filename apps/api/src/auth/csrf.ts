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
  const fetchSite = req.get('sec-fetch-site');
  if (origin ? origin !== publicOrigin : fetchSite !== 'same-origin') {
    if (origin && openedElsewhere(req, origin, fetchSite)) {
      // Not an attack: the console itself was opened at another address than PUBLIC_URL. Say so, or the user
      // reloads forever; the request is still refused (the check compares with PUBLIC_URL only).
      throw new AppError('ORIGIN_MISMATCH', `This console is configured for ${publicOrigin}, not ${origin} (PUBLIC_URL)`, {
        details: { expected: publicOrigin, got: origin },
      });
    }
    throw new AppError('CSRF_FAILED', 'Cross-origin request refused');
  }
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be application/json');
  }
}

/**
 * The request came from a page of this same server reached under another address: the browser says same-origin,
 * or (a browser without Fetch Metadata) the Origin names the host the request was sent to. A cross-site page
 * fails both (its Origin is its own host, and Sec-Fetch-Site says cross-site or same-site).
 */
function openedElsewhere(req: Request, origin: string, fetchSite: string | undefined): boolean {
  if (!URL.canParse(origin)) return false; // 'null' (opaque origins) and garbage stay CSRF failures
  if (fetchSite !== undefined) return fetchSite === 'same-origin';
  return new URL(origin).host === req.get('host')?.toLowerCase();
}
