import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/database/embedded-postgres.js';
import { migrate } from '../../src/database/migrator.js';
import { MIGRATIONS_DIR } from '../setup/global-setup.js';
import { query } from '../setup/test-db.js';
import { ADMIN_PASSWORD, browser, createUser, loginAs, userId, type Browser, type TestApp, startTestApp } from '../setup/test-app.js';

// A PostgreSQL of this file's own: the run's shared one cannot be stopped under the other test files.
const DB_TIMEOUTS = { DATABASE_CONNECT_TIMEOUT_MS: '1500', DATABASE_QUERY_TIMEOUT_MS: '2000', DATABASE_LIVENESS_SECONDS: '4' };
/** Well past the timeouts above, far below a hang: each request must have been answered by then. */
const ANSWER_WITHIN_MS = 8_000;

let dataDir: string;
let port: number;
let db: EmbeddedDatabase;
let t: TestApp;
let admin: Browser;
let targetId: string;

const start = () => startEmbeddedPostgres({ dataDir, persistent: false, port, database: 'faults' });

/** The postmaster and every backend of this cluster (SIGSTOP/SIGKILL must reach the connections too). */
async function postgresPids(): Promise<number[]> {
  const postmaster = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

async function signalPostgres(signal: NodeJS.Signals): Promise<void> {
  const [postmaster, ...backends] = await postgresPids();
  process.kill(postmaster!, signal);
  for (const pid of backends) {
    try {
      process.kill(pid, signal);
    } catch (err) {
      // A backend that ended between the listing and the signal (an idle connection closing) is fine.
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }
}

/** Sends the request and measures nothing but whether an answer came before the bound. */
async function answered(req: PromiseLike<request.Response>): Promise<request.Response> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([req, bound]);
  } finally {
    clearTimeout(timer);
  }
}

async function displayName(): Promise<string> {
  const rows = await query<{ display_name: string }>(db.url, 'SELECT display_name FROM users WHERE id = $1', [targetId]);
  return rows[0]!.display_name;
}

async function eventually(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wheelhouse-dbfault-'));
  port = await freePort();
  db = await start();
  await migrate(db.url, MIGRATIONS_DIR);
  t = await startTestApp(DB_TIMEOUTS, { url: db.url, drop: () => Promise.resolve() });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  await createUser(t, admin, 'fault-target');
  targetId = await userId(admin, 'fault-target');
}, 120_000);

afterAll(async () => {
  await signalPostgres('SIGCONT').catch(() => undefined);
  await t?.close();
  await db?.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL stopped (SIGSTOP)', () => {
  it('answers 503 DATABASE_UNAVAILABLE in bounded time, applies nothing after it resumes, and works again', async () => {
    const before = await displayName();
    await signalPostgres('SIGSTOP');
    let resumed = false;
    try {
      const [login, token, patch, ready] = await Promise.all([
        answered(browser(t).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })),
        answered(admin.post('/api/tokens', { name: 'during-outage' })),
        answered(admin.patch(`/api/users/${targetId}`, { displayName: 'changed during the outage' })),
        answered(request(t.server).get('/readyz')),
      ]);
      for (const res of [login, token, patch, ready]) {
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
      }
      await signalPostgres('SIGCONT');
      resumed = true;
    } finally {
      if (!resumed) await signalPostgres('SIGCONT');
    }
    // Whatever the stopped server had queued runs now; the requests answered 503 must not have changed anything.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await displayName()).toBe(before);
    const tokens = await query<{ n: string }>(db.url, "SELECT count(*) AS n FROM api_tokens WHERE name = 'during-outage'");
    expect(Number(tokens[0]!.n)).toBe(0);

    // No restart: the same app serves again, with fresh connections.
    await eventually('readyz 200', async () => (await request(t.server).get('/readyz')).status === 200);
    const patched = await admin.patch(`/api/users/${targetId}`, { displayName: 'after the outage' });
    expect(patched.status).toBe(200);
    expect(await displayName()).toBe('after the outage');
    expect((await browser(t).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  }, 60_000);
});

describe('a write held up inside PostgreSQL', () => {
  it('is answered 503 and rolled back: it never lands when the database gets to it later', async () => {
    const before = await displayName();
    // Another session locks the row: the PATCH's UPDATE reaches the server and waits there, past every timeout.
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [targetId]);
      const patch = await answered(admin.patch(`/api/users/${targetId}`, { displayName: 'written while locked' }));
      expect(patch.status, JSON.stringify(patch.body)).toBe(503);
      expect(patch.body.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await displayName()).toBe(before);
    expect((await admin.patch(`/api/users/${targetId}`, { displayName: 'after the lock' })).status).toBe(200);
  }, 30_000);
});

describe('PostgreSQL killed (SIGKILL) and started again', () => {
  it('answers 503 (never 500) while it is gone, fails liveness after the bound, and recovers by itself', async () => {
    await signalPostgres('SIGKILL');
    const [list, login, ready] = await Promise.all([
      answered(admin.get('/api/users')),
      answered(browser(t).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })),
      answered(request(t.server).get('/readyz')),
    ]);
    for (const res of [list, login, ready]) {
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
    }
    // Liveness holds during a short outage and fails once it has lasted DATABASE_LIVENESS_SECONDS.
    expect((await request(t.server).get('/healthz')).status).toBe(200);
    await eventually('healthz 503', async () => {
      await admin.get('/api/users');
      const res = await request(t.server).get('/healthz');
      return res.status === 503 && res.body.code === 'DATABASE_UNAVAILABLE';
    }, 20_000);

    db = await start();
    await eventually('requests served again', async () => (await admin.get('/api/users')).status === 200);
    await eventually('healthz 200', async () => (await request(t.server).get('/healthz')).status === 200);
    expect((await request(t.server).get('/readyz')).status).toBe(200);
    expect((await browser(t).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  }, 90_000);
});

describe('the embedded PostgreSQL of `npm start`', () => {
  it('is started again on the same port when it dies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wheelhouse-dbsuper-'));
    const own = await startEmbeddedPostgres({ dataDir: dir, persistent: false, restartOnExit: true, database: 'super' });
    try {
      const postmaster = Number((await readFile(join(dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      await eventually('the same URL answers again', async () => (await query<{ one: number }>(own.url, 'SELECT 1 AS one'))[0]?.one === 1, 60_000);
      const restarted = Number((await readFile(join(dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      expect(restarted).not.toBe(postmaster);
    } finally {
      await own.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
