import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/env.schema.js';
import { BootstrapAdminService } from '../../src/users/bootstrap-admin.service.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const ORIGIN = 'http://wheelhouse.test';
export const ADMIN_PASSWORD = 'integration-admin-pw-1';

export interface TestApp {
  app: INestApplication;
  server: Server;
  config: AppConfig;
  db: TestDatabase;
  close: () => Promise<void>;
}

/** The real application on its own cloned database, with the bootstrap admin created. */
export async function startTestApp(env: Record<string, string> = {}, shared?: TestDatabase, logStream?: DestinationStream): Promise<TestApp> {
  // Several instances of the API may share one database (multi-instance tests); only its creator drops it.
  const db = shared ?? (await createTestDatabase());
  const dataDir = await mkdtemp(join(tmpdir(), 'wheelhouse-app-'));
  const config = loadConfig({
    PUBLIC_URL: ORIGIN,
    WHEELHOUSE_DATA_DIR: dataDir,
    WHEELHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    // Background work that tests opt into explicitly.
    EVENTS_RETENTION_DAYS: '0',
    CLUSTER_HEALTH_INTERVAL_SECONDS: '0',
    ...env,
  });
  const app = await createApp(config, db.url, randomBytes(32), logStream);
  await app.init();
  await app.get(BootstrapAdminService).ensureAdmin();
  return {
    app,
    server: app.getHttpServer() as Server,
    config,
    db,
    close: async () => {
      await app.close();
      if (!shared) await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An in-process app, or the base URL of an API running as its own process (see api-process.ts). */
export type Target = TestApp | string;

/** A browser-like client: keeps cookies and sends the console's Origin on every request. */
export function browser(t: Target) {
  const agent = request.agent(typeof t === 'string' ? t : t.server);
  return {
    agent,
    get: (url: string) => agent.get(url).set('Origin', ORIGIN),
    post: (url: string, body?: object) => agent.post(url).set('Origin', ORIGIN).send(body),
    patch: (url: string, body?: object) => agent.patch(url).set('Origin', ORIGIN).send(body),
    delete: (url: string) => agent.delete(url).set('Origin', ORIGIN),
  };
}

export type Browser = ReturnType<typeof browser>;

export async function loginAs(t: Target, username: string, password: string): Promise<Browser> {
  const b = browser(t);
  const res = await b.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return b;
}

/** Creates a non-admin user through the API as admin and returns a signed-in client for it. */
export async function createUser(t: Target, admin: Browser, username: string, isAdmin = false): Promise<Browser> {
  const password = `${username}-password-1`;
  const res = await admin.post('/api/users', { username, password, isAdmin });
  if (res.status !== 201) throw new Error(`create ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return loginAs(t, username, password);
}

/** The id of a user, looked up through the API as admin. */
export async function userId(admin: Browser, username: string): Promise<string> {
  const res = await admin.get('/api/users?limit=500');
  const user = (res.body.items as { id: string; username: string }[]).find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** Binds a role (by name) to a user at a scope through the API, as the given client. */
export async function bind(client: Browser, roleId: string, subject: object, scope: object) {
  return client.post('/api/rolebindings', { roleId, subject, scope });
}

/** Registers one of the run's real clusters (see global-setup) under `id`, with its static admin token. */
export async function registerCluster(admin: Browser, id: string, which = 0) {
  const c = inject('clusters')[which]!;
  return admin.post('/api/clusters', { method: 'token', id, server: c.server, caData: c.ca, token: c.token });
}
