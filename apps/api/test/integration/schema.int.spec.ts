import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { createTestDatabase, query, type TestDatabase } from '../setup/test-db.js';

interface RuntimeModel {
  dbName: string | null;
  fields: { name: string; kind: string; type: string; dbName?: string }[];
}

/** Prisma type → the Postgres types a migration may use for it. */
const COMPATIBLE: Record<string, string[]> = {
  String: ['text', 'uuid', 'character varying'],
  Boolean: ['boolean'],
  Int: ['integer'],
  BigInt: ['bigint'],
  DateTime: ['timestamp with time zone'],
  Json: ['jsonb'],
};

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe('schema.prisma and the hand-written migrations agree (offline drift guard)', () => {
  it('every model column exists with a compatible type, and no table has columns the model lacks', async () => {
    const models = (prisma as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })._runtimeDataModel.models;
    expect(Object.keys(models).length).toBeGreaterThan(0);
    for (const [name, model] of Object.entries(models)) {
      const table = model.dbName ?? name;
      const columns = await query<{ column_name: string; data_type: string }>(
        db.url,
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      );
      expect(columns.length, `table ${table} for model ${name}`).toBeGreaterThan(0);
      const byName = new Map(columns.map((c) => [c.column_name, c.data_type]));
      const scalar = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
      for (const field of scalar) {
        const column = field.dbName ?? field.name;
        const type = byName.get(column);
        expect(type, `${table}.${column}`).toBeDefined();
        const allowed = field.kind === 'enum' ? ['USER-DEFINED'] : COMPATIBLE[field.type];
        expect(allowed, `${table}.${column}: ${field.type} vs ${type}`).toContain(type);
      }
      const modelColumns = new Set(scalar.map((f) => f.dbName ?? f.name));
      expect([...byName.keys()].filter((c) => !modelColumns.has(c)), `extra columns in ${table}`).toEqual([]);
    }
  });

  it('round-trips a row through every model with Prisma', async () => {
    const user = await prisma.user.create({ data: { username: 'drift-用户', displayName: '测试', updatedAt: new Date() } });
    const session = await prisma.session.create({
      data: { tokenHash: 'h', userId: user.id, idleExpiresAt: new Date(), expiresAt: new Date() },
    });
    await prisma.loginLimit.create({ data: { key: 'source:x', points: 1, expire: new Date() } });
    const event = await prisma.auditEvent.create({ data: { action: 'test', result: 'success', details: { a: 1 } } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).toBe('测试');
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).tokenHash).toBe('h');
    expect((await prisma.loginLimit.findUniqueOrThrow({ where: { key: 'source:x' } })).points).toBe(1);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).details).toEqual({ a: 1 });
  });

  it('keeps audit events append-only at the database level', async () => {
    const event = await prisma.auditEvent.create({ data: { action: 'immutable', result: 'success' } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'changed' } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe('immutable');
  });
});
