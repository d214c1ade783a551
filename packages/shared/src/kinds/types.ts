/** A kind's behaviour in the console as data: the API and the web read the same entry. */
export type K8sObject = Record<string, unknown>;

export type KindSection = 'workloads' | 'network' | 'config' | 'storage' | 'cluster' | 'access';

/** antd Tag / Badge colours the web maps 1:1. */
export type Tone = 'success' | 'processing' | 'warning' | 'error' | 'default';

/**
 * A rendered status. `text` is the cluster's own word (a phase, a reason such as CrashLoopBackOff), shown as is in
 * every language like kubectl does; `key` is set instead when the console made the word up (Ready, Scaled to 0), so
 * the web translates it (`resources.status.<key>`).
 */
export type Status = { tone: Tone; text?: string; key?: StatusKey; detail?: string };
export type StatusKey =
  | 'ready'
  | 'notReady'
  | 'updating'
  | 'scaledToZero'
  | 'suspended'
  | 'active'
  | 'complete'
  | 'failed'
  | 'running'
  | 'terminating'
  | 'unknown'
  | 'cordoned'
  | 'established'
  | 'limited';

export type CellValue = string | number | string[] | null;

export type ColumnType =
  /** plain text */
  | 'text'
  /** a number, right-aligned */
  | 'number'
  /** an ISO timestamp shown as kubectl's compact age */
  | 'age'
  /** the kind's `status` function as a coloured tag */
  | 'status'
  /** a list shown as tags */
  | 'tags';

export interface ColumnDef {
  /** Stable id; built-in columns are translated as `resources.columns.<key>`. */
  key: string;
  /** For columns the console did not name (CRD printer columns): shown as is. */
  title?: string;
  type: ColumnType;
  /** A dotted path the list API sorts by; absent when the value is derived. */
  sort?: string;
  /** Hidden until the user picks it in the column chooser. */
  optional?: boolean;
  value: (o: K8sObject) => CellValue;
}

/** Sections of the detail page beyond the generic ones (metadata, labels, annotations, events, YAML). */
export type DetailSection =
  | 'conditions'
  | 'containers'
  | 'podTemplate'
  | 'data'
  | 'ports'
  | 'rules'
  | 'subjects'
  | 'taints'
  | 'capacity'
  | 'selector';

/** Operations a kind offers; the web shows only those the user's permissions allow. */
export type ActionKey =
  | 'edit'
  | 'delete'
  | 'scale'
  | 'restart'
  | 'rollback'
  | 'suspend'
  | 'trigger'
  | 'logs'
  | 'exec'
  | 'cordon'
  | 'drain'
  | 'reveal';

export interface KindDef {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  section: KindSection;
  /** Searched by name and label in the Ctrl-K palette (across clusters, from the informer caches). */
  searchable?: boolean;
  /** Columns between name(/namespace) and age. */
  columns: ColumnDef[];
  status?: (o: K8sObject) => Status;
  /** Label/value pairs of the detail page's summary. */
  fields: ColumnDef[];
  sections: DetailSection[];
  actions: ActionKey[];
}

/** One CRD `additionalPrinterColumns` entry, as discovery passes it on. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  priority?: number;
  description?: string;
}
