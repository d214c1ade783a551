import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from '../../src/database/migrator.js';
import { MIGRATIONS_DIR } from '../setup/global-setup.js';
import { createTestDatabase, query, type TestDatabase } from '../setup/test-db.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDb(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrated: false });
  cleanups.push(db.drop);
  return db;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wheelhouse-mig-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const tables = async (url: string) =>
  (await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
    (r) => r.table_name,
  );

describe('migration runner', () => {
  it('applies every migration on an empty database and records Prisma-compatible checksums', async () => {
    const db = await emptyDb();
    const files = await readMigrations(MIGRATIONS_DIR);
    const result = await migrate(db.url, MIGRATIONS_DIR);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      db.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    for (const [i, file] of files.entries()) {
      const bytes = await readFile(join(MIGRATIONS_DIR, file.name, 'migration.sql'));
      expect(rows[i]?.migration_name).toBe(file.name);
      expect(rows[i]?.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(rows[i]?.finished_at).toBeInstanceOf(Date);
    }
    expect(await tables(db.url)).toEqual(expect.arrayContaining(['users', 'sessions', 'audit_events', '_prisma_migrations']));
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const db = await emptyDb();
    await migrate(db.url, MIGRATIONS_DIR);
    const before = await query(db.url, 'SELECT id, checksum FROM "_prisma_migrations" ORDER BY id');
    const second = await migrate(db.url, MIGRATIONS_DIR);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBeGreaterThan(0);
    expect(await query(db.url, 'SELECT id, checksum FROM "_prisma_migrations" ORDER BY id')).toEqual(before);
  });

  it('applies only the new migration when one is added later', async () => {
    const db = await emptyDb();
    const dir = await copyOfMigrations();
    await migrate(db.url, dir);
    await mkdir(join(dir, '29991231000000_later'));
    await writeFile(join(dir, '29991231000000_later', 'migration.sql'), 'CREATE TABLE "later_table" (id int);');
    const result = await migrate(db.url, dir);
    expect(result.applied).toEqual(['29991231000000_later']);
    expect(await tables(db.url)).toContain('later_table');
  });

  it('refuses to run when an applied migration file was changed, and changes nothing', async () => {
    const db = await emptyDb();
    const dir = await copyOfMigrations();
    await migrate(db.url, dir);
    const [first] = await readMigrations(dir);
    await writeFile(join(dir, first!.name, 'migration.sql'), first!.sql + '\n-- edited\n');
    await mkdir(join(dir, '29991231000000_pending'));
    await writeFile(join(dir, '29991231000000_pending', 'migration.sql'), 'CREATE TABLE "pending_table" (id int);');
    await expect(migrate(db.url, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(db.url, dir)).rejects.toThrow(/modified after it was applied/);
    expect(await tables(db.url)).not.toContain('pending_table');
  });

  it('refuses to run when an applied migration is missing from the folder', async () => {
    const db = await emptyDb();
    const dir = await copyOfMigrations();
    await mkdir(join(dir, '29991231000000_extra'));
    await writeFile(join(dir, '29991231000000_extra', 'migration.sql'), 'SELECT 1;');
    await migrate(db.url, dir);
    await rm(join(dir, '29991231000000_extra'), { recursive: true });
    await expect(migrate(db.url, dir)).rejects.toThrow(/missing/);
  });

  it('rolls a failing migration back completely and does not record it', async () => {
    const db = await emptyDb();
    const dir = await copyOfMigrations();
    await mkdir(join(dir, '29991231000000_broken'));
    await writeFile(join(dir, '29991231000000_broken', 'migration.sql'), 'CREATE TABLE "half_done" (id int);\nSELECT no_such_function();');
    await expect(migrate(db.url, dir)).rejects.toThrow(/29991231000000_broken failed/);
    expect(await tables(db.url)).not.toContain('half_done');
    const recorded = await query<{ migration_name: string }>(db.url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((r) => r.migration_name)).not.toContain('29991231000000_broken');
  });

  it('applies each migration once when several instances start at the same time', async () => {
    const db = await emptyDb();
    const results = await Promise.all([migrate(db.url, MIGRATIONS_DIR), migrate(db.url, MIGRATIONS_DIR), migrate(db.url, MIGRATIONS_DIR)]);
    const files = await readMigrations(MIGRATIONS_DIR);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await query(db.url, 'SELECT 1 FROM "_prisma_migrations"');
    expect(rows).toHaveLength(files.length);
  });
});
