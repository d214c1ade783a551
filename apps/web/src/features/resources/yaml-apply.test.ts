import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { causesOf, fieldConflicts, onlyConsoleConflicts, unappliedChanges } from './yaml-apply';

const conflict = (causes: unknown[]) => new ApiError(409, 'K8S_CONFLICT', undefined, undefined, { status: 409, reason: 'Conflict', causes });

describe('yaml apply', () => {
  it('reads field-manager conflicts from the Status causes and nothing else', () => {
    const e = conflict([
      { reason: 'FieldManagerConflict', field: '.data.A', message: 'conflict with "kubectl-create" using v1' },
      { reason: 'FieldManagerConflict', field: '.spec.replicas', message: 'conflict with "wheelhouse-scale" with subresource "scale" using apps/v1' },
      { reason: 'FieldValueInvalid', field: 'spec.x', message: 'bad' },
    ]);
    expect(fieldConflicts(e)).toEqual([
      { field: '.data.A', manager: 'kubectl-create' },
      { field: '.spec.replicas', manager: 'wheelhouse-scale' },
    ]);
    expect(causesOf(e)).toHaveLength(3);
    // A stale resourceVersion is a 409 too, without causes: not a field conflict.
    expect(fieldConflicts(conflict([]))).toEqual([]);
    expect(fieldConflicts(new Error('x'))).toEqual([]);
  });

  it('takes over silently only what the console itself owns', () => {
    expect(onlyConsoleConflicts([{ field: '.data.A', manager: 'wheelhouse-edit' }, { field: '.b', manager: 'wheelhouse' }])).toBe(true);
    expect(onlyConsoleConflicts([{ field: '.data.A', manager: 'wheelhouse-edit' }, { field: '.b', manager: 'kubectl-edit' }])).toBe(false);
    expect(onlyConsoleConflicts([])).toBe(false);
  });

  it('lists the edits the apply result does not carry', () => {
    const base = { metadata: { name: 'a', labels: { x: '1', y: '2' }, resourceVersion: '1' }, data: { A: '1', B: '2' }, spec: { list: [1, 2] } };
    const edit = { metadata: { name: 'a', labels: { x: '1' }, resourceVersion: '1' }, data: { A: '1', B: '3', C: '4' }, spec: { list: [1] } };
    // The label removal and the list shortening did not take (another manager owns them); B and C did.
    const result = { metadata: { name: 'a', labels: { x: '1', y: '2' }, resourceVersion: '2' }, data: { A: '1', B: '3', C: '4' }, spec: { list: [1, 2] }, status: { s: 1 } };
    expect(unappliedChanges(base, edit, result)).toEqual(['metadata.labels.y', 'spec.list']);
    expect(unappliedChanges(base, edit, { ...result, metadata: { ...result.metadata, labels: { x: '1' } }, spec: { list: [1] } })).toEqual([]);
  });

  it('ignores status and server-owned metadata', () => {
    const base = { metadata: { resourceVersion: '1', generation: 1 }, status: { a: 1 } };
    const edit = { metadata: { resourceVersion: '5', generation: 3 }, status: { a: 2 } };
    expect(unappliedChanges(base, edit, { metadata: {}, status: {} })).toEqual([]);
  });
});
