import { z } from 'zod';

/** One API resource as discovery reports it (built-ins and CRDs alike). */
export const ApiResourceSchema = z.object({
  group: z.string(),
  version: z.string(),
  resource: z.string(),
  kind: z.string(),
  namespaced: z.boolean(),
  verbs: z.array(z.string()),
  shortNames: z.array(z.string()),
  subresources: z.array(z.string()),
  /**
   * What the caller may list of it (console RBAC): everywhere, in some namespaces, or nowhere. Lists, sidebar and
   * overview offer only kinds that are not `none`; the kind still resolves (a detail link may name it).
   */
  access: z.enum(['all', 'some', 'none']).optional(),
  /** A CRD's `additionalPrinterColumns` for this version: the columns of its generic list. */
  printerColumns: z
    .array(z.object({ name: z.string(), type: z.string(), jsonPath: z.string(), priority: z.number().optional(), description: z.string().optional() }))
    .optional(),
});
export type ApiResource = z.infer<typeof ApiResourceSchema>;

export const DiscoverySchema = z.object({ resources: z.array(ApiResourceSchema) }).meta({ id: 'Discovery' });
export type Discovery = z.infer<typeof DiscoverySchema>;

export const MAX_PAGE_SIZE = 500;

export const ListQuerySchema = z
  .strictObject({
    namespace: z.string().trim().max(253).optional(),
    labelSelector: z.string().max(4096).optional(),
    fieldSelector: z.string().max(4096).optional(),
    /** Free text: matches name, namespace, labels. */
    q: z.string().max(256).optional(),
    /** A dotted path into the object, e.g. metadata.creationTimestamp, status.phase. */
    sort: z.string().regex(/^[A-Za-z0-9_.]+$/).max(256).default('metadata.name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
    continue: z.string().max(256).optional(),
    /** `rows`: each item is the list row (ListRow: naming metadata, every column's cell, the status), not the object. */
    view: z.enum(['rows']).optional(),
  })
  .meta({ id: 'ResourceListQuery' });
export type ListQuery = z.output<typeof ListQuerySchema>;

export const ResourceListSchema = z
  .object({
    items: z.array(z.record(z.string(), z.unknown())),
    total: z.number(),
    continue: z.string().nullable(),
    resourceVersion: z.string(),
    /** ISO time since when the cache may be behind the cluster (watch broken and not yet resynced); null when live. */
    stale: z.string().nullable(),
    /** Namespaces the list was restricted to because of the caller's permissions; null when unrestricted. */
    namespaces: z.array(z.string()).nullable(),
  })
  .meta({ id: 'ResourceList' });
export type ResourceList = z.infer<typeof ResourceListSchema>;

export const ClusterEventSchema = z
  .object({
    uid: z.string(),
    namespace: z.string().nullable(),
    involved: z.object({ kind: z.string().nullable(), name: z.string().nullable(), uid: z.string().nullable() }),
    type: z.string().nullable(),
    reason: z.string().nullable(),
    message: z.string().nullable(),
    reportingController: z.string().nullable(),
    count: z.number(),
    firstTime: z.string().nullable(),
    lastTime: z.string(),
  })
  .meta({ id: 'ClusterEvent' });
export type ClusterEvent = z.infer<typeof ClusterEventSchema>;

export const EventsQuerySchema = z
  .strictObject({
    namespace: z.string().max(253).optional(),
    /** The involved object's uid: the per-object timeline. */
    uid: z.string().max(64).optional(),
    kind: z.string().max(253).optional(),
    name: z.string().max(253).optional(),
    type: z.enum(['Normal', 'Warning']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .meta({ id: 'EventsQuery' });
export type EventsQuery = z.output<typeof EventsQuerySchema>;

/**
 * The console's field managers: server-side apply (forms, YAML apply) owns fields as `apply`; plain create/replace
 * and scaling use their own names, so a conflict says which console action last set a field. A conflict held only
 * by these is the console against itself, which the YAML editor takes over without asking.
 */
export const FIELD_MANAGERS = { apply: 'wheelhouse', edit: 'wheelhouse-edit', scale: 'wheelhouse-scale' } as const;
export const isConsoleFieldManager = (manager: string): boolean => (Object.values(FIELD_MANAGERS) as string[]).includes(manager);

export const MutationQuerySchema = z
  .strictObject({
    dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    force: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    propagationPolicy: z.enum(['Foreground', 'Background', 'Orphan']).optional(),
  })
  .meta({ id: 'MutationQuery' });
export type MutationQuery = z.output<typeof MutationQuerySchema>;

/**
 * One object of one cluster, as the explorer's panels (summary, relations, timeline, YAML) receive it.
 * `group` is `core` for the core API group (as in the REST paths); `namespace` is absent for cluster-scoped kinds.
 */
export const ObjectRefSchema = z.strictObject({
  cluster: z.string().min(1).max(63),
  group: z.string().min(1).max(253),
  version: z.string().min(1).max(63),
  resource: z.string().min(1).max(253),
  namespace: z.string().min(1).max(253).optional(),
  name: z.string().min(1).max(253),
});
export type ObjectRef = z.infer<typeof ObjectRefSchema>;
