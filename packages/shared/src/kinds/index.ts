import { field, labelsColumn } from './columns.js';
import { CLUSTER_KINDS } from './cluster-access.js';
import { CONFIG_STORAGE_KINDS, NETWORK_KINDS } from './network-config.js';
import { printerColumns } from './printer-columns.js';
import { genericStatus } from './status.js';
import type { ColumnDef, K8sObject, KindDef, KindSection, PrinterColumn, Status } from './types.js';
import { WORKLOAD_KINDS } from './workloads.js';

export * from './types.js';
export { pick, text, condition, selectorText } from './read.js';
export { parseJsonPath, evaluate, printerColumns } from './printer-columns.js';

/** Every built-in kind the console knows; anything else discovery finds gets the generic treatment. */
export const KINDS: readonly KindDef[] = [...WORKLOAD_KINDS, ...NETWORK_KINDS, ...CONFIG_STORAGE_KINDS, ...CLUSTER_KINDS];

const norm = (group: string) => (group === 'core' ? '' : group);
const BY_KEY = new Map(KINDS.map((k) => [`${k.group}/${k.resource}`, k]));

/** The registry entry of a group/resource (any served version: columns read fields common to all of them). */
export function kindDef(group: string, resource: string): KindDef | undefined {
  return BY_KEY.get(`${norm(group)}/${resource}`);
}

export function kindsOfSection(section: KindSection): KindDef[] {
  return KINDS.filter((k) => k.section === section);
}

/** Name, namespace (when listing several), the kind's columns (or a CRD's printer columns), age. */
export function listColumns(
  def: KindDef | undefined,
  opts: { showNamespace: boolean; printer?: PrinterColumn[] },
): ColumnDef[] {
  const own = def?.columns ?? (opts.printer?.length ? printerColumns(opts.printer) : [{ ...labelsColumn, optional: false }]);
  return [
    field('name', 'metadata.name'),
    ...(opts.showNamespace ? [field('namespace', 'metadata.namespace')] : []),
    ...own,
    ...(def?.columns.some((c) => c.key === 'labels') ? [] : def ? [labelsColumn] : []),
    field('age', 'metadata.creationTimestamp', 'age'),
  ];
}

/** The kind's status, or a Ready/Available condition for kinds the registry does not know. */
export function statusOf(def: KindDef | undefined, o: K8sObject): Status | undefined {
  return def?.status ? def.status(o) : genericStatus(o);
}

export { rowProjector, isListRow, cellOf, rowStatus, type ListRow } from './rows.js';
