import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { migrate } from '../../src/database/migrator.js';

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
  return async () => {
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}
