import { arr, num, pick, text } from './read.js';
import type { CellValue, ColumnDef, ColumnType, K8sObject } from './types.js';

/** A column read straight from one path: the list API can sort by it. */
export const field = (key: string, path: string, type: ColumnType = 'text', optional = false): ColumnDef => ({
  key,
  type,
  sort: path,
  optional,
  value: (o) => {
    const v = pick(o, path);
    if (type === 'number') return typeof v === 'number' ? v : null;
    return v === undefined || v === null ? null : text(v);
  },
});

/** A derived column: not sortable server-side. */
export const derived = (key: string, value: (o: K8sObject) => CellValue, type: ColumnType = 'text', optional = false): ColumnDef => ({
  key,
  type,
  optional,
  value,
});

/** `3/5` with the first number's path as sort key. */
export const ratio = (key: string, have: string, want: string): ColumnDef => ({
  key,
  type: 'text',
  sort: have,
  value: (o) => `${num(pick(o, have))}/${num(pick(o, want))}`,
});

/** The number of entries of a map (`data`) or list. */
export const count = (key: string, path: string): ColumnDef =>
  derived(
    key,
    (o) => {
      const v = pick(o, path);
      return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
    },
    'number',
  );

export const statusColumn: ColumnDef = derived('status', () => null, 'status');

/** Container images of a pod spec at `path` (a workload's `spec.template.spec`). */
export const images = (path: string): ColumnDef =>
  derived('images', (o) => arr(pick(o, `${path}.containers`)).map((c) => text(pick(c, 'image'))), 'tags', true);

export const labelsColumn: ColumnDef = derived(
  'labels',
  (o) => Object.entries((pick(o, 'metadata.labels') as Record<string, string> | undefined) ?? {}).map(([k, v]) => `${k}=${v}`),
  'tags',
  true,
);
