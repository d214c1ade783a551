import { describe, expect, it } from 'vitest';
import { age, columnsFor, pick } from './columns';

describe('resource columns', () => {
  it('uses kind columns for pods and generic ones for unknown kinds', () => {
    expect(columnsFor('pods', true).map((c) => c.key)).toEqual(['name', 'namespace', 'status', 'ready', 'restarts', 'node', 'age']);
    expect(columnsFor('widgets', false).map((c) => c.key)).toEqual(['name', 'labels', 'age']);
  });

  it('computes pod readiness and restarts', () => {
    const pod = {
      spec: { containers: [{}, {}] },
      status: { containerStatuses: [{ ready: true, restartCount: 2 }, { ready: false, restartCount: 1 }] },
    };
    const cols = columnsFor('pods', true);
    expect(cols.find((c) => c.key === 'ready')?.value(pod)).toBe('1/2');
    expect(cols.find((c) => c.key === 'restarts')?.value(pod)).toBe('3');
  });

  it('reads dotted paths and formats ages', () => {
    expect(pick({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(pick({ a: 1 }, 'a.b.c')).toBeUndefined();
    const now = Date.parse('2026-01-02T00:00:00Z');
    expect(age('2026-01-01T23:59:30Z', now)).toBe('30s');
    expect(age('2025-12-30T00:00:00Z', now)).toBe('3d');
  });
});
