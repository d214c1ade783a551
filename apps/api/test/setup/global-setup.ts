import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { migrate } from '../../src/database/migrator.js';
import { startTestCluster, stopCluster, stopTestCluster } from '@wheelhouse/cluster';

export interface TestClusterInfo {
  name: string;
  server: string;
  token: string;
  /** PEM of the cluster CA. */
  ca: string;
  kubeconfigYaml: string;
}

export const TEMPLATE_DB = 'wheelhouse_template';
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));

/**
 * One real PostgreSQL for the whole run, migrated once into a template database; every test file then clones
 * the template (CREATE DATABASE … TEMPLATE), which takes milliseconds and isolates files from each other.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'wheelhouse-it-'));
  const db = await startEmbeddedPostgres({ dataDir, persistent: false, database: TEMPLATE_DB });
  await migrate(db.url, MIGRATIONS_DIR);
  project.provide('pgServerUrl', db.serverUrl('postgres'));
  project.provide('pgTemplate', TEMPLATE_DB);
  // Two real clusters for the run (multi-cluster tests need both); each file uses its own namespaces.
  const first = await startTestCluster({ nodes: 2 });
  const second = await startTestCluster({ name: `${first.name}-b`, nodes: 1 });
  const info = (c: typeof first): TestClusterInfo => ({
    name: c.name,
    server: c.server,
    token: c.token,
    ca: Buffer.from(c.caData, 'base64').toString('utf8'),
    kubeconfigYaml: c.kubeconfigYaml,
  });
  project.provide('clusters', [info(first), info(second)]);
  return async () => {
    // A cluster reused through WHEELHOUSE_TEST_CLUSTER (a developer's long-running pair) is left running.
    if (second.startedNow) await stopCluster(second.name, { purge: true });
    await stopTestCluster();
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
    clusters: TestClusterInfo[];
  }
}
