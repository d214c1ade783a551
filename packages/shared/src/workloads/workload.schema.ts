import { z } from 'zod';
import { CronScheduleSchema, TimeZoneSchema } from './cron.js';
import { keyed, type Named } from './form-meta.js';
import { msg } from './messages.js';
import { ObjectMetaSchema, SelectorSchema, TemplateMetaSchema } from './metadata.schema.js';
import { PodTemplateSchema, type PodTemplateForm } from './pod.schema.js';
import { VolumeClaimTemplateSchema } from './volume.schema.js';
import { choice, IntOrPercentSchema, NonNegativeIntSchema, PositiveIntSchema } from './rules.js';

/** What differs between the kinds beyond their spec settings: where the pod template is, and the rules on it. */
export type WorkloadKindDef = {
  apiVersion: 'apps/v1' | 'batch/v1';
  /** Path of the pod template in the object. */
  template: readonly string[];
  /** Whether the form owns spec.selector (the Job controller owns a Job's). */
  selector: boolean;
  restartPolicies: readonly ('Always' | 'OnFailure' | 'Never')[];
  maxName: number;
};

const APPS = {
  apiVersion: 'apps/v1',
  template: ['spec', 'template'],
  selector: true,
  restartPolicies: ['Always'],
  maxName: 253,
} as const;
const BATCH = {
  apiVersion: 'batch/v1',
  template: ['spec', 'template'],
  selector: false,
  restartPolicies: ['OnFailure', 'Never'],
} as const;

/** The five workload kinds as data. */
export const WORKLOAD_FORM_KINDS = {
  Deployment: APPS,
  StatefulSet: APPS,
  DaemonSet: APPS,
  // The Job controller labels pods with the Job's name, and a label value has at most 63 characters.
  Job: { ...BATCH, maxName: 63 },
  // A CronJob's Jobs are named <cronjob>-<11-character suffix>.
  CronJob: { ...BATCH, template: ['spec', 'jobTemplate', 'spec', 'template'], maxName: 52 },
} as const satisfies Record<string, WorkloadKindDef>;

export type WorkloadFormKind = keyof typeof WORKLOAD_FORM_KINDS;

export const isWorkloadFormKind = (kind: unknown): kind is WorkloadFormKind =>
  typeof kind === 'string' && Object.hasOwn(WORKLOAD_FORM_KINDS, kind);

const rollingUpdate = <T extends z.ZodRawShape>(types: readonly [string, ...string[]], shape: T) =>
  z
    .strictObject({ type: choice(types).optional(), rollingUpdate: z.strictObject(shape).optional() })
    .refine((s) => s.type === undefined || s.type === 'RollingUpdate' || s.rollingUpdate === undefined, {
      error: msg('workload.recreateRollingUpdate'),
      path: ['rollingUpdate'],
    });

const history = {
  minReadySeconds: NonNegativeIntSchema.optional(),
  revisionHistoryLimit: NonNegativeIntSchema.optional(),
};

const DEPLOYMENT_SPEC = {
  replicas: NonNegativeIntSchema.optional(),
  selector: SelectorSchema,
  template: PodTemplateSchema,
  strategy: rollingUpdate(['RollingUpdate', 'Recreate'], {
    maxSurge: IntOrPercentSchema.optional(),
    maxUnavailable: IntOrPercentSchema.optional(),
  }).optional(),
  progressDeadlineSeconds: PositiveIntSchema.optional(),
  ...history,
};

