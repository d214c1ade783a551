import { describe, expect, it } from 'vitest';
import { age, pick } from './columns';

describe('resource columns', () => {
  it('reads dotted paths and formats ages', () => {
    expect(pick({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(pick({ a: 1 }, 'a.b.c')).toBeUndefined();
    const now = Date.parse('2026-01-02T00:00:00Z');
    expect(age('2026-01-01T23:59:30Z', now)).toBe('30s');
    expect(age('2025-12-30T00:00:00Z', now)).toBe('3d');
    expect(age('not a date', now)).toBe('');
  });
});
