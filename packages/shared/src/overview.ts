import { z } from 'zod';
import { ClusterEventSchema } from './resources.js';

/** CPU in cores, memory in bytes; `usage` is null when metrics.k8s.io is not available to the caller. */
export const ResourceAmountsSchema = z.object({
  allocatable: z.number().nullable(),
  requests: z.number(),
  limits: z.number(),
  usage: z.number().nullable(),
});
export type ResourceAmounts = z.infer<typeof ResourceAmountsSchema>;

export const WorkloadHealthSchema = z.object({
  resource: z.string(),
  kind: z.string(),
  group: z.string(),
  version: z.string(),
  total: z.number(),
  ok: z.number(),
  progressing: z.number(),
  failed: z.number(),
});
export type WorkloadHealth = z.infer<typeof WorkloadHealthSchema>;

export const PodPhasesSchema = z.object({
  total: z.number(),
  running: z.number(),
  pending: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  unknown: z.number(),
  /** Containers waiting in CrashLoopBackOff, ImagePullBackOff, ErrImagePull, CreateContainerConfigError … */
  failing: z.number(),
});
export type PodPhases = z.infer<typeof PodPhasesSchema>;

/** Why there are no usage numbers: not installed in the cluster, not allowed to the caller, or not answering. */
export const MetricsStateSchema = z.enum(['available', 'not-installed', 'forbidden', 'unavailable']);
export type MetricsState = z.infer<typeof MetricsStateSchema>;

/** Each part is null when the caller may not read what it is made of (one clear "no access" per card). */
export const ClusterOverviewSchema = z
  .object({
    cluster: z.string(),
    displayName: z.string(),
    nodes: z
      .object({
        total: z.number(),
        ready: z.number(),
        unschedulable: z.number(),
        items: z.array(
          z.object({ name: z.string(), ready: z.boolean(), cpu: ResourceAmountsSchema, memory: ResourceAmountsSchema, pods: z.object({ allocatable: z.number().nullable(), used: z.number() }) }),
        ),
      })
      .nullable(),
    pods: PodPhasesSchema.nullable(),
    workloads: z.array(WorkloadHealthSchema),
    namespaces: z.array(z.object({ name: z.string(), pods: z.number(), cpu: ResourceAmountsSchema, memory: ResourceAmountsSchema })).nullable(),
    warnings: z.object({ lastHour: z.number(), recent: z.array(ClusterEventSchema) }).nullable(),
    metrics: MetricsStateSchema,
    /** Namespaces the figures were restricted to by the caller's permissions; null when unrestricted. */
    restricted: z.array(z.string()).nullable(),
  })
  .meta({ id: 'ClusterOverview' });
export type ClusterOverview = z.infer<typeof ClusterOverviewSchema>;

export const QuotaUsageSchema = z.object({
  name: z.string(),
  items: z.array(z.object({ resource: z.string(), hard: z.number(), used: z.number(), unit: z.enum(['cores', 'bytes', 'count']) })),
});
export type QuotaUsage = z.infer<typeof QuotaUsageSchema>;

export const NamespaceOverviewSchema = z
  .object({
    cluster: z.string(),
    namespace: z.string(),
    pods: PodPhasesSchema.nullable(),
    workloads: z.array(WorkloadHealthSchema),
    quotas: z.array(QuotaUsageSchema).nullable(),
    usage: z.object({ cpu: z.number(), memory: z.number() }).nullable(),
    metrics: MetricsStateSchema,
    warnings: z.object({ lastHour: z.number(), recent: z.array(ClusterEventSchema) }).nullable(),
  })
  .meta({ id: 'NamespaceOverview' });
export type NamespaceOverview = z.infer<typeof NamespaceOverviewSchema>;

/** The console home: one line per visible cluster. Parts the caller may not read, or that failed, are null. */
export const HomeOverviewSchema = z
  .object({
    clusters: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        reachable: z.boolean(),
        nodes: z.object({ total: z.number(), ready: z.number() }).nullable(),
        pods: PodPhasesSchema.nullable(),
        unhealthyWorkloads: z.number().nullable(),
        warningsLastHour: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'HomeOverview' });
export type HomeOverview = z.infer<typeof HomeOverviewSchema>;
