import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { createTestDatabase, query, type TestDatabase } from '../setup/test-db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

describe('built-in roles', () => {
  it('the migration seeds exactly the roles defined in built-in-roles.ts', async () => {
    const rows = await query<{ id: string; name: string; scope: string; rules: unknown; description: string }>(
      db.url,
      'SELECT id, name, scope, rules, description FROM roles WHERE built_in ORDER BY id',
    );
    const expected = [...BUILT_IN_ROLES].sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({ id: r.id, name: r.name, scope: r.scope, rules: r.rules, description: r.description }));
    expect(rows).toEqual(expected);
  });
});
