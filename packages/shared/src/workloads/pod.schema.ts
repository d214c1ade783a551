import { z } from 'zod';
import { ContainerSchema, InitContainerSchema, SeccompProfileSchema } from './container.schema.js';
import { keyed, withMeta, type Named } from './form-meta.js';
import { LooseSelectorSchema, TemplateMetaSchema } from './metadata.schema.js';
import { msg } from './messages.js';
import {
  choice,
  Dns1123SubdomainSchema,
  LabelMapSchema,
  NonNegativeIntSchema,
  PositiveIntSchema,
  RequiredStringSchema,
  WeightSchema,
} from './rules.js';
import { VolumeSchema } from './volume.schema.js';

/** The pod template: scheduling, identity, security and the containers (container.schema.ts). */

const strings = z.array(z.string());
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

// Deep scheduling parts are carried whole (looseObject): the form holds the full value, these shapes type and
// check the parts they name.
const NodeSelectorRequirementSchema = z.looseObject({
  key: RequiredStringSchema,
  operator: choice([...SELECTOR_OPERATORS, 'Gt', 'Lt']),
  values: strings.optional(),
});
const NodeSelectorTermSchema = z.looseObject({
  matchExpressions: z.array(NodeSelectorRequirementSchema).optional(),
  matchFields: z.array(NodeSelectorRequirementSchema).optional(),
});
const PodAffinityTermSchema = z.looseObject({
  labelSelector: LooseSelectorSchema.optional(),
  namespaceSelector: LooseSelectorSchema.optional(),
  namespaces: strings.optional(),
  topologyKey: RequiredStringSchema,
  matchLabelKeys: strings.optional(),
  mismatchLabelKeys: strings.optional(),
});
const PodAffinitySchema = z.looseObject({
  requiredDuringSchedulingIgnoredDuringExecution: z.array(PodAffinityTermSchema).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z
    .array(z.looseObject({ weight: WeightSchema, podAffinityTerm: PodAffinityTermSchema }))
    .optional(),
});
export const AffinitySchema = z.looseObject({
  nodeAffinity: z
    .looseObject({
      requiredDuringSchedulingIgnoredDuringExecution: z
        .looseObject({ nodeSelectorTerms: z.array(NodeSelectorTermSchema) })
        .optional(),
      preferredDuringSchedulingIgnoredDuringExecution: z
        .array(z.looseObject({ weight: WeightSchema, preference: NodeSelectorTermSchema }))
        .optional(),
    })
    .optional(),
  podAffinity: PodAffinitySchema.optional(),
  podAntiAffinity: PodAffinitySchema.optional(),
});

export const TolerationSchema = z
  .strictObject({
    key: z.string().optional(),
    operator: choice(['Exists', 'Equal']).optional(),
    value: z.string().optional(),
    effect: choice(['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
    tolerationSeconds: z.number().int(msg('workload.integer')).optional(),
  })
  .refine((t) => !(t.operator === 'Exists' && t.value), { error: msg('workload.tolerationValue'), path: ['value'] });

export const TopologySpreadConstraintSchema = z.strictObject({
  maxSkew: PositiveIntSchema,
  topologyKey: RequiredStringSchema,
  whenUnsatisfiable: choice(['DoNotSchedule', 'ScheduleAnyway']),
  labelSelector: LooseSelectorSchema.optional(),
  minDomains: PositiveIntSchema.optional(),
  nodeAffinityPolicy: choice(['Honor', 'Ignore']).optional(),
  nodeTaintsPolicy: choice(['Honor', 'Ignore']).optional(),
  matchLabelKeys: strings.optional(),
});

export const PodSecurityContextSchema = z.strictObject({
  runAsNonRoot: z.boolean().optional(),
  runAsUser: NonNegativeIntSchema.optional(),
  runAsGroup: NonNegativeIntSchema.optional(),
  fsGroup: NonNegativeIntSchema.optional(),
  fsGroupChangePolicy: choice(['OnRootMismatch', 'Always']).optional(),
  supplementalGroups: z.array(NonNegativeIntSchema).optional(),
  seccompProfile: SeccompProfileSchema.optional(),
});

const podSpecSchema = withMeta(
  z.strictObject({
    initContainers: keyed(z.array(InitContainerSchema), (c) => [c.name]).optional(),
    containers: keyed(z.array(ContainerSchema).min(1, msg('workload.containersRequired')), (c) => [c.name]),
    volumes: keyed(z.array(VolumeSchema), (v) => [v.name]).optional(),
    restartPolicy: choice(['Always', 'OnFailure', 'Never']).optional(),
    terminationGracePeriodSeconds: NonNegativeIntSchema.optional(),
    dnsPolicy: choice(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']).optional(),
    nodeSelector: LabelMapSchema.optional(),
    affinity: AffinitySchema.optional(),
    tolerations: z.array(TolerationSchema).optional(),
    topologySpreadConstraints: z.array(TopologySpreadConstraintSchema).optional(),
    priorityClassName: Dns1123SubdomainSchema.optional(),
    serviceAccountName: Dns1123SubdomainSchema.optional(),
    imagePullSecrets: keyed(z.array(z.strictObject({ name: Dns1123SubdomainSchema })), (s) => [s.name]).optional(),
    securityContext: PodSecurityContextSchema.optional(),
  }),
  { aliases: { serviceAccountName: ['serviceAccount'] } },
);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name for declarations (form-meta Named)
export interface PodSpecSchemaType extends Named<typeof podSpecSchema> {}
export const PodSpecSchema: PodSpecSchemaType = podSpecSchema;

const podTemplateSchema = z.strictObject({ metadata: TemplateMetaSchema.optional(), spec: PodSpecSchema });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name for declarations (form-meta Named)
export interface PodTemplateSchemaType extends Named<typeof podTemplateSchema> {}
export const PodTemplateSchema: PodTemplateSchemaType = podTemplateSchema;

export type TolerationForm = z.infer<typeof TolerationSchema>;
export type TopologySpreadConstraintForm = z.infer<typeof TopologySpreadConstraintSchema>;
export type AffinityForm = z.infer<typeof AffinitySchema>;
export type PodSecurityContextForm = z.infer<typeof PodSecurityContextSchema>;
export type PodSpecForm = z.infer<typeof PodSpecSchema>;
export type PodTemplateForm = z.infer<typeof PodTemplateSchema>;
