// S4's console: the whole product as `npm start` runs it (scripts/start.mjs: the built API on the public port with
// embedded PostgreSQL, the Next.js standalone server behind its proxy), signed in as the bootstrap admin.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './api.ts';
import { endpoint, json, request, type Endpoint } from './http.ts';
import { sleep } from './stats.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
export const S4_ADMIN = { username: 'admin', password: 'bench-admin-password-1' };

export interface Console {
  pid: number;
  origin: string;
  /** Signed-in admin (session cookie + Origin) for the console's REST routes. */
  admin: Endpoint;
  logPath: string;
  registerCluster(id: string, cluster: { server: string; caData: string; token: string }): Promise<void>;
  stop(): Promise<void>;
}

export async function startConsole(logDir: string): Promise<Console> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'wheelhouse-s4-'));
  const logPath = join(logDir, 'console.log');
  const log = openSync(logPath, 'a');
  // Its own process group: start.mjs stops its children on SIGTERM, and a SIGKILL to the group leaves nothing behind.
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: origin,
      WHEELHOUSE_DATA_DIR: dataDir,
      WHEELHOUSE_ADMIN_PASSWORD: S4_ADMIN.password,
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
    },
  });
  const pid = child.pid!;
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-pid, 'SIGTERM');
      await Promise.race([gone, sleep(25_000)]);
    }
    // Whatever is left of the group (a child that ignored SIGTERM).
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group is gone
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const anon = endpoint(origin, { Origin: origin });
    // /readyz answers once the API and database are; the login page once Next.js behind the proxy is up too.
    for (let t = 0; ; t++) {
      if (exited) throw new Error(`the console exited during startup; see ${logPath}`);
      if (t > 1800) throw new Error('the console did not serve /login within 180 s');
      const ok = await request(anon, 'GET', '/login', undefined, { Accept: 'text/html' }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await sleep(100);
    }
    const login = await request(anon, 'POST', '/api/auth/login', S4_ADMIN);
    const setCookie = login.headers['set-cookie']?.find((c) => c.startsWith('wh_session='));
    if (login.status !== 200 || !setCookie) throw new Error(`login failed: ${login.status} ${login.body.toString().slice(0, 200)}`);
    const admin = endpoint(origin, { Origin: origin, Cookie: setCookie.split(';')[0]! });
    return {
      pid,
      origin,
      admin,
      logPath,
      registerCluster: async (id, c) =>
        void (await json(admin, 'POST', '/api/clusters', {
          method: 'token',
          id,
          displayName: id,
          server: c.server,
          caData: Buffer.from(c.caData, 'base64').toString('utf8'),
          token: c.token,
        })),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