const STATEFULSET_SPEC = {
  replicas: NonNegativeIntSchema.optional(),
  selector: SelectorSchema,
  template: PodTemplateSchema,
  serviceName: z.string().optional(),
  podManagementPolicy: choice(['OrderedReady', 'Parallel']).optional(),
  updateStrategy: rollingUpdate(['RollingUpdate', 'OnDelete'], {
    partition: NonNegativeIntSchema.optional(),
    maxUnavailable: IntOrPercentSchema.optional(),
  }).optional(),
  ordinals: z.strictObject({ start: NonNegativeIntSchema.optional() }).optional(),
  persistentVolumeClaimRetentionPolicy: z
    .strictObject({
      whenDeleted: choice(['Retain', 'Delete']).optional(),
      whenScaled: choice(['Retain', 'Delete']).optional(),
    })
    .optional(),
  volumeClaimTemplates: keyed(z.array(VolumeClaimTemplateSchema), (t) => [t.metadata.name]).optional(),
  ...history,
};

const DAEMONSET_SPEC = {
  selector: SelectorSchema,
  template: PodTemplateSchema,
  updateStrategy: rollingUpdate(['RollingUpdate', 'OnDelete'], {
    maxSurge: IntOrPercentSchema.optional(),
    maxUnavailable: IntOrPercentSchema.optional(),
  }).optional(),
  ...history,
};

// The Job's selector and its pods' controller labels are the Job controller's: not in the form, kept as they are.
const JOB_SPEC = {
  completions: NonNegativeIntSchema.optional(),
  parallelism: NonNegativeIntSchema.optional(),
  backoffLimit: NonNegativeIntSchema.optional(),
  activeDeadlineSeconds: PositiveIntSchema.optional(),
  ttlSecondsAfterFinished: NonNegativeIntSchema.optional(),
  completionMode: choice(['NonIndexed', 'Indexed']).optional(),
  suspend: z.boolean().optional(),
  template: PodTemplateSchema,
};

const CRONJOB_SPEC = {
  schedule: CronScheduleSchema,
  timeZone: TimeZoneSchema.optional(),
  concurrencyPolicy: choice(['Allow', 'Forbid', 'Replace']).optional(),
  startingDeadlineSeconds: NonNegativeIntSchema.optional(),
  successfulJobsHistoryLimit: NonNegativeIntSchema.optional(),
  failedJobsHistoryLimit: NonNegativeIntSchema.optional(),
  suspend: z.boolean().optional(),
  jobTemplate: z.strictObject({ metadata: TemplateMetaSchema.optional(), spec: z.strictObject(JOB_SPEC) }),
};

type Path = (string | number)[];
type Loose = Record<string, unknown>;

function at(o: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Loose)[key] : undefined), o);
}

