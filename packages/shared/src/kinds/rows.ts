import { listColumns, statusOf } from './index.js';
import type { CellValue, ColumnDef, K8sObject, KindDef, PrinterColumn, Status } from './types.js';

/**
 * What a list screen shows of one object, computed where the object is (the API for list pages, the browser for
 * live changes): the metadata that names and links it, every column's value and the status. A 10,000-row list
 * then holds and parses a tenth of the full objects, which is what keeps its pages and garbage collection short.
 */
export interface ListRow extends K8sObject {
  metadata: { name?: string; namespace?: string; uid?: string; creationTimestamp?: string; resourceVersion?: string };
  /** By column key: every column the kind can show, optional ones included (the column chooser may add them). */
  cells: Record<string, CellValue>;
  status: Status | null;
}

const META_KEYS = ['name', 'namespace', 'uid', 'creationTimestamp', 'resourceVersion'] as const;

/** Columns with and without the CRD's printer columns: the browser shows the plain ones until discovery answers. */
function allColumns(def: KindDef | undefined, printer: PrinterColumn[] | undefined): ColumnDef[] {
  const byKey = new Map<string, ColumnDef>();
  for (const c of [...listColumns(def, { showNamespace: true, printer }), ...listColumns(def, { showNamespace: true })]) {
    if (!byKey.has(c.key)) byKey.set(c.key, c);
  }
  return [...byKey.values()];
}

/** A projector for one kind: the columns are worked out once, each object costs its cells. */
export function rowProjector(def: KindDef | undefined, printer: PrinterColumn[] | undefined): (o: K8sObject) => ListRow {
  const columns = allColumns(def, printer).filter((c) => c.type !== 'status');
  return (o) => {
    const meta = (o.metadata ?? {}) as Record<string, unknown>;
    const metadata: ListRow['metadata'] = {};
    for (const k of META_KEYS) if (typeof meta[k] === 'string') metadata[k] = meta[k];
    const cells: Record<string, CellValue> = {};
    for (const c of columns) cells[c.key] = c.value(o);
    return { metadata, cells, status: statusOf(def, o) ?? null };
  };
}

export const isListRow = (o: K8sObject): o is ListRow => typeof o.cells === 'object' && o.cells !== null && 'status' in o;

/** A column's value of a list row or of a whole object (detail pages pass the object). */
export const cellOf = (c: ColumnDef, o: K8sObject): CellValue => (isListRow(o) ? (o.cells[c.key] ?? null) : c.value(o));

/** The status of a list row or of a whole object. */
export const rowStatus = (def: KindDef | undefined, o: K8sObject): Status | undefined => (isListRow(o) ? (o.status ?? undefined) : statusOf(def, o));
