import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Every setting the API reads, validated once at boot: a bad value stops the process with a clear message. */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /** Unset: an embedded PostgreSQL under WHEELHOUSE_DATA_DIR is started and used. */
    DATABASE_URL: z.string().url().optional(),
    WHEELHOUSE_DATA_DIR: z.string().default('.wheelhouse'),
    /** The origin users open in the browser; CSRF checks compare Origin headers with it. */
    PUBLIC_URL: z.string().url().optional(),
    /** Where the Next.js server listens; requests that are not API calls are proxied there. */
    WEB_UPSTREAM: z.string().url().optional(),
    WHEELHOUSE_ADMIN_PASSWORD: z.string().min(12).optional(),
    /** Serve HTTPS directly (PEM files). kubectl only sends tokens over TLS, so the kubectl proxy needs this or a TLS front. */
    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
    /** base64 of 32 random bytes; unset: generated once into WHEELHOUSE_DATA_DIR/secret.key (mode 0600). */
    WHEELHOUSE_SECRET_KEY: z.string().optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
    /** Failed sign-ins of one account from one source answered at once; each further one doubles the wait. */
    LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(100),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(10),
    /** Number of reverse proxies in front of the API whose X-Forwarded-For may be trusted. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MIGRATIONS_DIR: z.string().optional(),
    /** With several API instances: socket.io fans events out through Redis (e.g. ending a user's sockets). */
    REDIS_URL: z.string().url().optional(),
    /** How often every cluster is re-probed; 0 turns the schedule off. */
    CLUSTER_HEALTH_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(30),
    /** How often live subscriptions are re-authorized (a revoked user's streams end within this time). */
    STREAM_REAUTH_SECONDS: z.coerce.number().int().min(1).max(30).default(10),
    /** Kubernetes events are kept this many days in PostgreSQL (the apiserver keeps one hour); 0 turns recording off. */
    EVENTS_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(7),
    /** Live views one socket may hold (each can be an upstream watch); one tab rarely needs more than a few. */
    STREAM_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).default(100),
    /** Open sockets per session (one per tab) and per user (every session), per API instance. */
    STREAM_SOCKETS_PER_SESSION: z.coerce.number().int().min(1).default(20),
    STREAM_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(50),
    /** Socket messages per second per socket, plus a burst allowance per 10 s; over it: RATE_LIMITED. */
    STREAM_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(20),
    STREAM_MESSAGE_BURST: z.coerce.number().int().min(0).default(100),
    /** More messages than this within one second close the socket. */
    STREAM_MESSAGE_HARD_LIMIT: z.coerce.number().int().min(1).default(200),
    /** LDAP group memberships are re-read this often (minutes); 0 turns the schedule off. */
    LDAP_SYNC_MINUTES: z.coerce.number().int().min(0).default(60),
    /** How long a shared informer outlives its last viewer. */
    INFORMER_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
    /** Connecting to PostgreSQL or waiting for a pooled connection longer than this answers 503 DATABASE_UNAVAILABLE. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
    /** A statement (client side, and statement_timeout on the server) or a transaction longer than this answers 503. */
    DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** Liveness (/healthz) fails once the database has been unreachable this long (0: liveness ignores the database). */
    DATABASE_LIVENESS_SECONDS: z.coerce.number().int().min(0).default(300),
    API_DOCS: bool,
  })
  .refine((env) => Boolean(env.TLS_CERT_FILE) === Boolean(env.TLS_KEY_FILE), { message: 'set both TLS_CERT_FILE and TLS_KEY_FILE, or neither', path: ['TLS_KEY_FILE'] })
  .transform((env) => {
    const scheme = env.TLS_CERT_FILE ? 'https' : 'http';
    const publicUrl = new URL(env.PUBLIC_URL ?? `${scheme}://localhost:${env.PORT}`);
    return {
      ...env,
      dataDir: resolve(env.WHEELHOUSE_DATA_DIR),
      publicUrl,
      publicOrigin: publicUrl.origin,
      secureCookies: publicUrl.protocol === 'https:',
      apiDocs: env.API_DOCS ?? true,
    };
  });

export type AppConfig = z.output<typeof EnvSchema>;

export function loadConfig(raw: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
