import pg from 'pg';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';

export interface PoolOptions {
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  /** Every statement's outcome, so health knows when the database stopped (and started again) answering. */
  onOutcome: (available: boolean) => void;
}

type Callback = (err: Error | null, res?: unknown) => void;

/**
 * node-postgres with deadlines everywhere: connecting and waiting for a pooled connection
 * (connectionTimeoutMillis), each statement on the client (query_timeout) and on the server (statement_timeout),
 * locks and idle transactions. Without them a stopped PostgreSQL (SIGSTOP, a hung network) held every request
 * open forever.
 *
 * A statement that timed out is still queued in the socket: PostgreSQL runs it when it wakes up (tried: even after
 * the client reset the connection). node-postgres keeps such a connection in the pool and would read the late
 * answer as the next statement's. So the connection is destroyed at once and never reused; an unanswered
 * transaction then never receives its COMMIT and is rolled back by the server. Every change a request makes on a
 * user's behalf runs in a transaction (TransactionRunner, with the audit row), so a request answered 503 changes
 * nothing. Left: a COMMIT already sent when the database stopped may still land (no client-side timeout can prevent
 * that), and single-statement bookkeeping outside transactions (session/token last-seen, expiry deletes, logout) may
 * land late — each is idempotent and what the user asked for anyway.
 */
export function createPool(url: string, opts: PoolOptions): pg.Pool {
  class DeadlineClient extends pg.Client {
    override query(...args: unknown[]): never {
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const cb = args[last] as Callback;
        args[last] = (err: Error | null, res?: unknown) => {
          this.observe(err);
          cb(err, res);
        };
        return (super.query as (...a: unknown[]) => never)(...args);
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).then(
          (res) => (this.observe(null), res),
          (err: Error) => {
            this.observe(err);
            throw err;
          },
        ) as never;
      }
      return result as never;
    }

    private observe(err: Error | null): void {
      if (!err) return opts.onOutcome(true);
      if (!isDatabaseUnavailable(err)) return;
      opts.onOutcome(false);
      if (/Query read timeout/.test(err.message)) {
        // pg-pool reads _queryable on release (its documented TODO interface): false removes the client.
        (this as unknown as { _queryable: boolean })._queryable = false;
        (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      }
    }
  }

  const pool = new pg.Pool({
    connectionString: url,
    Client: DeadlineClient,
    max: 10,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    query_timeout: opts.queryTimeoutMs,
    statement_timeout: opts.queryTimeoutMs,
    lock_timeout: opts.queryTimeoutMs,
    idle_in_transaction_session_timeout: opts.queryTimeoutMs * 3,
    idleTimeoutMillis: 30_000,
    // A server that vanished without closing its sockets is noticed by TCP keepalive rather than never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection that breaks (server restarted or killed) is dropped by the pool; without a listener the
  // 'error' event would crash the process.
  pool.on('error', () => opts.onOutcome(false));
  pool.on('connect', (client) => client.on('error', () => opts.onOutcome(false)));
  return pool;
}
