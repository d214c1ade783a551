import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// The monorepo root: standalone output traces workspace packages (e.g. @wheelhouse/shared) from here.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const nextConfig: NextConfig = {
  output: 'standalone',
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  poweredByHeader: false,
  reactStrictMode: true,
  // The console sits behind the API's reverse proxy; nothing is ever fetched from another host.
  images: { unoptimized: true },
  // `next dev` is opened as http://127.0.0.1:3001 or through the API's proxy on localhost.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
};

export default createNextIntlPlugin('./src/i18n/request.ts')(nextConfig);
