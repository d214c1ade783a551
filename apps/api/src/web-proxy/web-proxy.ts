import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import http from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { isLoopbackAlias } from './loopback.js';

/** Paths the API answers itself; everything else is the web app's. */
const API_PATHS = /^\/(api|k8s|socket\.io)(\/|$)|^\/(healthz|readyz)$/;

/**
 * One origin for the browser: the API listens on the public port and streams page requests to the Next.js
 * server on an internal port. Same-origin cookies and CSRF checks then need no CORS at all.
 *
 * A page asked for under another loopback spelling of PUBLIC_URL (127.0.0.1 or [::1] for localhost) is sent to
 * PUBLIC_URL first: cookies, the CSRF and socket origin checks and OIDC callbacks then all see the one origin,
 * instead of a sign-in that fails on the other. 307 and no-store, so a later PUBLIC_URL change is not undone by
 * a cached redirect.
 */
export function mountWebProxy(app: INestApplication, upstream: string, publicUrl: URL): void {
  const web = (path: string) => !API_PATHS.test(path);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const page = (req.method === 'GET' || req.method === 'HEAD') && req.originalUrl.startsWith('/') && web(req.path);
    if (page && isLoopbackAlias(req.protocol, req.headers.host, publicUrl)) {
      // Concatenated, not resolved: a path like //evil.example must stay a path on PUBLIC_URL.
      res.set('cache-control', 'no-store').redirect(307, `${publicUrl.origin}${req.originalUrl}`);
      return;
    }
    next();
  });
  // A fresh loopback connection per request (~0.1 ms): a pooled keep-alive socket that the Next.js server closes
  // just as it is reused answers ECONNRESET, which the proxy turns into a 504 for that chunk (seen in e2e as a page
  // that never hydrated).
  const agent = new http.Agent({ keepAlive: false });
  app.use(createProxyMiddleware({ target: upstream, changeOrigin: false, xfwd: true, pathFilter: web, agent }));
}