/** Rules across fields, with the paths the wizard marks. */
function checkWorkload(
  kind: WorkloadFormKind,
  form: { metadata: { name: string }; spec: Loose },
  ctx: z.RefinementCtx,
) {
  const def = WORKLOAD_FORM_KINDS[kind];
  const issue = (key: Parameters<typeof msg>[0], path: Path) =>
    ctx.addIssue({ code: 'custom', message: msg(key), path });
  if (form.metadata.name.length > def.maxName) issue('workload.nameTooLong', ['metadata', 'name']);

  const template = at(form, def.template) as PodTemplateForm | undefined;
  if (!template) return;
  const base: Path = [...def.template, 'spec'];
  const pod = template.spec;
  if (pod.restartPolicy && !(def.restartPolicies as WorkloadKindDef['restartPolicies']).includes(pod.restartPolicy)) {
    issue('workload.restartPolicy', [...base, 'restartPolicy']);
  }
  const claims =
    kind === 'StatefulSet' ? ((form.spec.volumeClaimTemplates ?? []) as { metadata: { name: string } }[]) : [];
  const volumes = new Set([...(pod.volumes ?? []).map((v) => v.name), ...claims.map((c) => c.metadata.name)]);
  const seen = new Set<string>();
  const groups = [
    ['initContainers', pod.initContainers ?? []],
    ['containers', pod.containers],
  ] as const;
  for (const [list, containers] of groups) {
    containers.forEach((c, i) => {
      if (seen.has(c.name)) issue('workload.duplicateName', [...base, list, i, 'name']);
      seen.add(c.name);
      (c.volumeMounts ?? []).forEach((m, j) => {
        if (!volumes.has(m.name)) issue('workload.unknownVolume', [...base, list, i, 'volumeMounts', j, 'name']);
      });
    });
  }
  if (def.selector) {
    const matchLabels = (form.spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels ?? {};
    const labels = template.metadata?.labels ?? {};
    if (Object.entries(matchLabels).some(([k, v]) => labels[k] !== v)) {
      issue('workload.selectorMismatch', [...def.template, 'metadata', 'labels']);
    }
  }
  const jobSpec =
    kind === 'CronJob' ? at(form, ['spec', 'jobTemplate', 'spec']) : kind === 'Job' ? form.spec : undefined;
  if (jobSpec && (jobSpec as Loose).completionMode === 'Indexed' && (jobSpec as Loose).completions === undefined) {
    issue('workload.indexedCompletions', [...def.template.slice(0, -1), 'completions']);
  }
}

function workloadSchema<K extends WorkloadFormKind, S extends z.ZodRawShape>(kind: K, spec: S) {
  return z
    .strictObject({
      apiVersion: z.literal(WORKLOAD_FORM_KINDS[kind].apiVersion),
      kind: z.literal(kind),
      metadata: ObjectMetaSchema,
      spec: z.strictObject(spec),
    })
    .superRefine((form, ctx) => checkWorkload(kind, form, ctx));
}

const deployment = workloadSchema('Deployment', DEPLOYMENT_SPEC);
const statefulSet = workloadSchema('StatefulSet', STATEFULSET_SPEC);
const daemonSet = workloadSchema('DaemonSet', DAEMONSET_SPEC);
const job = workloadSchema('Job', JOB_SPEC);
const cronJob = workloadSchema('CronJob', CRONJOB_SPEC);
/* eslint-disable @typescript-eslint/no-empty-object-type -- names for declarations (form-meta Named) */
export interface DeploymentFormSchemaType extends Named<typeof deployment> {}
export interface StatefulSetFormSchemaType extends Named<typeof statefulSet> {}
export interface DaemonSetFormSchemaType extends Named<typeof daemonSet> {}
export interface JobFormSchemaType extends Named<typeof job> {}
export interface CronJobFormSchemaType extends Named<typeof cronJob> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */
export const DeploymentFormSchema: DeploymentFormSchemaType = deployment;
export const StatefulSetFormSchema: StatefulSetFormSchemaType = statefulSet;
export const DaemonSetFormSchema: DaemonSetFormSchemaType = daemonSet;
export const JobFormSchema: JobFormSchemaType = job;
export const CronJobFormSchema: CronJobFormSchemaType = cronJob;

/** The one schema of the workload form: API and web both validate with it. */
export const WorkloadFormSchema = z.discriminatedUnion('kind', [
  DeploymentFormSchema,
  StatefulSetFormSchema,
  DaemonSetFormSchema,
  JobFormSchema,
  CronJobFormSchema,
]);

export const WORKLOAD_FORM_SCHEMAS = {
  Deployment: DeploymentFormSchema,
  StatefulSet: StatefulSetFormSchema,
  DaemonSet: DaemonSetFormSchema,
  Job: JobFormSchema,
  CronJob: CronJobFormSchema,
} as const satisfies Record<WorkloadFormKind, z.ZodType>;

export type DeploymentForm = z.infer<typeof DeploymentFormSchema>;
export type StatefulSetForm = z.infer<typeof StatefulSetFormSchema>;
export type DaemonSetForm = z.infer<typeof DaemonSetFormSchema>;
export type JobForm = z.infer<typeof JobFormSchema>;
export type CronJobForm = z.infer<typeof CronJobFormSchema>;
export type WorkloadForm = z.infer<typeof WorkloadFormSchema>;

/** The pod template of any workload form (CronJobs keep theirs under jobTemplate). */
export function podTemplateOf(form: WorkloadForm): PodTemplateForm {
  return form.kind === 'CronJob' ? form.spec.jobTemplate.spec.template : form.spec.template;
}
