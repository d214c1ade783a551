import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/database/embedded-postgres.js';
import { ADMIN_PASSWORD, ORIGIN } from './test-app.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Preloaded into the child: a closed stdin means the test worker died (even by SIGKILL, when no afterAll runs),
 * so the API shuts itself down instead of outliving the run.
 */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  "process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')); process.stdin.resume();",
)}`;

export interface ApiProcess {
  url: string;
  pid: number;
  /** The last 64 KiB of the process's stdout and stderr, for failure messages. */
  output: () => string;
  /** SIGTERM, then SIGKILL after 10 s. Throws if the process had died on its own or did not exit cleanly. */
  stop: () => Promise<void>;
}

/**
 * The built API (apps/api/dist/main.js, as `npm start` runs it) as its own OS process on a free loopback port,
 * with a clean environment: only what is passed here reaches it. Resolves once /readyz answers 200.
 */
export async function startApiProcess(env: { DATABASE_URL: string; WHEELHOUSE_SECRET_KEY: string } & Record<string, string>): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the API first (npm run build -w @wheelhouse/api)`);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'wh-api-proc-'));
  const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, API_MAIN], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: ORIGIN,
      WHEELHOUSE_DATA_DIR: dataDir,
      WHEELHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      API_DOCS: 'false',
      // Background work that tests opt into explicitly.
      EVENTS_RETENTION_DAYS: '0',
      CLUSTER_HEALTH_INTERVAL_SECONDS: '0',
      LDAP_SYNC_MINUTES: '0',
      ...env,
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let stopping = false;
  let diedEarly = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      diedEarly = !stopping;
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const label = () => `API process ${child.pid} on ${url}`;

  const stop = async () => {
    const wasDead = diedEarly;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const { code, signal } = await exited;
    clearTimeout(timer);
    await rm(dataDir, { recursive: true, force: true });
    if (wasDead) throw new Error(`${label()} exited on its own (${signal ?? code}):\n${output}`);
    // main.ts closes the app (and an embedded PostgreSQL) and exits 0; a signal death or any other code is not orderly.
    const orderly = code === 0;
    if (!orderly) throw new Error(`${label()} did not shut down cleanly on SIGTERM (${signal ?? code}):\n${output}`);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (diedEarly) await stop(); // throws, with the process's output
    const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) break;
    if (Date.now() > deadline) {
      await stop().catch(() => undefined);
      throw new Error(`${label()} not ready within ${READY_TIMEOUT_MS} ms (last /readyz: ${status || 'no answer'}):\n${output}`);
    }
    await sleep(100);
  }
  return { url, pid: child.pid!, output: () => output, stop };
}
