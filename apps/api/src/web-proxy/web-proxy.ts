import type { INestApplication } from '@nestjs/common';
import { createProxyMiddleware } from 'http-proxy-middleware';

/** Paths the API answers itself; everything else is the web app's. */
const API_PATHS = /^\/(api|k8s|socket\.io)(\/|$)|^\/(healthz|readyz)$/;

/**
 * One origin for the browser: the API listens on the public port and streams page requests to the Next.js
 * server on an internal port. Same-origin cookies and CSRF checks then need no CORS at all.
 */
export function mountWebProxy(app: INestApplication, upstream: string): void {
  app.use(
    createProxyMiddleware({
      target: upstream,
      changeOrigin: false,
      xfwd: true,
      pathFilter: (path) => !API_PATHS.test(path),
    }),
  );
}
