import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/env.schema.js';
import { assignRequestId } from './common/logging/pino-options.js';
import { assertJsonWithin } from './common/parsing/complexity.js';
import { mountKubeProxy } from './proxy/mount-kube-proxy.js';
import { mountWebProxy } from './web-proxy/web-proxy.js';

export const BODY_LIMIT = '1mb';

/** body-parser admits only UTF-8/16/32 JSON; the pre-scan reads the same characters JSON.parse will. */
function decodeBody(buf: Buffer, encoding: string): string {
  return encoding === 'utf-8' ? buf.toString('utf8') : new TextDecoder(encoding).decode(buf);
}

/** Builds the HTTP application exactly as production runs it; tests use the same function (`logStream`: read the logs). */
export async function createApp(config: AppConfig, databaseUrl: string, secretKey: Buffer, logStream?: DestinationStream): Promise<INestApplication> {
  const httpsOptions = config.TLS_CERT_FILE && config.TLS_KEY_FILE ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) } : undefined;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, secretKey, logStream), {
    bodyParser: false,
    bufferLogs: true,
    httpsOptions,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    assignRequestId(req, res);
    next();
  });
  // The web app is proxied before anything else so its pages keep Next's own headers and CSP.
  if (config.WEB_UPSTREAM) mountWebProxy(app, config.WEB_UPSTREAM, config.publicUrl);
  // kubectl's proxy streams bodies both ways, so it comes before the body parsers (and needs no browser headers).
  mountKubeProxy(app);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(cookieParser());
  // JSON only: urlencoded/multipart bodies are what cross-site forms send, so they are never parsed. Nesting is
  // bounded before JSON.parse, so no route ever walks a pathologically deep body.
  // (express.json directly, as useBodyParser does: Nest's typing leaves out `verify`.)
  app.use(express.json({ limit: BODY_LIMIT, verify: (_req, _res, buf, encoding) => assertJsonWithin(decodeBody(buf, encoding)) }));
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'healthz', method: RequestMethod.GET },
      { path: 'readyz', method: RequestMethod.GET },
    ],
  });
  if (config.apiDocs) {
    const doc = new DocumentBuilder().setTitle('Wheelhouse API').setVersion('0.1.0').addCookieAuth('wh_session').build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
  }
  // No enableShutdownHooks(): main.ts owns SIGINT/SIGTERM. Nest's own handler re-raises the signal after
  // app.close(), which killed the process before the embedded PostgreSQL was stopped (exit 143).
  return app;
}
