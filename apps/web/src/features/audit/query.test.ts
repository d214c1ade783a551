import { describe, expect, it } from 'vitest';
import { auditCsvPath, auditPath, toAuditFilter } from './query';

describe('audit queries', () => {
  it('sends only the filters that are set, with paging for the list and none for the export', () => {
    const filter = toAuditFilter({ actor: ' alice ', action: 'role.', result: '', from: '2026-01-01T00:00:00.000Z' });
    expect(filter).toEqual({ actor: 'alice', action: 'role.', from: '2026-01-01T00:00:00.000Z' });
    expect(auditPath(filter)).toBe('/api/audit?actor=alice&action=role.&from=2026-01-01T00%3A00%3A00.000Z&limit=50');
    expect(auditPath({}, '1234')).toBe('/api/audit?limit=50&cursor=1234');
    expect(auditCsvPath(filter)).toBe(
      '/api/audit/export.csv?actor=alice&action=role.&from=2026-01-01T00%3A00%3A00.000Z',
    );
  });
});
