import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/env.schema.js';
import { redactCredentials, redactUrl } from './redact-credentials.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Request ids: a well-formed X-Request-Id from a trusted proxy is kept, anything else is replaced. Assigned by
 * the first middleware (so body-parser errors carry one too) and reused by pino-http.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/** `stream`: where the lines go (default stdout); tests pass one they read. */
export function pinoHttpOptions(config: AppConfig, stream?: DestinationStream): Options {
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    genReqId: assignRequestId,
    // Credentials never reach the logs; bodies are not logged at all.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
    },
    // Messages from the rest of the API (e.g. a proxy error quoting an upstream URL) get the same treatment.
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg: unknown) => (typeof arg === 'string' ? redactCredentials(arg) : arg)) as Parameters<typeof method>);
      },
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  };
}
