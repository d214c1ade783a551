import { NextResponse, type NextRequest } from 'next/server';
import { COLOR_SCHEME_HINT } from '@/i18n/locales';

/**
 * Per-request CSP nonce. Next.js reads the nonce from the request's CSP header and puts it on its own
 * <script> tags; 'strict-dynamic' lets those scripts load the chunks. Styles stay 'unsafe-inline' because
 * antd's CSS-in-JS injects <style> elements at run time (a nonce there would disable 'unsafe-inline').
 */
export function buildCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = buildCsp(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  // Chromium browsers then send the system's light/dark setting with every later page request, so the server
  // renders in it (initialTheme) and nothing flashes light before hydration; Critical-CH asks for a retry of the
  // very first request with it. Other browsers are switched by ThemeModeProvider right after hydration.
  response.headers.set('accept-ch', COLOR_SCHEME_HINT);
  response.headers.set('critical-ch', COLOR_SCHEME_HINT);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: static chunks, the icon and prefetches need no policy of their own.
      source: '/((?!api/|_next/|icon.svg|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
