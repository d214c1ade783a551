import { describe, expect, it } from 'vitest';
import { cellOf, isListRow, kindDef, listColumns, rowProjector, rowStatus, statusOf, type PrinterColumn } from './kinds/index.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1', resourceVersion: '42', creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'web' }, annotations: { big: 'x'.repeat(2000) } },
  spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'nginx:1.27' }], volumes: [{ name: 'token', projected: { sources: [] } }] },
  status: { phase: 'Running', podIP: '10.0.0.7', containerStatuses: [{ name: 'c', ready: true, restartCount: 2, state: { running: {} } }] },
};

describe('list rows', () => {
  it('carry what the list shows of a pod: naming metadata, every cell, the status; nothing else', () => {
    const def = kindDef('core', 'pods');
    const row = rowProjector(def, undefined)(pod);
    expect(row.metadata).toEqual({ name: 'web-1', namespace: 'shop', uid: 'u-1', resourceVersion: '42', creationTimestamp: '2026-01-01T00:00:00Z' });
    expect(Object.keys(row).sort()).toEqual(['cells', 'metadata', 'status']);
    expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(pod).length / 4);
    expect(isListRow(row)).toBe(true);
    expect(isListRow(pod)).toBe(false);
    // The same values and status as the whole object gives, for every column (optional ones too).
    for (const c of listColumns(def, { showNamespace: true })) expect(cellOf(c, row), c.key).toEqual(cellOf(c, pod));
    expect(rowStatus(def, row)).toEqual(statusOf(def, pod));
    expect(row.cells.labels).toEqual(['app=web']);
  });

  it("of a custom resource hold its printer columns and the plain ones shown before discovery answers", () => {
    const printer: PrinterColumn[] = [{ name: 'Size', type: 'integer', jsonPath: '.spec.size', priority: 0 }];
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop', creationTimestamp: '2026-01-01T00:00:00Z', labels: { tier: 'a' } }, spec: { size: 3 } };
    const row = rowProjector(undefined, printer)(widget);
    for (const c of [...listColumns(undefined, { showNamespace: true, printer }), ...listColumns(undefined, { showNamespace: false })]) {
      expect(cellOf(c, row), c.key).toEqual(cellOf(c, widget));
    }
    expect(Object.values(row.cells)).toContain(3);
  });

  it('keep a missing status as null, not as an absent key', () => {
    const row = rowProjector(undefined, undefined)({ metadata: { name: 'plain' } });
    expect(row.status).toBeNull();
    expect(isListRow(row)).toBe(true);
    expect(rowStatus(undefined, row)).toBeUndefined();
  });
});
